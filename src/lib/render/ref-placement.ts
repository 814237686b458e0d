/**
 * Where each `:ref` of a Markdown body stands in its sentence, read from the
 * text around it: whether the words before already name its kind (« l'enjeu
 * :ref[…] »), whether it opens a sentence, whether it stands in the author's
 * brackets (« (:ref[…]) »), whether it opens a list item (« - :ref[…] :
 * … », where the item is about it). The printed short form depends on it
 * (queries/ref-forms.ts); the site's rich links do not.
 */
import type { Parent, PhrasingContent, Root } from 'mdast';
import type {} from 'mdast-util-directive'; // its node types in mdast's
import { visit } from 'unist-util-visit';

export interface RefSurroundings {
  /** The text of the block before the reference; earlier references are `REF_MARK`. */
  before: string;
  bracketed: boolean;
  sentenceStart: boolean;
  /** First in a list item: the item is about it. */
  opensItem: boolean;
}

/** Stands for an earlier reference in `before`. */
export const REF_MARK = '\uE000';

const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/** Each `:ref` of `root`, by the offset where it starts in the source. */
export function refSurroundings(root: Root): Map<number, RefSurroundings> {
  const found = new Map<number, RefSurroundings>();
  visit(root, (node, index, parent) => {
    if (!BLOCKS.has(node.type)) return;
    const itemStart = parent?.type === 'listItem' && index === 0;
    let text = '';
    const walk = (children: readonly PhrasingContent[]) => {
      for (const child of children) {
        if (child.type === 'textDirective' && child.name === 'ref') {
          const offset = child.position?.start.offset;
          if (offset !== undefined) found.set(offset, { before: text, bracketed: depth(text) > 0, sentenceStart: opensSentence(text), opensItem: itemStart && text.trim() === '' });
          text += REF_MARK;
        } else if (child.type === 'text' || child.type === 'inlineCode') text += child.value;
        else if (child.type === 'break') text += ' ';
        else if ('children' in child) walk(child.children as PhrasingContent[]);
      }
    };
    walk((node as Parent).children as PhrasingContent[]);
  });
  return found;
}

/** Brackets opened and not closed in `text`. */
function depth(text: string): number {
  let open = 0;
  for (const c of text) {
    if (c === '(') open++;
    else if (c === ')' && open > 0) open--;
  }
  return open;
}

function opensSentence(text: string): boolean {
  return /(^|[.!?…]\s+)$/u.test(text.replace(/^\s+/, ''));
}

/**
 * Whether `before` ends with one of `words` (the kind's names, lower case),
 * possibly followed by a comma or by earlier references in a list:
 * « l'enjeu », « le troisième enjeu, », « les objectifs ⟨ref⟩, ⟨ref⟩ et ».
 */
export function namesKind(before: string, words: readonly string[]): boolean {
  if (words.length === 0) return false;
  const names = [...words].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  const list = `(?:${REF_MARK}(?:\\s*,\\s*|\\s+(?:et|ou)\\s+))*`;
  return new RegExp(`(?:^|[^\\p{L}])(?:${names}),?\\s+${list}$`, 'iu').test(before);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
