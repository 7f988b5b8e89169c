// `npm run bench`: runs every bench/*.bench.mjs in its own Node process (so memory figures are per
// benchmark) and prints their JSON result lines. Benchmarks that need ../shared skip when it is absent.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib.mjs';

const only = process.argv.slice(2);
const files = readdirSync(join(ROOT, 'bench')).filter((f) => f.endsWith('.bench.mjs') && (only.length === 0 || only.some((o) => f.includes(o)))).sort();
let failed = 0;
for (const file of files) {
  process.stderr.write(`# ${file}\n`);
  const r = spawnSync(process.execPath, ['--expose-gc', join(ROOT, 'bench', file)], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
