/**
 * The causal tree as a printed outline (`::arbre` in a printed text): one
 * line per pilier, enjeu, axe and objectif, the level shown by its type and
 * its indent, each objectif followed by the numbers of its fiches. The
 * drawing has its own pages in cahier II; the constats it answers are in
 * the part on the piliers. Short lines, so that the outline takes a page
 * or two where the site's list took five.
 */
import { fr } from '../../i18n/fr.ts';
import type { Axe, Objectif, Pilier } from '../model/index.ts';
import { fichesOf, pilierSections } from '../queries/index.ts';
import type { RenderContext } from './context.ts';
import { esc } from './html.ts';

type Level = 'pilier' | 'enjeu' | 'axe' | 'objectif';

export function renderArbreOutline(piliers: readonly Pilier[], ctx: RenderContext): string {
  const l = ctx.contract.contrat.libelles;
  const levels: Level[] = ['enjeu', 'axe', 'objectif'];
  const used = levels.filter((k) => k !== 'enjeu' || piliers.some((p) => p.enjeux.length > 0));
  const legend = used.map((k) => `<span class="plan-${k}">${esc(l[k])}</span>`).join(' · ');
  const body = piliers.map((p) => pilier(p, ctx)).join('\n');
  return `<p class="plan-legende">${legend}, suivi du numéro des ${esc(fr.fiches)} qui le mettent en œuvre</p>\n<ol class="arbre-plan">${body}</ol>`;
}

function pilier(p: Pilier, ctx: RenderContext): string {
  const sections = pilierSections(p);
  const axes = (list: readonly Axe[]) => (list.length ? `<ol>${list.map((a) => axe(a, ctx)).join('')}</ol>` : '');
  const enjeux = sections.flatMap(({ enjeu, axes: list }) => (enjeu ? [entry('enjeu', enjeu.numero, enjeu.titre, axes(list))] : []));
  const direct = axes(sections.flatMap((s) => (s.enjeu ? [] : s.axes)));
  return entry('pilier', `${ctx.contract.contrat.libelles.pilier} ${p.numero}`, p.titre, `${enjeux.length ? `<ol>${enjeux.join('')}</ol>` : ''}${direct}`);
}

function axe(a: Axe, ctx: RenderContext): string {
  return entry('axe', a.numero, a.titre, `<ol>${a.objectifs.map((o) => objectif(o, ctx)).join('')}</ol>`);
}

function objectif(o: Objectif, ctx: RenderContext): string {
  const numeros = fichesOf(ctx.contract, { objectif: o.id }).map((f) => f.numero);
  const fiches = numeros.length ? ` <span class="plan-fiches">${numeros.length > 1 ? 'fiches' : 'fiche'}\u00a0${numeros.join(', ')}</span>` : '';
  return entry('objectif', o.numero, o.titre, '', fiches);
}

function entry(level: Level, numero: string, titre: string, inner: string, after = ''): string {
  return `<li class="plan-${level}"><p><span class="plan-num">${esc(numero)}</span> ${esc(titre)}${after}</p>${inner}</li>`;
}
