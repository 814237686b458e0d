/**
 * Peak memory of a process tree (this process, Astro, Chromium…), sampled
 * from /proc: Node reports its own peak only. Each process counts its
 * proportional set size (PSS): pages shared by several processes (Chromium's
 * code, shared memory between its processes) are divided among them, not
 * counted once per process as a sum of RSS would, which overstated
 * Chromium's many processes by about half.
 */
import { readdirSync, readFileSync } from 'node:fs';

/**
 * `exclude`: a process of the tree not to count, with its own (the bench's
 * CPU load). Only the tree's processes have their PSS read: the kernel
 * walks a process's whole memory map to sum it, which for every process
 * of a busy machine took longer than the sampling interval and starved the
 * build it measured.
 */
function treePssKb(root: number, exclude?: number): number {
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
      if (p === exclude) return false;
      if (p === root) return true;
    }
    return false;
  };
  let total = 0;
  for (const pid of parent.keys()) {
    if (!inTree(pid)) continue;
    try {
      total += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      // Ended meanwhile.
    }
  }
  return total;
}

/** Samples the tree's total PSS every `ms` (after each sample, so that slow samples never pile up) until stopped; returns the peak in MB. */
export function samplePeak(ms = 100, exclude?: number): { stop(): number } {
  let peak = 0;
  let timer: ReturnType<typeof setTimeout>;
  const sample = () => {
    peak = Math.max(peak, treePssKb(process.pid, exclude));
    timer = setTimeout(sample, ms);
  };
  timer = setTimeout(sample, ms);
  return {
    stop() {
      clearTimeout(timer);
      return Math.round(Math.max(peak, treePssKb(process.pid, exclude)) / 1024);
    },
  };
}
