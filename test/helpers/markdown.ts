/** A Markdown snippet parsed with directives, run through the plugins under test, reduced to what the tests compare. */
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified, type Pluggable } from 'unified';

export function run(markdown: string, ...plugins: Pluggable[]): Root {
  const processor = unified().use(remarkParse).use(remarkDirective).use(plugins);
  return processor.runSync(processor.parse(markdown), markdown) as Root;
}

/** The children of the first paragraph, without positions. */
export function phrasing(tree: Root): unknown[] {
  const first = tree.children[0];
  if (first?.type !== 'paragraph') throw new Error(`expected a paragraph, got ${first?.type}`);
  return JSON.parse(JSON.stringify(first.children, (key, value: unknown) => (key === 'position' ? undefined : value))) as unknown[];
}
