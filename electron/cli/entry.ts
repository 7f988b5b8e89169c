/** Process entry of the bundled CLI (dist/cli/jiaodui.mjs). */
import { main } from './main';

const code = await main(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: process.stderr.isTTY === true,
  cwd: process.cwd(),
});
process.exitCode = code;
