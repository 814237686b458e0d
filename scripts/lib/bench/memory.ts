/**
 * Peak resident memory of a process tree (this process, Astro, Chromium…),
 * sampled from /proc: Node reports its own peak only.
 */
import { readdirSync, readFileSync } from 'node:fs';

function treeRssKb(root: number): number {
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      parent.set(Number(name), Number(/PPid:\s+(\d+)/.exec(status)?.[1] ?? 0));
      rss.set(Number(name), Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
    } catch {
      // The process ended while we looked.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid, depth = 0; p > 1 && depth < 50; p = parent.get(p) ?? 0, depth++) if (p === root) return true;
    return false;
  };
  let total = 0;
  for (const [pid, kb] of rss) if (inTree(pid)) total += kb;
  return total;
}

/** Samples the tree's total RSS every `ms` until stopped; returns the peak in MB. */
export function samplePeak(ms = 100): { stop(): number } {
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, treeRssKb(process.pid))), ms);
  return {
    stop() {
      clearInterval(timer);
      return Math.round(Math.max(peak, treeRssKb(process.pid)) / 1024);
    },
  };
}
