/**
 * No fixed timeout decides whether a PDF can be made: a busy laptop or CI
 * runner may take ten times as long as a quiet machine. A step of the print
 * pipeline fails only when it stops making progress for longer than a
 * limit that grows with what it works on (megabytes of HTML, pages), and
 * every page laid out counts as progress and starts the limit again, as
 * does any CPU time the browser used meanwhile: only a browser that waits
 * on nothing fails, never a slow one.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** A step made no progress within its limit: Chromium is stuck, not slow. */
export class StallError extends Error {}

/**
 * The limits, generous on purpose. Measured on a quiet 2-core machine (1
 * December): Chromium loads a 25 MB print page in 12 s (0.5 s/MB) and
 * prints 2,098 pages in 99 s (0.05 s/page); a page of Paged.js takes well
 * under a second. The limits leave a margin of 40 to 100 times that.
 */
export const STALL = {
  /** Whatever the size: a machine under load may pause any step this long. */
  baseMs: 120_000,
  /** Per megabyte of HTML to load, measure or lay out. */
  perMbMs: 60_000,
  /** Per page to print. */
  perPageMs: 2_000,
};

/** The stall limit of a step over `bytes` of HTML and `pages` pages. */
export function stallLimit(bytes: number, pages = 0): number {
  return STALL.baseMs + (bytes / 1e6) * STALL.perMbMs + pages * STALL.perPageMs;
}

/**
 * `run`'s result, or a StallError saying « `what` n’avance plus » once no
 * progress was seen for `limitMs`. `run` receives `progress`, to call at
 * each step forward (a page laid out); without calls, the whole step must
 * end within the limit.
 */
export async function watched<T>(what: string, limitMs: number, run: (progress: () => void) => Promise<T>, busy: () => boolean = chromiumBusy()): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stalled!: (e: StallError) => void;
  const stall = new Promise<never>((_, reject) => (stalled = reject));
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => stalled(new StallError(`${what} n’avance plus depuis ${minutes(limitMs)}`)), limitMs);
  };
  arm();
  // Printing and loading tell nothing of their progress: the browser working is progress enough.
  const poll = setInterval(() => busy() && arm(), Math.min(5000, limitMs / 4));
  try {
    return await Promise.race([run(arm), stall]);
  } finally {
    clearTimeout(timer);
    clearInterval(poll);
  }
}

/**
 * Whether the processes this one started (Chromium's) used the CPU since
 * the last call: read from /proc where there is one, never elsewhere.
 */
export function chromiumBusy(cpu: () => number | undefined = childrenCpuTicks): () => boolean {
  let last = cpu();
  return () => {
    const now = cpu();
    const busy = now !== undefined && last !== undefined && now > last;
    last = now;
    return busy;
  };
}

/** CPU time (clock ticks) used so far by the descendants of this process, or undefined without /proc. */
function childrenCpuTicks(): number | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  const parent = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // After the command's name, in parentheses: state, ppid, … utime (14th field), stime (15th).
      const fields = readFileSync(`/proc/${name}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
      parent.set(Number(name), Number(fields[1]));
      ticks.set(Number(name), Number(fields[11]) + Number(fields[12]));
    } catch {
      // The process ended while we looked.
    }
  }
  const mine = (pid: number): boolean => {
    for (let p = parent.get(pid) ?? 0, depth = 0; p > 1 && depth < 50; p = parent.get(p) ?? 0, depth++) if (p === process.pid) return true;
    return false;
  };
  let total = 0;
  for (const [pid, t] of ticks) if (mine(pid)) total += t;
  return total;
}

function minutes(ms: number): string {
  const m = Math.round(ms / 60_000);
  return m < 2 ? `${Math.round(ms / 1000)} s` : `${m} min`;
}
