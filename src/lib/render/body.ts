/**
 * A Markdown body of the model → HTML, each directive drawn by its renderer.
 * The model has already checked every directive, so ids here exist.
 */
import type { Body } from '../model/index.ts';
import { renderAfom } from './afom.ts';
import { renderIndicateur } from './chart.ts';
import type { RenderContext } from './context.ts';
import { renderFicheCards } from './fiche-cards.ts';
import { renderFicheTable } from './fiche-table.ts';
import { esc } from './html.ts';
import { renderRef } from './labels.ts';
import { renderCarte } from './map.ts';
import { renderMarkdown, type Directive } from './markdown.ts';
import { renderArbre } from './tree.ts';
import { renderArbreOutline } from './tree-outline.ts';
import { fichesOf, kindWords, type RefPlacement } from '../queries/index.ts';
import { namesKind, refSurroundings, type RefSurroundings } from './ref-placement.ts';
import { contractBeforeRefs } from '../markdown/ref-contractions.ts';
import { nameElsewhereOnce } from '../markdown/ref-runs.ts';
import { routes } from '../site/routes.ts';

export interface BodyOptions {
  headingShift?: number;
  /** Unique per body on a page: prefixes heading ids and figure ids. */
  idPrefix?: string;
}

export function renderBody(body: Body, ctx: RenderContext, options: BodyOptions = {}): string {
  let n = 0;
  const prefix = options.idPrefix ?? '';
  // The short form of a reference fits its sentence; the rich one does not look.
  const around = ctx.refForm === 'short' ? refSurroundings(body.root) : undefined;
  return renderMarkdown(body.root, {
    headingShift: options.headingShift ?? 0,
    idPrefix: prefix,
    mediaUrl: (path) => ctx.url(`/${path}`),
    directive: (node) => renderDirective(node, ctx, `${prefix}${++n}`, options.headingShift ?? 0, around?.get(node.position?.start.offset ?? -1)),
    // « à :ref[les-acacias] » → « aux Acacias »: the preposition the author wrote takes the quartier name's article.
    prepare: (root) => {
      contractBeforeRefs(root, (target) => (target.kind === 'quartier' ? ctx.lookup.quartier.get(target.id)?.nom : undefined));
      // In print, « A, B et C (cahier I) » rather than the other cahier after each.
      if (ctx.refForm === 'short') nameElsewhereOnce(root, (target) => ctx.refHref(target) === undefined);
    },
  });
}

export function renderDirective(node: Directive, ctx: RenderContext, idSuffix: string, headingShift = 0, around?: RefSurroundings): string {
  const a = (node.attributes ?? {}) as Record<string, string | undefined>;
  const c = ctx.contract;
  switch (node.name) {
    case 'ref': {
      const data = node.type === 'textDirective' ? node.data : undefined;
      const target = data?.target;
      if (!target) return '';
      const placement: RefPlacement = {
        ...(around ? { named: namesKind(around.before, kindWords(c, target)), bracketed: around.bracketed, sentenceStart: around.sentenceStart, titled: around.opensItem } : {}),
        ...(data?.nom !== undefined ? { nom: data.nom } : {}),
        ...(data?.elsewhereSaid ? { elsewhereSaid: true } : {}),
      };
      return renderRef(target, ctx, placement);
    }
    case 'indicateur':
      return renderIndicateur(ctx.lookup.indicateur.get(a.id!)!, ctx, { idSuffix });
    case 'afom':
      return renderAfom(ctx.lookup.afom.get(a.id!)!, ctx, { headingLevel: 3 + headingShift, anchor: false });
    case 'arbre': {
      const piliers = a.pilier ? [ctx.lookup.pilier.get(a.pilier)!] : c.piliers;
      // In print the drawn tree has its own landscape pages; in the text, its outline and where to find it.
      if (ctx.figures.arbre === 'list') {
        const at = ctx.figures.arbreDrawnAt;
        const see = at ? `<p class="arbre-renvoi">L’arbre dessiné figure dans la partie <a class="ref" href="${esc(at)}">L’arbre des objectifs</a>.</p>` : '';
        return `<figure class="arbre arbre-texte">${renderArbreOutline(piliers, ctx)}${see}</figure>`;
      }
      return renderArbre(piliers, ctx, { idSuffix, svgSrc: ctx.url(routes.arbreSvg(a.pilier ? `pilier-${a.pilier}` : 'contrat')) });
    }
    case 'fiches': {
      const scope = a.objectif ? { objectif: a.objectif } : a.quartier ? { quartier: a.quartier } : a.pilier ? { pilier: a.pilier } : undefined;
      const fiches = fichesOf(c, scope);
      return ctx.figures.fiches === 'table' ? renderFicheTable(fiches, ctx) : renderFicheCards(fiches, ctx, { headingLevel: 3 + headingShift });
    }
    case 'carte':
      return renderCarte(c.quartiers, ctx, { ...(a.quartier ? { focus: a.quartier } : {}), idSuffix });
    default:
      return '';
  }
}
