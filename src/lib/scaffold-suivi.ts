/**
 * `npm run new -- engagement ID` and `npm run new -- suivi FICHE ANNEE`:
 * the follow-up's scaffolds, as text edits that keep the rest of the file
 * byte for byte. What the author must supply is « à compléter », which the
 * check warns about until it is gone.
 */
import { parse } from 'yaml';
import { splitFrontMatter } from './model/front-matter.ts';
import type { Contract } from './model/index.ts';
import { A_COMPLETER } from './model/schemas/common.ts';
import { objectifsOf } from './queries/index.ts';

export type Edit = { ok: true; text: string } | { ok: false; message: string };

/** One commitment, as a list item of suivi/engagements.yaml. */
export function engagementEntry(id: string, contract: Contract | undefined): string {
  const signataire = contract?.contrat.signataires[0]?.nom;
  const objectif = contract && objectifsOf(contract.piliers)[0]?.id;
  const annee = contract?.contrat.periode.debut ?? new Date().getFullYear();
  return [
    `- id: ${id}`,
    `  signataire: ${signataire ? yamlText(signataire) : `${A_COMPLETER} (nom d’un signataire de contrat.yaml)`}`,
    `  engagement: ${A_COMPLETER} (l’engagement, en une phrase mesurable)`,
    ...(objectif ? [`  objectifs: [${objectif}]`] : []),
    '  quartiers: tous',
    '  suivi:',
    '    # statut : a-lancer, en-cours, tenu, partiellement-tenu ou non-tenu',
    `    ${annee}: {statut: a-lancer, commentaire: ${A_COMPLETER}}`,
    '',
  ].join('\n');
}

/** `existing`: the file's text, undefined when it does not exist yet. */
export function addEngagement(existing: string | undefined, id: string, entry: string, header: string): Edit {
  if (existing === undefined || existing.trim() === '' || existing.trim() === '[]') return { ok: true, text: `${header}${entry}` };
  const list: unknown = safeParse(existing);
  if (!Array.isArray(list)) return { ok: false, message: 'suivi/engagements.yaml n’est pas une liste lisible : corrigez-le d’abord (npm run check)' };
  if (list.some((e) => (e as { id?: unknown } | null)?.id === id)) return { ok: false, message: `l’engagement « ${id} » existe déjà : rien n’a été écrit` };
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  return { ok: true, text: `${existing}${existing.endsWith('\n') ? '' : eol}${entry.replaceAll('\n', eol)}` };
}

/** Adds the year `annee` to a fiche's `suivi`, with its budget's funders and its indicators' ids. */
export function addSuiviYear(fiche: string, annee: number): Edit {
  const split = splitFrontMatter(fiche);
  if (!split.ok) return { ok: false, message: `${split.message} : corrigez la fiche d’abord (npm run check)` };
  const data = safeParse(split.yaml) as { suivi?: unknown; budget?: { financements?: { financeur?: unknown }[] }; indicateurs?: { id?: unknown }[] } | undefined;
  if (!data || typeof data !== 'object') return { ok: false, message: 'en-tête illisible : corrigez la fiche d’abord (npm run check)' };
  if (data.suivi !== undefined && data.suivi !== null && (typeof data.suivi !== 'object' || Array.isArray(data.suivi))) return { ok: false, message: 'la clé suivi n’est pas un bloc d’années : corrigez-la d’abord' };
  if (data.suivi && Object.hasOwn(data.suivi, String(annee))) return { ok: false, message: `le suivi de ${annee} existe déjà : rien n’a été écrit` };
  const lines = split.yaml.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const at = lines.findIndex((l) => /^suivi:\s*(#.*)?$/.test(l));
  if (data.suivi !== undefined && at < 0) return { ok: false, message: 'la clé suivi est écrite sur une ligne ({…}) : ajoutez l’année à la main' };
  let end = lines.length;
  let indent = '  ';
  if (at >= 0) {
    end = lines.findIndex((l, i) => i > at && /^\S/.test(l) && !l.startsWith('#'));
    if (end < 0) end = lines.length;
    // Blank lines and comments at the margin before the next key belong to that key.
    while (end > at + 1 && (lines[end - 1]!.trim() === '' || lines[end - 1]!.startsWith('#'))) end--;
    indent = /^(\s+)\S/.exec(lines.slice(at + 1, end).find((l) => l.trim() !== '' && !l.trim().startsWith('#')) ?? '')?.[1] ?? '  ';
  }
  const funders = (data.budget?.financements ?? []).map((f) => f.financeur).filter((f): f is string => typeof f === 'string');
  const ids = (data.indicateurs ?? []).map((i) => i.id).filter((i): i is string => typeof i === 'string');
  const block = yearBlock(annee, funders, ids).map((l) => `${indent}${l.replace(/^( +)/, (s) => indent.repeat(s.length / 2))}`);
  // A file written with CRLF line ends keeps them.
  const cr = split.yaml.includes('\r\n') ? '\r' : '';
  const added = (at >= 0 ? block : ['suivi:', ...block]).map((l) => `${l}${cr}`);
  lines.splice(end, 0, ...added);
  const yaml = `${lines.join('\n')}\n`;
  return { ok: true, text: `${fiche.slice(0, split.yamlOffset)}${yaml}${fiche.slice(split.yamlOffset + split.yaml.length)}` };
}

function yearBlock(annee: number, funders: string[], ids: string[]): string[] {
  return [
    `${annee}:`,
    '  # statut : a-lancer, en-cours, en-retard, suspendu, realise ou abandonne (sans statut : celui de l’année précédente)',
    `  avancement: ${A_COMPLETER}`,
    '  financements:',
    ...(funders.length ? funders : [`${A_COMPLETER}`]).flatMap((f) => [
      `    - financeur: ${yamlText(f)}`,
      `      prevu: ${A_COMPLETER}`,
      `      engage: ${A_COMPLETER}`,
      `      realise: ${A_COMPLETER}`,
    ]),
    ...(ids.length ? ['  valeurs:', ...ids.map((id) => `    ${id}: ${A_COMPLETER}`)] : []),
    '  dossiers: []',
    '  commentaire: |',
    `    ${A_COMPLETER} : ce qui s’est passé cette année.`,
  ];
}

function safeParse(text: string): unknown {
  try {
    return parse(text);
  } catch {
    return undefined;
  }
}

/** A name as a YAML scalar: quoted when plain would not read back the same. */
function yamlText(text: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} ’'().,-]*$/u.test(text) && !/[:#]/.test(text) && text.trim() === text ? text : JSON.stringify(text);
}
