/**
 * Expands CLI inputs (files and directories) into a list of files, and chooses one output path per input.
 * An output never replaces its input: that is refused as bad usage.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { UsageError } from './command';

const INPUT_EXTENSIONS = ['.txt', '.text', '.srt', '.vtt', '.json', '.md', '.markdown', '.bcc'];

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (INPUT_EXTENSIONS.includes(extname(entry.name).toLowerCase())) out.push(path);
  }
}

/**
 * Files named directly are kept whatever their extension (content decides the format); directories are
 * walked. Paths stay as the user wrote them (relative to `cwd`), so reports and messages name them so.
 */
export function expandInputs(positionals: string[], cwd: string): string[] {
  const files: string[] = [];
  for (const p of positionals) {
    const path = resolve(cwd, p);
    if (existsSync(path) && statSync(path).isDirectory()) {
      const found: string[] = [];
      walk(p, found);
      if (found.length === 0) throw new UsageError(`${p}: directory holds no transcript or subtitle files`);
      files.push(...found);
    } else files.push(p);
  }
  return files;
}

/** Strips a project or transcript extension: `talk.jiaodui.json` → `talk`, `talk.srt` → `talk`. */
function stem(path: string): string {
  const name = basename(path);
  return name.toLowerCase().endsWith('.jiaodui.json') ? name.slice(0, -'.jiaodui.json'.length) : name.slice(0, name.length - extname(name).length);
}

/**
 * One output per input. With one input, `-o` is the output file (or stdout when absent). With several,
 * `-o` is a directory (created if missing) and each output is `<stem><suffix><ext>` inside it.
 */
export function planOutputs(inputs: string[], output: string | undefined, cwd: string, ext: string, suffix: string): (string | null)[] {
  if (inputs.length === 1 && !(output && existsSync(resolve(cwd, output)) && statSync(resolve(cwd, output)).isDirectory())) {
    const out = output ? resolve(cwd, output) : null;
    if (out && out === resolve(cwd, inputs[0]!)) throw new UsageError(`refusing to overwrite the input ${output}: choose another -o`);
    return [out];
  }
  if (!output) throw new UsageError('several inputs need -o DIR (one output file per input is written there)');
  const dir = resolve(cwd, output);
  const taken = new Set<string>();
  return inputs.map((input) => {
    let out = join(dir, `${stem(input)}${suffix}${ext}`);
    for (let n = 2; taken.has(out) || out === resolve(cwd, input); n++) out = join(dir, `${stem(input)}${suffix}-${n}${ext}`);
    taken.add(out);
    return out;
  });
}
