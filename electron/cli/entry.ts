/**
 * Process entry of the bundled CLI (dist/cli/jiaodui.mjs).
 *
 * Standard output is written synchronously (`writeSync` on fd 1, waiting out EAGAIN): `process.stdout.write` to a
 * pipe queues whatever the reader has not taken yet, so `check --json` on a 15 MB transcript piped into another
 * program held its whole ~110 MB report (as UTF-16 strings plus buffers) and peaked at 1.2 GB instead of ~350 MB.
 * A closed pipe (`| head`) ends the output quietly.
 */
// first: V8 flags must be set before the other modules' code runs
import './v8-tuning';
import { writeSync } from 'node:fs';
import { main } from './main';

let closed = false;
const pause = new Int32Array(new SharedArrayBuffer(4));

function writeStdout(text: string): void {
  if (closed || text === '') return;
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0; at < bytes.length;) {
    try {
      at += writeSync(1, bytes, at, bytes.length - at);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, 2);
      else if (code === 'EPIPE') {
        closed = true;
        return;
      } else throw e;
    }
  }
}

const code = await main(process.argv.slice(2), {
  stdout: writeStdout,
  stderr: (t) => process.stderr.write(t),
  isTTY: process.stderr.isTTY === true,
  cwd: process.cwd(),
});
process.exitCode = code;
