/**
 * What each printed cahier holds, so that a reference prints a page number
 * when its target is in the same PDF and names the other cahier otherwise,
 * and how a print document draws its figures: the options are built here,
 * once, for every renderer the print pages call.
 */
import { fr } from '../../i18n/fr.ts';
import type { Contract, RefTarget } from '../model/index.ts';
import { declinedQuartiers } from '../queries/index.ts';
import { createContext, type ContextOptions, type FigureOptions, type RenderContext } from '../render/context.ts';
import { QUARTIER_PALETTE } from '../render/chart-style.ts';
import { printAnchor } from '../render/labels.ts';
import { routes } from '../site/routes.ts';

export type CahierNumber = 1 | 2;

/**
 * On paper: no links inside figures, nothing to scroll; `::arbre` gives its
 * outline, the drawing has its own pages; `::fiches` a table with pages; an
 * indicator of more quartiers than the palette tells apart (each colour
 * solid then dashed) is given as its table, by commune.
 * Labels are set in Source Sans 3, embedded: measured on the example's
 * labels, 0.42 em a glyph on average (0.44 bold), 0.52 (0.54) on their
 * widest runs of 25 characters.
 */
export const PRINT_FIGURES: FigureOptions = { links: false, scroll: false, arbre: 'list', fiches: 'table', glyphs: { regular: 0.5, bold: 0.55 }, maxChartQuartiers: 2 * QUARTIER_PALETTE.length };

export function printHas(contract: Contract, cahier: CahierNumber): (target: RefTarget) => boolean {
  const declined = new Set(declinedQuartiers(contract).map((q) => q.id));
  return (t) => {
    if (cahier === 1) return t.kind === 'quartier' || t.kind === 'indicateur' || t.kind === 'afom' || t.kind === 'constat';
    if (t.kind === 'quartier') return declined.has(t.id);
    return t.kind === 'pilier' || t.kind === 'enjeu' || t.kind === 'axe' || t.kind === 'objectif' || t.kind === 'fiche';
  };
}

/**
 * A print document's options: references take their short form and lead to
 * anchors in the document (`holds` says which entities it has; the others
 * are named with `elsewhere`), and `drawnTreeAt` is where it draws the
 * causal tree, if it does.
 */
export function printOptions(holds: (target: RefTarget) => boolean = () => true, more: { elsewhere?: string; drawnTreeAt?: string } = {}): ContextOptions {
  return {
    refHref: (t) => (holds(t) ? `#${printAnchor(t)}` : undefined),
    refForm: 'short',
    ...(more.elsewhere ? { elsewhere: more.elsewhere } : {}),
    figures: more.drawnTreeAt ? { ...PRINT_FIGURES, arbreDrawnAt: more.drawnTreeAt } : PRINT_FIGURES,
  };
}

export function printContext(contract: Contract, cahier: CahierNumber, base: string): RenderContext {
  return createContext(contract, {
    base,
    ...printOptions(printHas(contract, cahier), {
      elsewhere: cahier === 1 ? fr.cahier2 : fr.cahier1,
      // Cahier II draws the tree on landscape pages under this anchor (imprimer/cahier-2.astro).
      ...(cahier === 2 ? { drawnTreeAt: '#arbre' } : {}),
    }),
  });
}

/** The evolutions since DEPUIS, printed when the build is given one. */
export const EVOLUTIONS_FILE = 'evolutions.pdf';

export const printFiles = {
  1: 'cahier-1-diagnostic.pdf',
  2: 'cahier-2-strategie.pdf',
  both: 'contrat-de-ville.pdf',
} as const;

/** dist/pdf/rapport-annuel-<annee>.pdf. */
export function rapportFile(annee: number): string {
  return `rapport-annuel-${annee}.pdf`;
}

/** A print page of the site and the PDF made from it. */
export interface PrintDocument {
  /** Site path of the print page. */
  route: string;
  /** File name under dist/pdf/. */
  file: string;
  /** The PDF's subject, after the contract's title in its title. */
  subject: string;
  /** YYYY-MM-DD, every date of the PDF: no build-time clock. */
  date: string;
  /** Bound into the whole contract (printFiles.both), its pages labelled with this prefix (« II-60 »). */
  label?: string;
}

/**
 * Every PDF of the contract, in the order they are printed: the two
 * cahiers, each annual report (dated as FORMAT-SUIVI says, the contract's
 * date while a scaffold leaves it « à compléter »), then the evolutions
 * when the build is given DEPUIS.
 */
export function printDocuments(contract: Contract, evolutions?: { titre: string }): PrintDocument[] {
  const date = contract.contrat.date;
  return [
    { route: routes.imprimerCahier(1), file: printFiles[1], subject: `${fr.cahier1} — ${fr.cahier1Titre}`, date, label: 'I' },
    { route: routes.imprimerCahier(2), file: printFiles[2], subject: `${fr.cahier2} — ${fr.cahier2Titre}`, date, label: 'II' },
    ...contract.rapports.map((r) => ({ route: routes.imprimerRapport(r.annee), file: rapportFile(r.annee), subject: fr.rapport.titre(r.annee), date: r.date ?? date })),
    ...(evolutions ? [{ route: routes.imprimerEvolutions(), file: EVOLUTIONS_FILE, subject: evolutions.titre, date }] : []),
  ];
}
