/**
 * `à :ref[les-vignes]`: the author writes the preposition, the site writes
 * the name; « à Les Acacias » would be wrong, « aux Acacias » is French. Run
 * on a render's own copy of a body (the model's trees are shared).
 */
import type { Root } from 'mdast';
import type {} from 'mdast-util-directive'; // its node types in mdast's
import { visit } from 'unist-util-visit';
import { contractAfter } from '../french.ts';
import type { RefTarget } from '../model/types.ts';

declare module 'mdast-util-directive' {
  interface TextDirectiveData {
    /** The name to write after a contracted preposition (« Acacias » after « aux »); set by `contractBeforeRefs`. */
    nom?: string | undefined;
  }
}

/** `nameOf` gives the place name a target is written with, or undefined for what is not a place. */
export function contractBeforeRefs(root: Root, nameOf: (target: RefTarget) => string | undefined): void {
  visit(root, 'textDirective', (node, index, parent) => {
    const target = node.data?.target;
    if (node.name !== 'ref' || !target || !parent || !index) return;
    const before = parent.children[index - 1];
    const nom = nameOf(target);
    if (before?.type !== 'text' || nom === undefined) return;
    const contracted = contractAfter(before.value, nom);
    if (!contracted) return;
    before.value = contracted.text;
    node.data = { ...node.data, nom: contracted.nom };
  });
}
