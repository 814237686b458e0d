/**
 * `npm run bench -- --charge`: another CPU-heavy process on the same
 * machine while the bench builds, as when two builds share a CI runner or
 * a laptop: one busy thread per core, in a child process, until stopped.
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

export function startLoad(): { pid: number | undefined; stop(): void } {
  const threads = availableParallelism();
  const source = `const { Worker } = require('node:worker_threads'); const spin = 'for (;;) Math.sqrt(Math.random());'; for (let i = 1; i < ${threads}; i++) new Worker(spin, { eval: true }); for (;;) Math.sqrt(Math.random());`;
  const child = spawn(process.execPath, ['-e', source], { stdio: 'ignore' });
  return { pid: child.pid, stop: () => void child.kill('SIGKILL') };
}
