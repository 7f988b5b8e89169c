/** The hovered flag and where to show its tooltip; a tiny store of its own so hovering re-renders only the tooltip. */
import { useSyncExternalStore } from 'react';

export interface Hover { flagId: string; x: number; y: number }

let hover: Hover | null = null;
const listeners = new Set<() => void>();

export function setHover(next: Hover | null): void {
  if (hover?.flagId === next?.flagId && hover?.x === next?.x) return;
  hover = next;
  for (const l of listeners) l();
}

export function useHover(): Hover | null {
  return useSyncExternalStore((l) => (listeners.add(l), () => listeners.delete(l)), () => hover);
}
