/**
 * The bench's memory sampler, in a process of its own (see memory.ts):
 * `node memory-sampler.ts ROOT MS EXCLUDE` writes the tree's PSS in KB each
 * time it reaches a new peak, until killed.
 */
import { treePssKb } from './memory.ts';

const [root, ms, exclude] = process.argv.slice(2).map(Number) as [number, number, number];
let peak = 0;
const sample = () => {
  // The PSS is read only when the RSS could hold a new peak: reading it walks every process's memory map.
  const kb = treePssKb(root, [process.pid, exclude], peak);
  if (kb > peak) process.stdout.write(`${(peak = kb)}\n`);
  setTimeout(sample, ms);
};
sample();
