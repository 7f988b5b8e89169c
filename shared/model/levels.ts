/**
 * Cleanup levels. A flag is accepted automatically at a level when its confidence reaches the level's
 * threshold; detectors choose confidences so that each flag lands in the right level.
 */
export type Level = 'conservative' | 'standard' | 'thorough';

export const LEVELS: readonly Level[] = ['conservative', 'standard', 'thorough'];

export const LEVEL_THRESHOLD: Readonly<Record<Level, number>> = {
  conservative: 0.9,
  standard: 0.7,
  thorough: 0.4,
};

export const DEFAULT_LEVEL: Level = 'standard';

export function isLevel(value: unknown): value is Level {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}

/** True when `confidence` is accepted without review at `level`. */
export function autoAt(confidence: number, level: Level): boolean {
  return confidence >= LEVEL_THRESHOLD[level];
}
