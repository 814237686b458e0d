/**
 * Whether a quartier's portrait draws its own map. The quartier page then
 * leaves the map where the author placed it, as the printed portrait does,
 * instead of drawing a second one above the text.
 */
import type { Root } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import { CONTINUE, EXIT, visit } from 'unist-util-visit';
import type { Quartier } from '../model/index.ts';

export function portraitHasMap(quartier: Quartier): boolean {
  let found = false;
  visit(quartier.portrait.root as Root, 'leafDirective', (node: LeafDirective) => {
    if (node.name !== 'carte' || node.attributes?.quartier !== quartier.id) return CONTINUE;
    found = true;
    return EXIT;
  });
  return found;
}
