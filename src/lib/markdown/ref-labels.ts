/**
 * `:ref[fiche:permis-solidaire]`: Markdown parses the label as prose, where
 * `:permis-solidaire` is a directive of its own. The label is an id, not
 * prose: it is read back from the source, as one text node.
 */
import type { Root } from 'mdast';
import type {} from 'mdast-util-directive'; // its node types in mdast's
import { toString } from 'mdast-util-to-string';
import type { Transformer } from 'unified';
import { SKIP, visit } from 'unist-util-visit';

export function remarkRefLabels(): Transformer<Root> {
  return (tree, file) => {
    const source = String(file);
    visit(tree, 'textDirective', (node) => {
      if (node.name !== 'ref') return;
      const written = source.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
      const label = (/^:ref\[([^\]]*)\]/.exec(written)?.[1] ?? toString(node)).trim();
      node.children = [{ type: 'text', value: label }];
      return SKIP;
    });
  };
}
