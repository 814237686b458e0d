/**
 * Text fitting for SVG labels built without a DOM: there is no layout engine
 * at build time, so widths are estimated from a character count (an average
 * glyph is about 0.55 em wide in the sans-serif faces we use).
 */

/** Average glyph width as a fraction of the font size. */
export const AVERAGE_CHAR_EM = 0.55;

/** How many characters fit on a line `width` px wide at `fontSize` px (at least 1). */
export function charsPerLine(width: number, fontSize: number, charEm = AVERAGE_CHAR_EM): number {
  return Math.max(1, Math.floor(width / (fontSize * charEm)));
}

/**
 * Greedy word wrap into lines of at most `maxChars` characters. Only ordinary
 * whitespace breaks a line: no-break spaces hold, and French punctuation
 * written after a plain space (`mot :`, `mot »`, `mot –`) stays with its word,
 * as « stays with the next one. A word longer than a line is cut into pieces,
 * since nothing may overflow.
 */
export function wrapText(text: string, maxChars: number): string[] {
  const max = Math.max(1, Math.floor(maxChars));
  const words = glue(text.split(/[ \t\r\n]+/).filter(Boolean), max).flatMap((w) => splitLong(w, max));
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (!line) line = word;
    else if (line.length + 1 + word.length <= max) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

const STICKS_LEFT = /^[:;!?»)\]–—…]+[,.]?$/u;
const STICKS_RIGHT = /^[«([]$/u;

function glue(words: readonly string[], max: number): string[] {
  const out: string[] = [];
  let open = '';
  for (const word of words) {
    const last = out.length - 1;
    if (STICKS_RIGHT.test(word) && !open) open = word;
    else if (open) {
      const joined = `${open} ${word}`;
      out.push(...(joined.length <= max ? [joined] : [open, word]));
      open = '';
    } else if (last >= 0 && STICKS_LEFT.test(word) && out[last]!.length + 1 + word.length <= max) out[last] = `${out[last]} ${word}`;
    else out.push(word);
  }
  if (open) out.push(open);
  return out;
}

function splitLong(word: string, max: number): string[] {
  if (word.length <= max) return [word];
  const parts: string[] = [];
  for (let i = 0; i < word.length; i += max) parts.push(word.slice(i, i + max));
  return parts;
}

/**
 * `text` cut to at most `maxChars` characters (ellipsis included), at a word
 * boundary when one is close enough, with trailing punctuation dropped.
 */
export function shorten(text: string, maxChars: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= maxChars) return clean;
  const room = Math.max(1, maxChars - 1);
  let cut = clean.slice(0, room);
  const space = cut.lastIndexOf(' ');
  if (space >= room * 0.6) cut = cut.slice(0, space);
  return `${cut.replace(/[\s,;:.\-–—(«]+$/u, '')}…`;
}
