/**
 * Repairs persisted settings and recent-file lists: unknown keys are dropped, bad values fall back to defaults,
 * so one corrupt field never loses the others.
 */
import { DEFAULT_SETTINGS, FILE_KINDS, validateArgs, type RecentFile, type Settings } from '../../shared/ipc';

export function repairSettings(data: unknown): Settings {
  if (typeof data !== 'object' || data === null) return { ...DEFAULT_SETTINGS };
  const out: Settings = { ...DEFAULT_SETTINGS };
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const checked = validateArgs('setSettings', [{ [key]: value }]);
    if (checked.ok) Object.assign(out, checked.value[0]);
  }
  return out;
}

export const MAX_RECENT = 12;

export function repairRecent(data: unknown): RecentFile[] {
  if (!Array.isArray(data)) return [];
  return data
    .filter((r): r is RecentFile =>
      typeof r === 'object' && r !== null && typeof (r as RecentFile).path === 'string' && typeof (r as RecentFile).name === 'string' &&
      (FILE_KINDS as readonly string[]).includes((r as RecentFile).kind) && typeof (r as RecentFile).openedAt === 'string')
    .slice(0, MAX_RECENT);
}

/** Puts a file at the top of the recent list, without duplicates. */
export function pushRecent(list: readonly RecentFile[], file: Omit<RecentFile, 'openedAt'>, now = new Date()): RecentFile[] {
  return [{ ...file, openedAt: now.toISOString() }, ...list.filter((r) => r.path !== file.path)].slice(0, MAX_RECENT);
}
