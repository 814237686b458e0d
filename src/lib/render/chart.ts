/**
 * The `::indicateur` figure: caption, SVG chart (bars for one year, lines for
 * several), source, the data table that is the chart's text equivalent, and
 * the definition. The same HTML serves the site and the print documents;
 * print numbers the figures with CSS counters, so no number is written here.
 */
import type { Indicateur } from '../model/index.ts';
import { renderBars } from './chart-bars.ts';
import { renderLines, renderLinesLegend } from './chart-lines.ts';
import { styleSeries, type ChartFrame, type Serie } from './chart-style.ts';
import type { RenderContext } from './context.ts';
import { attrs, domId, esc } from './html.ts';
import { formatValue, SECRET, SECRET_LABEL } from './units.ts';

export interface IndicateurOptions {
  /** Wraps the title in `<hN>` so that the figure shows in the outline and the PDF bookmarks. */
  headingLevel?: number;
  /**
   * Keeps the SVG's title and desc ids unique when one indicator is rendered
   * twice on a page. The figure itself carries no id: anchors belong to the caller.
   */
  idSuffix?: string;
  /** Puts the chart in a focusable region that scrolls sideways on a phone; by default, as the context's figures. */
  scroll?: boolean;
}

const NBSP = '\u00a0';

export function renderIndicateur(ind: Indicateur, ctx: RenderContext, options: IndicateurOptions = {}): string {
  // A scaffold's values still « à compléter »: say so rather than draw an empty chart.
  if (ind.valeurs.length === 0)
    return `<figure${attrs({ class: 'indicateur indicateur-vide', 'data-indicateur': ind.id })}><figcaption><span class="indicateur-titre">${esc(withUnit(ind))}</span></figcaption><p>Valeurs à compléter.</p></figure>`;
  const id = (...parts: string[]) => domId('indicateur', ind.id, ...(options.idSuffix ? [options.idSuffix] : []), ...parts);
  const series = buildSeries(ind, ctx);
  const title = withUnit(ind);
  const max = ctx.figures.maxChartQuartiers;
  if (max !== undefined && series.filter((s) => s.quartier).length > max) return renderTableOnly(ind, series, title, ctx, options);
  const frame: ChartFrame = { titleId: id('titre'), descId: id('desc'), title, desc: describe(ind, series) };
  const chart = ind.annees.length === 1 ? renderBars(series, ind.unite, frame) : renderLines(series, ind.annees, frame, (ind.ruptures ?? []).map((r) => r.annee));
  const scroll = options.scroll ?? ctx.figures.scroll;
  return (
    `<figure${attrs({ class: 'indicateur', 'data-indicateur': ind.id })}>` +
    `<figcaption>${headingOf(title, options)}</figcaption>` +
    // On a phone the chart keeps legible labels and scrolls sideways (focusable so a keyboard can scroll it);
    // the lines' names, at their far end, are listed under it as well.
    (scroll ? `<div class="graphique-scroll" tabindex="0" role="region" aria-label="${esc(title)} (graphique)">${chart}</div>` : chart) +
    (scroll && ind.annees.length > 1 ? renderLinesLegend(series) : '') +
    `<p class="source">Source${NBSP}: ${esc(ind.source)}, ${esc(formatYears(ind.annees))}</p>` +
    ruptureNote(ind) +
    renderTable(ind, series, title) +
    (ind.definition ? `<p class="definition">${esc(ind.definition)}</p>` : '') +
    `</figure>`
  );
}

function buildSeries(ind: Indicateur, ctx: RenderContext): Serie[] {
  const byKey = new Map(ind.valeurs.map((v) => [`${v.annee}|${v.territoire}`, v.valeur]));
  const territoires = ind.territoires.map((tid) => {
    const t = ctx.lookup.territoire.get(tid);
    return { id: tid, nom: t?.nom ?? tid, type: t?.type ?? 'commune' };
  });
  const styles = styleSeries(territoires, ctx.contract.quartiers.map((q) => q.id));
  return territoires.map((t, i) => ({
    id: t.id,
    nom: t.nom,
    quartier: t.type === 'quartier',
    values: ind.annees.map((a) => byKey.get(`${a}|${t.id}`) ?? null),
    ...styles[i]!,
  }));
}

function headingOf(title: string, options: IndicateurOptions): string {
  const level = options.headingLevel ? Math.min(6, Math.max(1, Math.round(options.headingLevel))) : undefined;
  return level ? `<h${level} class="indicateur-titre">${esc(title)}</h${level}>` : `<span class="indicateur-titre">${esc(title)}</span>`;
}

function withUnit(ind: Indicateur): string {
  const u = ind.unite.trim();
  return u === '' || u === 'nombre' || u === 'ratio' ? ind.titre : `${ind.titre} (en ${u})`;
}

/** `2011`, `2011-2015` for three or more consecutive years, otherwise `2011, 2013, 2015`. */
export function formatYears(annees: readonly number[]): string {
  const consecutive = annees.every((a, i) => i === 0 || a === annees[i - 1]! + 1);
  return consecutive && annees.length >= 3 ? `${annees[0]}-${annees.at(-1)}` : annees.join(', ');
}

function frenchList(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} et ${items.at(-1)}`;
}

/** The chart in one sentence, for `<desc>`: each territory's value, or its first and last value. */
function describe(ind: Indicateur, series: readonly Serie[]): string {
  const fmt = (v: number) => formatValue(v, ind.unite);
  const missing: string[] = [];
  const parts: string[] = [];
  for (const s of series) {
    const known = s.values.flatMap((v, i) => (v === null ? [] : [{ v, annee: ind.annees[i]! }]));
    const gaps = s.values.flatMap((v, i) => (v === null ? [ind.annees[i]!] : []));
    if (gaps.length) missing.push(known.length === 0 || ind.annees.length === 1 ? s.nom : `${s.nom} en ${frenchList(gaps.map(String))}`);
    if (known.length === 0) continue;
    const first = known[0]!;
    const last = known.at(-1)!;
    const at = (k: { annee: number }, edge: number) => (k.annee === edge ? '' : ` (${k.annee})`);
    if (ind.annees.length === 1) parts.push(`${s.nom} ${fmt(first.v)}`);
    else if (known.length === 1) parts.push(`${s.nom} ${fmt(first.v)} (${first.annee})`);
    else parts.push(`${s.nom} de ${fmt(first.v)}${at(first, ind.annees[0]!)} à ${fmt(last.v)}${at(last, ind.annees.at(-1)!)}`);
  }
  const when = ind.annees.length === 1 ? `en ${ind.annees[0]}` : `de ${ind.annees[0]} à ${ind.annees.at(-1)}`;
  const secret = missing.length ? ` (${SECRET_LABEL} pour ${frenchList(missing)})` : '';
  return `${ind.titre} ${when}${NBSP}: ${parts.join(', ')}${secret}.`;
}

/** « Rupture de série en 2024 : nouvelle géographie… » under the chart, for each break. */
function ruptureNote(ind: Indicateur): string {
  const list = ind.ruptures ?? [];
  if (list.length === 0) return '';
  const items = list.map((r) => `en ${r.annee}${NBSP}: ${esc(r.libelle)}`);
  return `<p class="rupture-note">‖${NBSP}Rupture${list.length > 1 ? 's' : ''} de série ${items.join(`${NBSP}; `)}. Les valeurs de part et d’autre ne se comparent pas.</p>`;
}

/** A row of a table by groups, and its class (`commune`, `dans-commune`). */
type Row = { serie: Serie; cls?: string; nameOnly?: boolean };

function renderTable(ind: Indicateur, series: readonly Serie[], title: string, groups?: readonly (readonly Row[])[]): string {
  const breaks = new Set((ind.ruptures ?? []).map((r) => r.annee));
  const yearHead = (a: number) => (breaks.has(a) ? `<th scope="col"><abbr title="rupture de série">‖</abbr>${NBSP}${a}</th>` : `<th scope="col">${a}</th>`);
  const head = `<tr><th scope="col">Territoire</th>${ind.annees.map(yearHead).join('')}</tr>`;
  const cell = (v: number | null) => (v === null ? `<td><abbr title="${esc(SECRET_LABEL)}">${SECRET}</abbr></td>` : `<td>${esc(formatValue(v, ind.unite))}</td>`);
  const row = (s: Serie, cls?: string) => `<tr${attrs({ class: cls })}><th scope="row">${esc(s.nom)}</th>${s.values.map(cell).join('')}</tr>`;
  const body = groups
    ? groups.map((g) => `<tbody>${g.map((r) => (r.nameOnly ? `<tr${attrs({ class: r.cls })}><th scope="rowgroup" colspan="${ind.annees.length + 1}">${esc(r.serie.nom)}</th></tr>` : row(r.serie, r.cls))).join('')}</tbody>`).join('')
    : `<tbody>${series.map((s) => row(s)).join('')}</tbody>`;
  return `<table class="donnees"><caption>Données${NBSP}: ${esc(title)}</caption><thead>${head}</thead>${body}</table>`;
}

/**
 * The figure without its chart: too many quartiers to tell apart. The rows
 * go by commune (the commune, then its quartiers), the wider territories last.
 */
function renderTableOnly(ind: Indicateur, series: readonly Serie[], title: string, ctx: RenderContext, options: IndicateurOptions): string {
  const communeOf = new Map(ctx.contract.quartiers.map((q) => [q.id, q.commune]));
  const communes = [...new Set(series.filter((s) => s.quartier).map((s) => communeOf.get(s.id)!))];
  const groups: Row[][] = communes.map((c) => {
    const own = series.find((s) => s.id === c);
    const quartiers = series.filter((s) => s.quartier && communeOf.get(s.id) === c);
    const header: Serie = own ?? { id: c, nom: ctx.lookup.territoire.get(c)?.nom ?? c, quartier: false, values: ind.annees.map(() => null), colour: '' };
    return [{ serie: header, cls: 'commune', nameOnly: !own }, ...quartiers.map((serie) => ({ serie, cls: 'dans-commune' }))];
  });
  const wider = series.filter((s) => !s.quartier && !communes.includes(s.id));
  if (wider.length) groups.push(wider.map((serie) => ({ serie })));
  return (
    `<figure${attrs({ class: 'indicateur indicateur-tableau', 'data-indicateur': ind.id })}>` +
    `<figcaption>${headingOf(title, options)}</figcaption>` +
    `<p class="source">Source${NBSP}: ${esc(ind.source)}, ${esc(formatYears(ind.annees))}</p>` +
    ruptureNote(ind) +
    renderTable(ind, series, title, groups) +
    (ind.definition ? `<p class="definition">${esc(ind.definition)}</p>` : '') +
    `</figure>`
  );
}
