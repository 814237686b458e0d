/**
 * « taux d’emploi, revenu médian et réussite au brevet (cahier I) »: in a
 * printed cahier, references listed one after another (« A, B et C »)
 * that all lead to the other cahier name it once, after the last, not
 * after each. Run on a render's own copy of a body (the model's trees are
 * shared).
 */
import type { Root } from 'mdast';
import type {} from 'mdast-util-directive'; // its node types in mdast's
import { visit } from 'unist-util-visit';
import type { RefTarget } from '../model/types.ts';

declare module 'mdast-util-directive' {
  interface TextDirectiveData {
    /** A later reference of the same list says which cahier holds them all; set by `nameElsewhereOnce`. */
    elsewhereSaid?: boolean | undefined;
  }
}

/** What may separate two references of one list: a comma, « et », « ou ». */
const LINK = /^\s*(?:,|,?\s+(?:et|ou))\s+$/;

/** `elsewhere(target)`: the document does not hold it (it names the other cahier). */
export function nameElsewhereOnce(root: Root, elsewhere: (target: RefTarget) => boolean): void {
  visit(root, (node) => {
    if (!('children' in node)) return;
    const children = node.children;
    let run: number[] = [];
    const close = () => {
      for (const i of run.slice(0, -1)) {
        const ref = children[i];
        if (ref?.type === 'textDirective') ref.data = { ...ref.data, elsewhereSaid: true };
      }
      run = [];
    };
    children.forEach((child, i) => {
      const target = child.type === 'textDirective' && child.name === 'ref' ? child.data?.target : undefined;
      if (target && elsewhere(target)) {
        const between = children[i - 1];
        const linked = run.length > 0 && run.at(-1) === i - 2 && between?.type === 'text' && LINK.test(between.value);
        if (!linked) close();
        run.push(i);
      } else if (!(child.type === 'text' && LINK.test(child.value))) close();
    });
    close();
  });
}
