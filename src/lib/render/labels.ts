/**
 * How an entity is named wherever it is referred to: the level's label and
 * number ("Objectif opérationnel 1.2.3"), then its title. One function for
 * :ref links, breadcrumbs, cards and the print table of contents.
 */
import { fr } from '../../i18n/fr.ts';
import type { RefTarget } from '../model/index.ts';
import type { RenderContext } from './context.ts';
import { esc } from './html.ts';

export interface EntityLabel {
  /** "Objectif opérationnel 1.2.3", "Fiche 12", or '' for things without a number. */
  prefix: string;
  titre: string;
}

export function entityLabel(target: RefTarget, ctx: RenderContext): EntityLabel {
  const { libelles } = ctx.contract.contrat;
  const l = ctx.lookup;
  switch (target.kind) {
    case 'pilier': {
      const p = l.pilier.get(target.id)!;
      return { prefix: `${libelles.pilier} ${p.numero}`, titre: p.titre };
    }
    case 'enjeu': {
      const e = l.enjeu.get(target.id)!;
      return { prefix: `${libelles.enjeu} ${e.numero}`, titre: e.titre };
    }
    case 'axe': {
      const a = l.axe.get(target.id)!;
      return { prefix: `${libelles.axe} ${a.numero}`, titre: a.titre };
    }
    case 'objectif': {
      const o = l.objectif.get(target.id)!;
      return { prefix: `${libelles.objectif} ${o.numero}`, titre: o.titre };
    }
    case 'fiche': {
      const f = l.fiche.get(target.id)!;
      return { prefix: `${fr.fiche} ${f.numero}`, titre: f.titre };
    }
    case 'quartier':
      return { prefix: '', titre: l.quartier.get(target.id)!.nom };
    case 'indicateur':
      return { prefix: '', titre: l.indicateur.get(target.id)!.titre };
    case 'afom':
      return { prefix: '', titre: l.afom.get(target.id)!.titre };
    case 'constat': {
      const c = l.constat.get(target.id)!;
      return { prefix: fr.afomQuadrantOne[c.quadrant as keyof typeof fr.afomQuadrantOne], titre: c.item.texte };
    }
  }
}

export function labelText(label: EntityLabel): string {
  return label.prefix ? `${label.prefix} — ${label.titre}` : label.titre;
}

/** A link to an entity with its number and title; in print, followed by its page number (CSS target-counter). */
export function renderRef(target: RefTarget, ctx: RenderContext): string {
  const label = entityLabel(target, ctx);
  const inner = label.prefix ? `<span class="ref-num">${esc(label.prefix)}</span> ${esc(label.titre)}` : esc(label.titre);
  if (ctx.mode === 'print' && ctx.printHas && !ctx.printHas(target)) {
    // Printed in the other cahier: no page number to give, say where it is.
    return `<span class="ref ref-${target.kind} ref-ailleurs">${inner}${ctx.elsewhere ? ` (${esc(ctx.elsewhere)})` : ''}</span>`;
  }
  const href = ctx.mode === 'print' ? `#${printAnchor(target)}` : ctx.href(target);
  return `<a class="ref ref-${target.kind}" href="${esc(href)}">${inner}</a>`;
}

/** Anchor of an entity inside a print document (one document, every id unique by kind). */
export function printAnchor(target: RefTarget): string {
  return `${target.kind}-${target.id}`;
}

/** Where a link to an entity goes: its page on the site; its anchor in print, or nowhere when the other cahier holds it. */
export function refHref(target: RefTarget, ctx: RenderContext): string | undefined {
  if (ctx.mode === 'site') return ctx.href(target);
  if (ctx.printHas && !ctx.printHas(target)) return undefined;
  return `#${printAnchor(target)}`;
}
