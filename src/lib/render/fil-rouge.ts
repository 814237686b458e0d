/**
 * The golden thread of an objectif (FORMAT-SUIVI): the constats of the
 * diagnostic it answers (its own, else its axe's or its enjeu's), its
 * enjeu, the objectif, the fiches that carry it out, and the results:
 * its figured targets (reference → latest value → target, judged by the
 * indicator's sens) and, on a fiche's page, that fiche's indicators.
 * An ordered list, so that the chain reads in order without colour.
 */
import { fr } from '../../i18n/fr.ts';
import type { Fiche } from '../model/index.ts';
import { cibleProgress, constatsOf, ficheIndicateurProgress, ficheStatut, fichesOf, isLate, territoireNom, type CibleProgress, type FicheIndicateurProgress } from '../queries/index.ts';
import type { RenderContext } from './context.ts';
import { esc } from './html.ts';
import { renderRef } from './labels.ts';
import { formatValue, SECRET_LABEL } from './units.ts';
import { formatNumber } from '../format.ts';

const NBSP = '\u00a0';

export interface FilRougeOptions {
  headingLevel: number;
  /** The fiche whose page this is: marked in the list of fiches, its indicators given. */
  fiche?: Fiche;
  /** The pilier page: the enjeu's constats are listed above and the fiches' cards below, so point to them. */
  onPilierPage?: boolean;
}

export function renderFilRouge(ctx: RenderContext, objectifId: string, options: FilRougeOptions): string {
  const contract = ctx.contract;
  const objectif = ctx.lookup.objectif.get(objectifId);
  if (!objectif) return '';
  const l = contract.contrat.libelles;
  // The enjeu's and the objectif's references name their level themselves.
  const step = (niveau: string | undefined, body: string, cls: string) => `<li class="fil-${cls}">${niveau ? `<span class="fil-niveau">${esc(niveau)}</span> ` : ''}${body}</li>`;
  const { constats, from } = constatsOf(contract, objectifId);
  // On the pilier page the headings around say the enjeu and the objectif, and the enjeu's constats are listed above it.
  const compact = options.onPilierPage === true;
  const constatsStep =
    constats.length === 0
      ? `<span class="muted">aucun constat du diagnostic n’y est rattaché</span>`
      : `<ul>${constats.map((c) => `<li>${renderRef({ kind: 'constat', id: c }, ctx)}</li>`).join('')}</ul>`;
  const fiches = fichesOf(contract, { objectif: objectifId });
  const ficheItem = (f: Fiche) => {
    const statut = ficheStatut(f);
    const late = isLate(contract, f) && statut !== 'en-retard' ? `, en retard` : '';
    const current = options.fiche?.id === f.id;
    const ref = current ? `<strong aria-current="page">${esc(`${fr.fiche} ${f.numero}`)} ${esc(f.titre)}</strong>` : renderRef({ kind: 'fiche', id: f.id }, ctx);
    return `<li>${ref} <span class="fil-statut">(${esc(fr.statuts[statut].toLowerCase())}${late})</span></li>`;
  };
  const results = [...(objectif.cibles ?? []).map((c) => cibleItem(ctx, cibleProgress(contract, c))), ...(options.fiche ? ficheIndicatorItems(options.fiche) : [])];
  const enjeu = objectif.enjeu && !compact ? step(undefined, renderRef({ kind: 'enjeu', id: objectif.enjeu }, ctx), 'enjeu') : '';
  return (
    `<section class="fil-rouge${compact ? ' fil-compact' : ''}"><h${options.headingLevel} class="fil-titre">Du diagnostic aux résultats${options.fiche && options.fiche.objectifs.length > 1 ? ` : ${esc(l.objectif.toLowerCase())} ${esc(objectif.numero)}` : ''}</h${options.headingLevel}>` +
    `<ol class="fil-etapes">` +
    (compact && from === 'enjeu' ? '' : step('Constats du diagnostic', constatsStep, 'constats')) +
    enjeu +
    (compact ? '' : step(undefined, renderRef({ kind: 'objectif', id: objectifId }, ctx), 'objectif')) +
    step(fr.fichesProjets, fiches.length === 0 ? `<span class="fil-manque">aucune fiche projet ne le met en œuvre</span>` : compact ? fichesSummary(contract, fiches) : `<ul>${fiches.map(ficheItem).join('')}</ul>`, 'fiches') +
    step('Résultats', results.length ? `<ul>${results.join('')}</ul>` : `<span class="muted">ni cible chiffrée ni valeur suivie</span>`, 'resultats') +
    `</ol></section>`
  );
}

/** « 3 fiches, ci-dessous, dont 1 en retard ». */
function fichesSummary(contract: RenderContext['contract'], fiches: readonly Fiche[]): string {
  const late = fiches.filter((f) => isLate(contract, f)).length;
  return `${fiches.length}${NBSP}fiche${fiches.length > 1 ? 's' : ''}, ci-dessous${late ? `, dont ${late} en retard` : ''}`;
}

/** « Taux d’emploi, Quartiers Nord : 42 % en 2011 → 45,3 % en 2017 ; cible 50 % en 2020 (41 % du chemin, évolution favorable) ». */
function cibleItem(ctx: RenderContext, p: CibleProgress): string {
  const unite = p.indicateur?.unite ?? '';
  const name = p.indicateur ? renderRef({ kind: 'indicateur', id: p.indicateur.id }, ctx) : esc(p.cible.indicateur);
  const chain = [
    p.reference ? `${esc(formatValue(p.reference.valeur, unite))} en ${p.reference.annee}` : undefined,
    p.derniere ? `${value(p.derniere.valeur, unite)} en ${p.derniere.annee}` : undefined,
  ].filter(Boolean);
  return `<li>${name}, ${esc(territoireNom(ctx.contract, p.cible.territoire))}${NBSP}: ${chain.join(' → ') || 'aucune valeur'}${NBSP}; cible ${esc(formatValue(p.cible.valeur, unite))} en ${p.cible.annee}${verdict(p)}</li>`;
}

function ficheIndicatorItems(f: Fiche): string[] {
  return f.indicateurs.flatMap((ind) => {
    const p = ind.id ? ficheIndicateurProgress(f, ind.id) : undefined;
    if (!p?.derniere) return [];
    const chain = [ind.valeur_initiale !== undefined ? `${esc(formatNumber(ind.valeur_initiale, 1))} au départ` : undefined, `${value(p.derniere.valeur, '')} en ${p.derniere.annee}`].filter(Boolean);
    const cible = ind.cible === undefined ? '' : `${NBSP}; cible ${esc(typeof ind.cible === 'number' ? formatNumber(ind.cible, 1) : String(ind.cible))}`;
    return [`<li>${esc(ind.libelle)} (fiche)${NBSP}: ${chain.join(' → ')}${cible}${verdict(p)}</li>`];
  });
}

function value(v: number | null, unite: string): string {
  return v === null ? `<abbr title="${esc(SECRET_LABEL)}">secret</abbr>` : esc(formatValue(v, unite));
}

const JUGEMENTS = { favorable: 'évolution favorable', defavorable: 'évolution défavorable', neutre: 'sans jugement' } as const;

function verdict(p: CibleProgress | FicheIndicateurProgress): string {
  const parts = [p.ratio !== undefined ? `${esc(formatNumber(Math.round(p.ratio * 100), 0))}${NBSP}% du chemin` : undefined, p.jugement && p.jugement !== 'neutre' ? JUGEMENTS[p.jugement] : undefined].filter(Boolean);
  return parts.length ? ` <span class="fil-jugement${p.jugement ? ` fil-${p.jugement}` : ''}">(${parts.join(', ')})</span>` : '';
}
