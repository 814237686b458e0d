/**
 * A colon in prose ("10:30", "Note:important") parses as a text directive
 * (`:important`). One with neither label nor attributes, and whose name is
 * not a directive of ours, was prose: it becomes text again, so only
 * directives meant as such reach the check.
 */
import type { Root, Text } from 'mdast';
import type {} from 'mdast-util-directive'; // its node types in mdast's
import type { Transformer } from 'unified';
import { SKIP, visit } from 'unist-util-visit';

export interface ProseColonsOptions {
  /** Names that stay directives even written bare (`:ref`, `:indicateur`), so the check can say how to write them. */
  directives: readonly string[];
}

export function remarkProseColons(options: ProseColonsOptions): Transformer<Root> {
  const directives = new Set(options.directives);
  return (tree) => {
    visit(tree, 'textDirective', (node, index, parent) => {
      const bare = node.children.length === 0 && Object.keys(node.attributes ?? {}).length === 0;
      if (!bare || directives.has(node.name) || parent === undefined || index === undefined) return;
      const text: Text = { type: 'text', value: `:${node.name}`, ...(node.position ? { position: node.position } : {}) };
      parent.children.splice(index, 1, text);
      return SKIP;
    });
  };
}
