/**
 * V8 tuning for the CLI process, imported first by entry.ts so it runs before any other module's code.
 *
 * V8 optimises a function with TurboFan once it has spent an *interrupt budget* of bytecode (67,584 by default, a
 * setting tuned for long-lived pages). A `check` is short and runs most of its code over one pass of the data: with
 * the default budget ~200 functions are optimised, several twice after deoptimisations, and the background
 * compiler threads take ~0.8 s of CPU on a 5,000-entry glossary check — on a two-core machine the same cores the
 * main thread needs. A larger budget optimises only the functions that stay hot (the matchers' scan loops), which
 * cut the whole process's CPU by ~20% and wall time by ~8% (docs/glossary.md, speed round 7). Flags set here are
 * process-wide, so the batch worker threads share them. `JIAODUI_V8_DEFAULTS=1` keeps V8's defaults (for comparing).
 */
import { setFlagsFromString } from 'node:v8';

/** Bytecode a function runs before V8 considers optimising it (V8's default: 67,584). */
export const CLI_INTERRUPT_BUDGET = 300_000;

if (process.env['JIAODUI_V8_DEFAULTS'] !== '1') setFlagsFromString(`--interrupt-budget=${CLI_INTERRUPT_BUDGET}`);
