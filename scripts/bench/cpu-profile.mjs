// Preloaded into the bot by `BENCH_CPU_PROF=<dir> npm run bench` (NODE_OPTIONS=--import …; node 20
// does not allow --cpu-prof there): profiles the main thread with the inspector and writes a
// .cpuprofile into <dir> when the process exits. Bench-only scaffolding.
import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.BENCH_CPU_PROF;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 200 });
  session.post('Profiler.start');
  process.on('exit', () => {
    // The inspector answers synchronously on the main thread.
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(join(dir, `bot-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
