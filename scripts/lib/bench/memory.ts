/**
 * Peak memory of a process tree (this process, Astro, Chromium…), sampled
 * from /proc: Node reports its own peak only. Each process counts its
 * proportional set size (PSS): pages shared by several processes (Chromium's
 * code, shared memory between its processes) are divided among them, not
 * counted once per process as a sum of RSS would, which overstated
 * Chromium's many processes by about half.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * `exclude`: processes of the tree not to count, with their own (the bench's
 * CPU load, the sampler). Only the tree's processes have their PSS read: the
 * kernel walks a process's whole memory map to sum it, which for every
 * process of a busy machine took longer than the sampling interval and
 * starved the build it measured.
 */
export function treePssKb(root: number, exclude: readonly number[] = [], above = 0): number {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // After the command's name, in parentheses: the state, then the parent's pid.
      parent.set(Number(name), Number(readFileSync(`/proc/${name}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid, depth = 0; p > 1 && depth < 50; p = parent.get(p) ?? 0, depth++) {
      if (exclude.includes(p)) return false;
      if (p === root) return true;
    }
    return false;
  };
  const tree = [...parent.keys()].filter(inTree);
  // A process's PSS is at most its RSS, which costs nothing to read: below
  // `above`, the RSS alone says the PSS cannot be either.
  if (above > 0 && tree.reduce((sum, pid) => sum + rssKb(pid), 0) <= above) return 0;
  let total = 0;
  for (const pid of tree) {
    try {
      total += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      // Ended meanwhile.
    }
  }
  return total;
}

function rssKb(pid: number): number {
  try {
    return Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/**
 * Samples this process tree's total PSS every `ms` until stopped; returns
 * the peak in MB. The sampling runs in a process of its own
 * (memory-sampler.ts): in this one, each sample held up the build it
 * measured (3.8 s of this process's time over a 21 s PDF step at size M,
 * sampling every 100 ms).
 */
export function samplePeak(ms = 250, exclude?: number): { stop(): number } {
  const sampler = spawn(process.execPath, [...process.execArgv, fileURLToPath(new URL('./memory-sampler.ts', import.meta.url)), String(process.pid), String(ms), String(exclude ?? 0)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let peak = 0;
  // It writes each new peak on a line of its own.
  sampler.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n')) if (line.trim()) peak = Math.max(peak, Number(line));
  });
  return {
    stop() {
      sampler.kill();
      const own = [sampler.pid ?? 0, ...(exclude ? [exclude] : [])];
      return Math.round(Math.max(peak, treePssKb(process.pid, own)) / 1024);
    },
  };
}
