/**
 * Remembered window bounds: restored only when they still fit on a connected display (a laptop undocked from a
 * second monitor must not open its window off-screen), otherwise a sensible default size is used.
 */
import type { WindowBounds } from '../../shared/ipc';

export interface Area { x: number; y: number; width: number; height: number }

export const DEFAULT_BOUNDS: WindowBounds = { width: 1280, height: 820 };

/** Bounds to open with: the saved ones when at least 100×60 px of the title bar area is visible on some display. */
export function restoreBounds(saved: WindowBounds | null, displays: readonly Area[]): WindowBounds {
  if (!saved) return DEFAULT_BOUNDS;
  if (saved.x === undefined || saved.y === undefined) return { width: saved.width, height: saved.height, maximized: saved.maximized ?? false };
  const { x, y, width } = saved;
  const visible = displays.some((d) => {
    const overlapX = Math.min(x + width, d.x + d.width) - Math.max(x, d.x);
    const overlapY = Math.min(y + 60, d.y + d.height) - Math.max(y, d.y);
    return overlapX >= 100 && overlapY >= 30;
  });
  return visible ? saved : { width: saved.width, height: saved.height, maximized: saved.maximized ?? false };
}
