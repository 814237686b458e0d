/**
 * The fiche projet laid out as an action sheet: where it sits in the tree,
 * who carries it, for whom and where, when, with what money from whom, and
 * how it is evaluated. The body (contexte, description…) follows it.
 */
import { fr } from '../../i18n/fr.ts';
import { formatNumber } from '../format.ts';
import type { Fiche } from '../model/index.ts';
import type { RenderContext } from './context.ts';
import { esc } from './html.ts';
import { renderRef } from './labels.ts';
import { statutBadge } from './fiche-cards.ts';

export function renderFicheSheet(f: Fiche, ctx: RenderContext): string {
  // The two tables go together, so that print can set them side by side.
  const tables = [budget(f), indicateurs(f, ctx)].filter(Boolean);
  const tablesBlock = tables.length ? `<div class="fiche-tableaux">\n${tables.join('\n')}\n</div>` : '';
  return [paths(f, ctx), facts(f, ctx), tablesBlock].filter(Boolean).join('\n');
}

/** pilier › axe › objectif, once per objectif. */
function paths(f: Fiche, ctx: RenderContext): string {
  const items = f.objectifs.map((id) => {
    const o = ctx.lookup.objectif.get(id)!;
    // In print: « Pilier 3 › axe 3.1 › objectif 3.1.3 Lever les freins… », the objectif being what the fiche carries out.
    const steps = [renderRef({ kind: 'pilier', id: o.pilier }, ctx, { sentenceStart: true }), renderRef({ kind: 'axe', id: o.axe }, ctx), renderRef({ kind: 'objectif', id }, ctx, { titled: true })];
    return `<li>${steps.join(' <span aria-hidden="true">›</span> ')}</li>`;
  });
  return `<ul class="fiche-chemins">${items.join('')}</ul>`;
}

function facts(f: Fiche, ctx: RenderContext): string {
  const rows: [string, string][] = [];
  rows.push([fr.statut, statutBadge(f.statut)]);
  rows.push([fr.quartiers, f.tousQuartiers ? fr.tousQuartiers : f.quartiers.map((id) => renderRef({ kind: 'quartier', id }, ctx)).join(', ')]);
  rows.push([fr.porteur, esc(f.porteur)]);
  if (f.pilote) {
    const p = f.pilote;
    const contact = p.contact ? (p.contact.includes('@') ? `<a href="mailto:${esc(p.contact)}">${esc(p.contact)}</a>` : esc(p.contact)) : '';
    rows.push([fr.pilote, [p.nom, p.service].filter(Boolean).map((s) => esc(s!)).concat(contact ? [contact] : []).join(', ')]);
  }
  if (f.partenaires.length) rows.push([fr.partenaires, f.partenaires.map(esc).join(', ')]);
  if (f.public) rows.push([fr.public, esc(f.public)]);
  if (f.calendrier) rows.push([fr.calendrier, f.calendrier.debut === f.calendrier.fin ? String(f.calendrier.debut) : `${f.calendrier.debut}-${f.calendrier.fin}`]);
  if (f.axes_transversaux.length) {
    const titles = new Map(ctx.contract.contrat.axes_transversaux.map((a) => [a.id, a.titre]));
    rows.push([fr.axesTransversaux, f.axes_transversaux.map((id) => esc(titles.get(id) ?? id)).join(', ')]);
  }
  return `<dl class="fiche-faits">${rows.map(([k, v]) => `<div><dt>${k}</dt><dd>${v}</dd></div>`).join('')}</dl>`;
}

function budget(f: Fiche): string {
  if (!f.budget) return '';
  const { total, financements } = f.budget;
  const share = (m: number) => (total > 0 ? `${formatNumber((m / total) * 100, 1)}\u202f%` : '—');
  const rows = financements.map((x) => `<tr><th scope="row">${esc(x.financeur)}</th><td>${euros(x.montant)}</td><td>${share(x.montant)}</td></tr>`);
  return `<table class="fiche-budget">
<caption>${fr.budget}</caption>
<thead><tr><th scope="col">${fr.financeur}</th><th scope="col">${fr.montant}</th><th scope="col">${fr.part}</th></tr></thead>
<tbody>${rows.join('')}</tbody>
<tfoot><tr><th scope="row">${fr.total}</th><td>${euros(total)}</td><td>${total > 0 ? '100\u202f%' : '—'}</td></tr></tfoot>
</table>`;
}

function indicateurs(f: Fiche, ctx: RenderContext): string {
  if (f.indicateurs.length === 0) return '';
  const rows = f.indicateurs.map((i) => {
    const linked = i.indicateur ? ` <small>(${renderRef({ kind: 'indicateur', id: i.indicateur }, ctx, { bracketed: true })})</small>` : '';
    const cible = i.cible === undefined ? '—' : typeof i.cible === 'number' ? formatNumber(i.cible, 2) : esc(i.cible);
    return `<tr><th scope="row">${esc(i.libelle)}${linked}</th><td>${cible}</td></tr>`;
  });
  return `<table class="fiche-indicateurs">
<caption>${fr.indicateursSuivi}</caption>
<thead><tr><th scope="col">${fr.libelle}</th><th scope="col">${fr.cible}</th></tr></thead>
<tbody>${rows.join('')}</tbody>
</table>`;
}

function euros(n: number): string {
  return `${formatNumber(n, 2)}\u202f€`;
}
