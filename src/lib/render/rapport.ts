/**
 * One part of an annual report, generated or authored, with its title and
 * anchor: what the site page and the print document lay out, each with
 * its own heading level and render context (links or page references).
 */
import { fr } from '../../i18n/fr.ts';
import type { Rapport } from '../model/index.ts';
import type { Partie, RapportPart } from '../queries/index.ts';
import { renderBody } from './body.ts';
import type { RenderContext } from './context.ts';
import { renderRapportActions, type ActionsOptions } from './rapport-actions.ts';
import { renderRapportAvis, renderRapportDeliberation } from './rapport-avis.ts';
import { renderRapportOrientations, renderRapportQuartiers } from './rapport-contrat.ts';
import { renderRapportEngagements, renderRapportMoyens } from './rapport-moyens.ts';

export interface RenderedPart {
  /** Anchor of the part. */
  id: string;
  titre: string;
  /** The part's content, its inner headings at `headingLevel`. */
  html: string;
}

/** A part's anchor in the print document, and its page's name on the site: `partie-moyens`, `chapitre-<slug>`. */
export function partId(part: RapportPart): string {
  return 'chapitre' in part ? `chapitre-${part.chapitre.slug}` : `partie-${part.partie}`;
}

export function partTitleOf(part: RapportPart, annee: number): string {
  return 'chapitre' in part ? part.chapitre.titre : partTitle(part.partie, annee);
}

export function partTitle(partie: Partie, annee: number): string {
  const t = fr.rapport.parties[partie];
  return typeof t === 'function' ? t(annee) : t;
}

/** `actions`: the detail of the actions of year N (rapport-actions.ts). */
export function renderRapportPart(part: RapportPart, r: Rapport, ctx: RenderContext, headingLevel: number, actions: ActionsOptions = { detail: 'sheets' }): RenderedPart {
  if ('chapitre' in part) {
    const c = part.chapitre;
    return { id: partId(part), titre: c.titre, html: renderBody(c.body, ctx, { headingShift: headingLevel - 2, idPrefix: `${c.slug}-` }) };
  }
  const p = part.partie;
  const html = (() => {
    switch (p) {
      case 'orientations':
        return renderRapportOrientations(ctx, r.annee, headingLevel);
      case 'quartiers':
        return renderRapportQuartiers(ctx, r.annee, headingLevel);
      case 'actions':
        return renderRapportActions(ctx, r.annee, headingLevel, actions);
      case 'moyens':
        return renderRapportMoyens(ctx, r.annee, headingLevel);
      case 'engagements':
        return renderRapportEngagements(ctx, r.annee, headingLevel);
      case 'avis':
        return renderRapportAvis(ctx, r, headingLevel);
      case 'deliberation':
        return renderRapportDeliberation(r);
    }
  })();
  return { id: partId(part), titre: partTitle(p, r.annee), html };
}
