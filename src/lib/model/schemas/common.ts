import { z } from 'zod';

/** Lower-case letters, digits and `-`: the id of every entry, also its file name. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const idSchema = z
  .string({ error: 'identifiant attendu' })
  .regex(ID_PATTERN, {
    error: (issue) =>
      `identifiant invalide « ${String(issue.input)} » : seuls les minuscules sans accent, les chiffres et « - » sont permis`,
  })
  .describe('Identifiant : minuscules sans accent, chiffres et « - » (ex. « reussite-educative »)');

/**
 * A reference to a tree node: its id, or the number an author reads in the
 * cahier (`1.5.2`), which resolution turns into a located error naming the id.
 */
export const treeRefSchema = z
  .string({ error: 'identifiant attendu' })
  .regex(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*|\d+(?:\.(?:\d+|[A-Z]+))+)$/, {
    error: (issue) =>
      `identifiant invalide « ${String(issue.input)} » : seuls les minuscules sans accent, les chiffres et « - » sont permis`,
  })
  .describe('Identifiant d’un objectif de l’arbre (ex. « reussite-educative »)');

/** A day, `AAAA-MM-JJ`, that exists on the calendar. */
export const dateSchema = z
  .string({ error: 'date attendue au format AAAA-MM-JJ' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date attendue au format AAAA-MM-JJ', abort: true })
  .refine((s) => isRealDate(s), { error: 'date inexistante' })
  .describe('Date, AAAA-MM-JJ');

function isRealDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const textSchema = z.string().trim().min(1, { error: 'texte vide' });

export const yearSchema = z
  .number()
  .int({ error: (issue) => `année attendue (nombre entier), trouvé : ${String(issue.input)}` })
  .min(1900, { error: (issue) => `année improbable : ${String(issue.input)}` })
  .max(2100, { error: (issue) => `année improbable : ${String(issue.input)}` })
  .describe('Année sur quatre chiffres, ex. 2015');

/** A year as the key of a YAML map (`2016:`): four digits; `where` names the map in the message. */
export const yearKeySchema = (where: string) =>
  z.string().regex(/^\d{4}$/, { error: (issue) => `année attendue comme clé de « ${where} », trouvé « ${String(issue.input)} »` });

/** A path inside the contract folder, e.g. `medias/centre.geojson`. */
export const mediaPathSchema = z
  .string()
  .min(1, { error: 'chemin vide' })
  .describe('Chemin d’un fichier sous medias/, relatif au dossier du contrat');

export const periodSchema = z
  .strictObject({
    debut: yearSchema.describe('Première année'),
    fin: yearSchema.describe('Dernière année'),
  })
  .refine((p) => p.debut <= p.fin, {
    path: ['fin'],
    error: (issue) => {
      const p = issue.input as { debut: number; fin: number };
      return `fin (${p.fin}) antérieure au début (${p.debut})`;
    },
  })
  .describe('Période : { debut: année, fin: année }');

/** An `id` key in a one-entity-per-file entry; the loader checks it equals the file name. */
export const fileIdSchema = idSchema.optional().describe('Facultatif : doit être égal au nom du fichier');

/**
 * What a scaffold writes where the author must supply a value (DESIGN.md
 * « Conventions »): the check warns (rule `a-completer`) until it is gone,
 * so nothing plausible but false is ever published.
 */
export const A_COMPLETER = 'à compléter';
const MARKER = /[àaÀA]\s+compl[éeè]ter/i;

export function hasMarker(text: string): boolean {
  return MARKER.test(text);
}

/**
 * A number the author has not supplied yet: the marker stands for it and
 * reads as no value (undefined), never as 0.
 */
/** The error of the marker's branch in `orMarker`: zod-issues.ts drops it, so a wrong value is reported as the value's own type error. */
export const MARKER_ERROR = 'marqueur « à compléter » attendu';

export function orMarker<T extends z.ZodType>(schema: T) {
  // Without a flag, so that the editors' JSON Schema (a pattern has none) accepts exactly what the checker does.
  const bare = new RegExp(`^\\s*${MARKER.source}\\s*$`);
  const marker = z.string({ error: MARKER_ERROR }).regex(bare, { error: MARKER_ERROR }).transform(() => undefined);
  return z.union([schema, marker]);
}
