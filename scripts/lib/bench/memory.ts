/**
 * Peak memory of a process tree (this process, Astro, Chromium…), sampled
 * from /proc: Node reports its own peak only. Each process counts its
 * proportional set size (PSS): pages shared by several processes (Chromium's
 * code, shared memory between its processes) are divided among them, not
 * counted once per process as a sum of RSS would, which overstated
 * Chromium's many processes by about half.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** `exclude`: a process of the tree not to count, with its own (the bench's CPU load). */
function treePssKb(root: number, exclude?: number): number {
  const parent = new Map<number, number>();
  const pss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const rollup = readFileSync(`/proc/${name}/smaps_rollup`, 'utf8');
      parent.set(Number(name), Number(/PPid:\s+(\d+)/.exec(status)?.[1] ?? 0));
      pss.set(Number(name), Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0));
    } catch {
      // The process ended while we looked.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid, depth = 0; p > 1 && depth < 50; p = parent.get(p) ?? 0, depth++) {
      if (p === exclude) return false;
      if (p === root) return true;
    }
    return false;
  };
  let total = 0;
  for (const [pid, kb] of pss) if (inTree(pid)) total += kb;
  return total;
}

/** Samples the tree's total PSS every `ms` until stopped; returns the peak in MB. */
export function samplePeak(ms = 100, exclude?: number): { stop(): number } {
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, treePssKb(process.pid, exclude))), ms);
  return {
    stop() {
      clearInterval(timer);
      return Math.round(Math.max(peak, treePssKb(process.pid, exclude)) / 1024);
    },
  };
}
