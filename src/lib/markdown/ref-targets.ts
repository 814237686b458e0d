/**
 * Once every id of the contract is known, each `:ref` carries what it points
 * to as `data.target`; the renderers read it to write the link, its number
 * and title.
 */
import type { Root } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { RefTarget } from '../model/types.ts';
import type { Transformer } from 'unified';

declare module 'mdast-util-directive' {
  interface TextDirectiveData {
    /** What a `:ref` points to (set by `remarkRefTargets`); absent when it points nowhere. */
    target?: RefTarget | undefined;
  }
}

export interface RefTargetsOptions {
  /** What the label of `node` points to; undefined leaves the node as it is (the check reports why). */
  target: (label: string, node: TextDirective) => RefTarget | undefined;
}

export function remarkRefTargets(options: RefTargetsOptions): Transformer<Root> {
  return (tree) => {
    visit(tree, 'textDirective', (node) => {
      if (node.name !== 'ref') return;
      const target = options.target(toString(node), node);
      if (target) node.data = { ...node.data, target };
      return SKIP;
    });
  };
}
