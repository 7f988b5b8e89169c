// Preload (`node --import ./bench/cpu-at-exit.mjs …`): prints the process's CPU at exit as one JSON line on stderr —
// user and system time of all its threads, and the main thread's own (from /proc on Linux; null elsewhere).
import { readFileSync, writeSync } from 'node:fs';
process.on('exit', () => {
  const cpu = process.cpuUsage();
  let mainMs = null;
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    mainMs = (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in clock ticks of 10 ms
  } catch { /* not Linux */ }
  writeSync(2, `\n${JSON.stringify({ cpuAtExit: { userMs: cpu.user / 1000, systemMs: cpu.system / 1000, mainThreadMs: mainMs } })}\n`);
});
