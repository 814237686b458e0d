/**
 * The one Markdown parser of the project: CommonMark + GFM (tables) +
 * directives (`::indicateur{id=…}`, `:ref[…]`). The model parses every body
 * with it once; renderers read the resulting trees. What needs nothing but
 * the source is settled here (colons in prose, `:ref` labels); what needs
 * the contract's ids is applied by the model (see model/directives.ts).
 */
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { LEAF_DIRECTIVES } from '../model/directives.ts';
import { remarkProseColons } from './prose-colons.ts';
import { remarkRefLabels } from './ref-labels.ts';

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkDirective)
  .use(remarkRefLabels)
  .use(remarkProseColons, { directives: ['ref', ...Object.keys(LEAF_DIRECTIVES)] })
  .freeze();

export function parseMarkdown(text: string): Root {
  return processor.runSync(processor.parse(text), text);
}
