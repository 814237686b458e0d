/**
 * The contract's fiches as a programmation names them: by id (the file
 * name) or by title. Titles are compared as the checker compares them for
 * « fiche en double ? » (no case, accents or punctuation), so two fiches
 * the checker would take for one are ambiguous here too.
 */
import { normalizeTitle } from '../../model/ids.ts';
import { fiche as ficheKind } from '../../model/kinds/fiche.ts';
import { classify } from '../../model/layout.ts';
import { closest } from '../../model/registry.ts';
import { ID_PATTERN } from '../../model/schemas/common.ts';
import { decodeText, type SourceFile } from '../../model/source.ts';
import { splitFrontMatter } from '../../model/front-matter.ts';
import { parseDocument } from 'yaml';

export interface FicheRef {
  id: string;
  /** Path in the contract folder. */
  path: string;
  titre?: string;
}

export type FicheMatch = { ok: true; fiche: FicheRef } | { ok: false; ambiguous: FicheRef[]; suggestion?: string };

export interface FicheIndex {
  /** By id, then by title. */
  find(text: string): FicheMatch;
}

export function ficheIndex(files: readonly SourceFile[]): FicheIndex {
  const fiches = files.flatMap((file): FicheRef[] => {
    const c = classify(file.path);
    return c.kind === ficheKind && 'id' in c && c.id ? [{ id: c.id, path: file.path, ...titleOf(file) }] : [];
  });
  const byId = new Map(fiches.map((f) => [f.id, f]));
  const byTitle = new Map<string, FicheRef[]>();
  for (const f of fiches) if (f.titre) byTitle.set(normalizeTitle(f.titre), [...(byTitle.get(normalizeTitle(f.titre)) ?? []), f]);
  return {
    find(text) {
      const asId = byId.get(text.trim());
      if (asId) return { ok: true, fiche: asId };
      const same = byTitle.get(normalizeTitle(text)) ?? [];
      if (same.length === 1) return { ok: true, fiche: same[0]! };
      if (same.length > 1) return { ok: false, ambiguous: same };
      const suggestion = suggest(text, fiches);
      return { ok: false, ambiguous: [], ...(suggestion ? { suggestion } : {}) };
    },
  };
}

/**
 * What the author most likely meant: the one fiche whose title or id
 * contains what was written (a title shortened in the spreadsheet), else
 * the nearest by spelling; given as an id when an id was written.
 */
function suggest(text: string, fiches: readonly FicheRef[]): string | undefined {
  const wanted = normalizeTitle(text);
  const asId = ID_PATTERN.test(text.trim());
  const name = (f: FicheRef) => (asId || !f.titre ? f.id : f.titre);
  const forms = (f: FicheRef) => [f.id, ...(f.titre ? [f.titre] : [])].map(normalizeTitle);
  if (wanted.length >= 4) {
    const containing = fiches.filter((f) => forms(f).some((form) => form.includes(wanted)));
    if (containing.length === 1) return name(containing[0]!);
  }
  const byForm = new Map(fiches.flatMap((f) => forms(f).map((form) => [form, f] as const)));
  const near = closest(wanted, [...byForm.keys()]);
  return near === undefined ? undefined : name(byForm.get(near)!);
}

/** The fiche's title, when its front matter can be read (the checker reports it otherwise). */
function titleOf(file: SourceFile): { titre?: string } {
  const decoded = decodeText(file);
  if (!decoded.ok) return {};
  const split = splitFrontMatter(decoded.text);
  if (!split.ok) return {};
  const titre = parseDocument(split.yaml).get('titre');
  return typeof titre === 'string' && titre.trim() !== '' ? { titre } : {};
}
