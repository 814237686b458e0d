/**
 * The follow-up dashboard's views of the fiches: their statuts counted by
 * pilier, objectif and quartier (each group linked, its late fiches named),
 * the list of fiches by pilier with statut and progress, the late fiches
 * with why, and the coverage matrix objectifs × quartiers, where an
 * objectif without any fiche says so in words, not by colour alone.
 * Every count comes from the dashboard queries; nothing is added up here.
 */
import { fr } from '../../i18n/fr.ts';
import type { Fiche } from '../model/index.ts';
import { coverage, entityLabel, ficheAvancement, ficheStatut, isLate, lateFiches, STATUTS, statutGroups, suiviNow, type StatutBy } from '../queries/index.ts';
import type { RenderContext } from './context.ts';
import { scrollTable } from './scroll-table.ts';
import { esc } from './html.ts';
import { formatNumber } from '../format.ts';
import { pluralize } from '../plural.ts';

const NBSP = '\u00a0';

/** « Fiche 12 », linked to the fiche's page, its title in the link's title. */
function ficheLink(ctx: RenderContext, f: Fiche): string {
  const label = entityLabel(ctx.contract, { kind: 'fiche', id: f.id });
  return `<a href="${esc(ctx.href({ kind: 'fiche', id: f.id }))}" title="${esc(f.titre)}">${esc(label.prefix.replace(' ', NBSP))}</a>`;
}

export function renderStatutTable(ctx: RenderContext, by: StatutBy): string {
  const contract = ctx.contract;
  const l = contract.contrat.libelles;
  const compact = by === 'objectif';
  const first = by === 'pilier' ? l.pilier : by === 'objectif' ? l.objectif : 'Quartier';
  const caption = by === 'pilier' ? `Statut des fiches par ${l.pilier.toLowerCase()} (celui de leur premier ${l.objectif.toLowerCase()})` : by === 'objectif' ? `Statut des fiches par ${l.objectif.toLowerCase()}` : 'Statut des fiches par quartier';
  const rows = statutGroups(contract, by).map((g) => {
    // An objectif by its number alone (the column says what it is), a pilier with its word, a quartier by its name.
    const name = 'nom' in g.entity ? esc(g.entity.nom) : by === 'objectif' ? `${esc(g.entity.numero)} ${esc(g.entity.titre)}` : `${esc(entityLabel(contract, { kind: by, id: g.id }).prefix)}${NBSP}: ${esc(g.entity.titre)}`;
    const counts = new Map(g.counts.map((c) => [c.statut, c.nombre]));
    // Objectifs are many: their statuts in words (« 2 en cours, 1 réalisé ») rather than a grid of zeros.
    const cells = compact
      ? `<td class="statuts-mots">${g.counts.map((c) => `${c.nombre}${NBSP}${esc(fr.statuts[c.statut].toLowerCase())}`).join(', ') || '—'}</td>`
      : STATUTS.map((s) => (counts.has(s) ? `<td>${counts.get(s)}</td>` : '<td class="nul">0</td>')).join('');
    const late = g.late.length ? `<td class="retard-liste"><strong>${g.late.length}</strong>${NBSP}: ${g.late.map((f) => ficheLink(ctx, f)).join(', ')}</td>` : '<td class="nul">0</td>';
    return `<tr${g.fiches.length === 0 ? ' class="sans-fiche"' : ''}><th scope="row"><a href="${esc(ctx.href({ kind: by, id: g.id }))}">${name}</a></th><td>${g.fiches.length || 'aucune'}</td>${cells}${late}</tr>`;
  });
  return (
    scrollTable(ctx, caption, `<table class="suivi-statuts"><caption>${esc(caption)}</caption>` +
    `<thead><tr><th scope="col">${esc(first)}</th><th scope="col">Fiches</th>${compact ? '<th scope="col">Statuts</th>' : STATUTS.map((s) => `<th scope="col">${esc(fr.statuts[s])}</th>`).join('')}<th scope="col">Dont en retard</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>`)
  );
}

/** Every fiche once, under the pilier of its first objectif: statut, latest progress, lateness. */
export function renderFicheList(ctx: RenderContext, headingLevel: number): string {
  const contract = ctx.contract;
  const h = `h${headingLevel}`;
  return statutGroups(contract, 'pilier')
    .filter((g) => g.fiches.length > 0)
    .map(({ id, fiches }) => {
      const label = entityLabel(contract, { kind: 'pilier', id });
      const items = fiches.map((f) => {
        const a = ficheAvancement(f);
        // Late by its calendrier while its statut says otherwise: say it beside the statut.
        const late = isLate(contract, f) && ficheStatut(f) !== 'en-retard' ? ` <strong class="retard">en retard sur le calendrier</strong>` : '';
        return `<li><a href="${esc(ctx.href({ kind: 'fiche', id: f.id }))}">${esc(entityLabel(contract, { kind: 'fiche', id: f.id }).prefix)} ${esc(f.titre)}</a> — <span class="statut statut-${ficheStatut(f)}">${esc(fr.statuts[ficheStatut(f)])}</span>${a ? `, ${esc(formatNumber(a.avancement, 0))}${NBSP}% en ${a.annee}` : ''}${late}</li>`;
      });
      return `<${h}>${esc(label.prefix)}${NBSP}: ${esc(ctx.lookup.pilier.get(id)!.titre)}</${h}><ul class="suivi-fiches">${items.join('')}</ul>`;
    })
    .join('');
}

export function renderLateFiches(ctx: RenderContext): string {
  const contract = ctx.contract;
  const now = suiviNow(contract);
  const late = lateFiches(contract);
  if (late.length === 0) return `<p>Aucune fiche n’est en retard${now ? ` en ${now}` : ''}.</p>`;
  const items = late.map(({ fiche, raison }) => {
    const why = raison === 'statut' ? `statut «${NBSP}en retard${NBSP}»` : `échéance ${fiche.calendrier!.fin} dépassée, statut «${NBSP}${fr.statuts[ficheStatut(fiche)].toLowerCase()}${NBSP}»`;
    return `<li>${ficheLink(ctx, fiche)} ${esc(fiche.titre)} <span class="retard-raison">(${esc(why)})</span></li>`;
  });
  return `<ul class="suivi-retards">${items.join('')}</ul>`;
}

export function renderCoverage(ctx: RenderContext): string {
  const contract = ctx.contract;
  const l = contract.contrat.libelles;
  const rows = coverage(contract);
  if (contract.quartiers.length === 0 || rows.length === 0) return '';
  const empty = rows.filter((r) => r.vide);
  const caption = `Fiches par ${l.objectif.toLowerCase()} et par quartier`;
  const list = empty.length
    ? `<p><strong>${empty.length === 1 ? `Un ${l.objectif.toLowerCase()} n’a` : `${empty.length} ${pluralize(l.objectif).toLowerCase()} n’ont`} aucune fiche${NBSP}:</strong> ${empty.map((r) => `<a href="${esc(ctx.href({ kind: 'objectif', id: r.objectif.id }))}">${esc(r.objectif.numero)}${NBSP}${esc(r.objectif.titre)}</a>`).join(' ; ')}.</p>`
    : `<p>Chaque ${l.objectif.toLowerCase()} a au moins une fiche.</p>`;
  const body = rows.map((r) => {
    const cells = r.cells.map((c) => (c.fiches.length ? `<td>${c.fiches.length}</td>` : '<td class="nul">0</td>')).join('');
    const mark = r.vide ? ` <strong class="sans-fiche-mot">aucune fiche</strong>` : '';
    return `<tr${r.vide ? ' class="sans-fiche"' : ''}><th scope="row">${esc(r.objectif.numero)} ${esc(r.objectif.titre)}${mark}</th>${cells}</tr>`;
  });
  return (
    list +
    scrollTable(ctx, caption, `<table class="suivi-couverture"><caption>${esc(caption)} (nombre de fiches)</caption>` +
    `<thead><tr><th scope="col">${esc(l.objectif)}</th>${contract.quartiers.map((q) => `<th scope="col"><a href="${esc(ctx.href({ kind: 'quartier', id: q.id }))}">${esc(q.nom)}</a></th>`).join('')}</tr></thead>` +
    `<tbody>${body.join('')}</tbody></table>`)
  );
}
