/**
 * A status line on a terminal (« Cahier I : 240 / ≈ 584 pages »), rewritten
 * in place as a long step goes on, at most a few times a second. Where the
 * output is not a terminal (a CI log, a test), it writes nothing.
 */
import { formatNumber } from '../../src/lib/format.ts';
import type { Progress } from './pdf-render.ts';

export interface StatusLine {
  show(text: string): void;
  /** Clears the line, before a line of the log is written. */
  clear(): void;
}

export function statusLine(stream: NodeJS.WriteStream = process.stdout, everyMs = 200): StatusLine {
  if (!stream.isTTY) return { show: () => {}, clear: () => {} };
  let shown = false;
  let last = 0;
  return {
    show(text) {
      const now = performance.now();
      if (now - last < everyMs) return;
      last = now;
      // A terminal of unknown width (0) counts as 80 columns.
      stream.write(`\r\x1b[K${text.slice(0, (stream.columns || 80) - 1)}`);
      shown = true;
    },
    clear() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}

/** What a document's progress reads as: « Cahier I : 240 / ≈ 584 pages », then « Cahier I : impression, 120 / 584 pages ». */
export function progressText(label: string, progress: Progress): string {
  const n = (v: number) => formatNumber(v, 0);
  if (progress.printing) return `${label} : impression, ${n(progress.pages)} / ${n(progress.estimate ?? progress.pages)} pages`;
  const of = progress.estimate !== undefined ? ` / ≈ ${n(Math.max(progress.estimate, progress.pages))}` : '';
  return `${label} : ${n(progress.pages)}${of} page${progress.pages >= 2 || of ? 's' : ''}`;
}
