/**
 * The evolutions as plain text for the terminal (`npm run evolutions`):
 * the same entries as the page, removed words as [-…-] and added ones as
 * {+…+}, as `git diff --word-diff` writes them.
 */
import { fr } from '../../i18n/fr.ts';
import { describe, type Line } from './describe.ts';
import type { Change, Evolutions } from './types.ts';

export function evolutionsText(ev: Evolutions): string[] {
  const out = [ev.titre, ''];
  if (ev.sections.length === 0) return [...out, fr.evolutions.aucune];
  for (const section of ev.sections) {
    out.push(`${section.titre} (${section.changes.length})`);
    for (const c of section.changes) out.push(`  ${headline(c)}`, ...c.details.flatMap(describe).map((l) => `      ${lineText(l)}`));
    out.push('');
  }
  return out.slice(0, -1);
}

function headline(c: Change): string {
  const name = c.prefix ? `${c.prefix} — ${c.titre}` : c.titre;
  return `${fr.evolutions.changes[c.change]} : ${name}${c.path ? ` (${c.path})` : ''}`;
}

function lineText(l: Line): string {
  if (l.runs) return `${l.champ} : ${l.runs.map((r) => (r.kind === 'added' ? `{+${r.text}+}` : r.kind === 'removed' ? `[-${r.text}-]` : r.text)).join('')}`;
  if (l.texte !== undefined) return `${l.champ} : ${l.texte}`;
  if (l.avant !== undefined && l.apres !== undefined) return `${l.champ} : ${l.avant} → ${l.apres}`;
  return l.apres !== undefined ? `${l.champ} : + ${l.apres}` : `${l.champ} : − ${l.avant}`;
}
