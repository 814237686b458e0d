/**
 * References as a printed cahier shows them, read from its print document:
 * each with the text of its block up to it, and its own text once its page
 * is written in (src/print/paged-handlers.js), so that a test can tell a
 * bracket opened by the author from one the reference adds.
 */
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';

export interface PrintedRef {
  /** The text of its block before it. */
  before: string;
  /** Its text, with « (p. 1) » or « , p. 1 » where the page goes. */
  text: string;
}

const BLOCKS = new Set(['p', 'li', 'td', 'th', 'dd', 'dt', 'caption', 'figcaption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const classes = (e: Element) => (Array.isArray(e.properties.className) ? e.properties.className.map(String) : []);
const isRef = (e: Element) => classes(e).includes('ref');

export function printedRefs(html: string): PrintedRef[] {
  const found: PrintedRef[] = [];
  const textOf = (node: ElementContent): string => (node.type === 'text' ? node.value : node.type === 'element' ? node.children.map(textOf).join('') : '');
  /** A reference's printed text: the page where its span is, or at its end. */
  const printed = (ref: Element): string => {
    if (ref.tagName !== 'a') return textOf(ref);
    const page = ref.properties.dataRenvoi === 'incise' ? ',\u00a0p.\u202f1' : '\u00a0(p.\u202f1)';
    let placed = false;
    const walk = (node: ElementContent): string => {
      if (node.type === 'text') return node.value;
      if (node.type !== 'element') return '';
      if (classes(node).includes('renvoi-page')) {
        placed = true;
        return page;
      }
      return node.children.map(walk).join('');
    };
    const text = ref.children.map(walk).join('');
    return placed ? text : text + page;
  };
  const block = (el: Element) => {
    let before = '';
    const walk = (node: ElementContent) => {
      if (node.type === 'text') before += node.value;
      else if (node.type === 'element' && isRef(node)) {
        const text = printed(node);
        found.push({ before, text });
        before += text;
      } else if (node.type === 'element' && !BLOCKS.has(node.tagName)) node.children.forEach(walk);
    };
    el.children.forEach(walk);
  };
  const visit = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (BLOCKS.has(child.tagName)) block(child);
      visit(child);
    }
  };
  visit(fromHtml(html));
  return found;
}

/** How deep in brackets `text` goes, starting `from` that depth. */
export function bracketDepth(text: string, from = 0): { end: number; max: number } {
  let depth = from;
  let max = from;
  for (const c of text) {
    if (c === '(') max = Math.max(max, ++depth);
    else if (c === ')' && depth > 0) depth--;
  }
  return { end: depth, max };
}
