/**
 * The one Markdown parser of the project: CommonMark + GFM (tables) +
 * directives (`::indicateur{id=…}`, `:ref[…]`). The model parses every body
 * with it once; renderers read the resulting trees.
 */
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).freeze();

export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
