/**
 * A readable word-level excerpt of what changed between two texts: each
 * change with a few words of context either side, as a reader of a
 * « comparaison » expects, not a whole text marked up. Words are compared
 * by jsdiff's `diffWords`.
 */
import { diffWords } from 'diff';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { WordRun } from './types.ts';

/** The text a reader reads in a Markdown body, block by block (directives' figures are not text). */
export function plainText(root: Root): string {
  return root.children.map((node) => toString(node)).filter(Boolean).join('\n\n');
}

/** Words of unchanged text kept on each side of a change. */
const CONTEXT = 8;
/** Excerpts shown for one text; the others are counted. */
const MAX_EXCERPTS = 3;

export function wordExcerpts(before: string, after: string): { extraits: WordRun[][]; autres: number } {
  const runs: WordRun[] = diffWords(squash(before), squash(after)).map((p) => ({ text: p.value, kind: p.added ? 'added' : p.removed ? 'removed' : 'same' }));
  const excerpts: WordRun[][] = [];
  let open: WordRun[] | undefined;
  runs.forEach((run, i) => {
    if (run.kind !== 'same') {
      if (!open) {
        open = [];
        const lead = lastWords(runs[i - 1]?.text ?? '', CONTEXT);
        if (lead) open.push({ text: lead, kind: 'same' });
      }
      open.push(run);
      return;
    }
    if (!open) return;
    const words = run.text.trim().split(/\s+/).filter(Boolean);
    const last = i === runs.length - 1;
    // A short stretch between two changes stays inside one excerpt.
    if (!last && words.length <= 2 * CONTEXT) return void open.push(run);
    open.push({ text: firstWords(run.text, CONTEXT), kind: 'same' });
    excerpts.push(open);
    open = undefined;
  });
  if (open) excerpts.push(open);
  return { extraits: excerpts.slice(0, MAX_EXCERPTS), autres: Math.max(0, excerpts.length - MAX_EXCERPTS) };
}

/** Whitespace as a reader sees it: a line break is a space, a paragraph break a pilcrow. */
function squash(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join(' ¶ ');
}

function lastWords(text: string, n: number): string {
  const words = text.split(' ');
  // The run ends with the space before the change: keep it.
  const kept = words.slice(-(n + 1)).join(' ');
  return words.length > n + 1 ? `… ${kept.trimStart()}` : kept;
}

function firstWords(text: string, n: number): string {
  const words = text.split(' ');
  const kept = words.slice(0, n + 1).join(' ');
  return words.length > n + 1 ? `${kept.trimEnd()} …` : kept;
}
