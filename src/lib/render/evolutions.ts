/**
 * The evolutions since a version (src/lib/evolutions/) as HTML, for the
 * site's page and the print document: one section per part of the
 * contract, one entry per element, linked to its current page when the
 * document has links.
 */
import { fr } from '../../i18n/fr.ts';
import { describe, type Line } from '../evolutions/describe.ts';
import type { Change, Evolutions, Section } from '../evolutions/types.ts';
import { esc } from './html.ts';

export interface EvolutionsOptions {
  /** Site path → URL; without it, entries are not links (print). */
  url?: (path: string) => string;
  /** Level of the sections' headings (the entries' are one below). */
  headingLevel: number;
}

export function renderEvolutions(ev: Evolutions, options: EvolutionsOptions): string {
  if (ev.sections.length === 0) return `<p class="evolutions-aucune">${esc(fr.evolutions.aucune)}</p>`;
  return ev.sections.map((s) => renderSection(s, options)).join('');
}

function renderSection(section: Section, options: EvolutionsOptions): string {
  const h = `h${options.headingLevel}`;
  const id = `evolutions-${section.id}`;
  return `<section class="evolutions-section" aria-labelledby="${id}"><${h} id="${id}">${esc(section.titre)} <span class="evolutions-nombre">(${section.changes.length})</span></${h}><ul class="evolutions">${section.changes.map((c) => renderChange(c, options)).join('')}</ul></section>`;
}

function renderChange(c: Change, options: EvolutionsOptions): string {
  const name = esc(c.prefix ? `${c.prefix} — ${c.titre}` : c.titre);
  const title = c.path && options.url ? `<a href="${esc(options.url(c.path))}">${name}</a>` : name;
  const lines = c.details.flatMap(describe);
  const details = lines.length ? `<ul class="evolution-details">${lines.map((l) => `<li>${renderLine(l)}</li>`).join('')}</ul>` : '';
  return `<li class="evolution evolution-${c.change}"><p class="evolution-titre"><span class="evolution-nature">${esc(fr.evolutions.changes[c.change])}</span> ${title}</p>${details}</li>`;
}

const hidden = (text: string) => `<span class="visually-hidden">${esc(text)}</span>`;
const del = (text: string, label: string) => `<del>${hidden(label)}${esc(text)}</del>`;
const ins = (text: string, label: string) => `<ins>${hidden(label)}${esc(text)}</ins>`;

function renderLine(l: Line): string {
  const champ = `<span class="evolution-champ">${esc(l.champ)}</span> : `;
  if (l.runs) {
    // A replacement reads as two words, not one: a space between what went and what came.
    const runs = l.runs.map((r, i) => (r.kind === 'added' ? `${l.runs![i - 1]?.kind === 'removed' ? ' ' : ''}${ins(r.text, 'ajouté : ')}` : r.kind === 'removed' ? del(r.text, 'supprimé : ') : esc(r.text)));
    return `${champ}<q class="evolution-extrait">${runs.join('')}</q>`;
  }
  if (l.texte !== undefined) return `${champ}${esc(l.texte)}`;
  if (l.avant !== undefined && l.apres !== undefined) return `${champ}${del(l.avant, 'avant : ')} <span aria-hidden="true">→</span> ${ins(l.apres, 'après : ')}`;
  return l.apres !== undefined ? `${champ}${ins(l.apres, 'ajout : ')}` : `${champ}${del(l.avant ?? '', 'retrait : ')}`;
}
