/**
 * docs/erreurs.md documents every rule under a `### <id>` heading (the
 * anchor a reader reaches from the `[id]` at the end of a message), and
 * documents no rule that does not exist. The example reports of the guide
 * end with the id of an existing rule, as real reports do.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../src/lib/model/rules.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const DOCS = join(ROOT, 'docs');
const ERREURS = join(DOCS, 'erreurs.md');
const IDS = Object.keys(RULES) as (keyof typeof RULES)[];
const LOOKS_LIKE_ID = /^[a-z]+(?:-[a-z]+)*$/;

/** The lines of a Markdown text outside fenced code blocks, with their index. */
function proseLines(text: string): { line: string; index: number }[] {
  let fence: string | undefined;
  const out: { line: string; index: number }[] = [];
  text.split('\n').forEach((line, index) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === undefined || marker.startsWith(fence))) {
      fence = fence === undefined ? marker : undefined;
      return;
    }
    if (fence === undefined) out.push({ line, index });
  });
  return out;
}

/** The lines inside fenced code blocks. */
function codeLines(text: string): string[] {
  const prose = new Set(proseLines(text).map((l) => l.index));
  return text.split('\n').filter((line, index) => !prose.has(index) && !/^\s*(`{3,}|~{3,})/.test(line));
}

const text = readFileSync(ERREURS, 'utf8');
const lines = text.split('\n');
const h3 = proseLines(text)
  .map(({ line, index }) => ({ title: /^### (.+?)\s*$/.exec(line)?.[1], index }))
  .filter((h): h is { title: string; index: number } => h.title !== undefined);

/** The first paragraph under the heading at `index`, inline code marks removed. */
function firstParagraph(index: number): string {
  const paragraph: string[] = [];
  for (const line of lines.slice(index + 1)) {
    if (line.trim() === '') {
      if (paragraph.length > 0) break;
      continue;
    }
    paragraph.push(line.trim());
  }
  return paragraph.join(' ').replaceAll('`', '');
}

describe('docs/erreurs.md', () => {
  it.each(IDS)('has exactly one section for %s', (id) => {
    expect(h3.filter((h) => h.title === id)).toHaveLength(1);
  });

  it('has no section for a rule that does not exist', () => {
    const unknown = h3.map((h) => h.title).filter((t) => LOOKS_LIKE_ID.test(t) && !(t in RULES));
    expect(unknown).toEqual([]);
  });

  it.each(IDS)('opens the section of %s with its description', (id) => {
    const heading = h3.find((h) => h.title === id);
    expect(heading).toBeDefined();
    const description = RULES[id];
    const sentence = firstParagraph(heading!.index);
    expect(sentence.toLowerCase()).toMatch(new RegExp(`^${escape(description.toLowerCase())}(?:[\\s.,:;]|$)`));
  });
});

describe('example reports in the guide', () => {
  const files = [join(ROOT, 'README.md'), ...readdirSync(DOCS).filter((f) => f.endsWith('.md')).map((f) => join(DOCS, f))];
  const REPORT_LINE = /^\S+:\d+:\d+ {2}.*?\b(?:erreur|avertissement) : /;

  it('has some', () => {
    expect(files.flatMap((f) => codeLines(readFileSync(f, 'utf8')).filter((l) => REPORT_LINE.test(l))).length).toBeGreaterThan(20);
  });

  it.each(files.map((f) => [f.slice(ROOT.length + 1), f]))('%s: every report line ends with the id of a rule', (_name, file) => {
    const wrong = codeLines(readFileSync(file, 'utf8'))
      .filter((l) => REPORT_LINE.test(l))
      .filter((l) => {
        const id = / \[([a-z-]+)\]$/.exec(l)?.[1];
        return id === undefined || !(id in RULES);
      });
    expect(wrong).toEqual([]);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
