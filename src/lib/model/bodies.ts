/**
 * The Markdown bodies of every kind that has one: their directives,
 * references and images are checked once every id of the contract is known.
 */
import type { Root } from 'mdast';
import { checkDirectives, type DirectiveUse } from './directives.ts';
import type { ContentIssue } from './issues.ts';
import { isMarkdown, type AnyKind } from './kinds/kind.ts';
import type { ParsedBody, ParsedContract } from './parse-files.ts';
import type { Registry } from './registry.ts';

/** A Markdown body, its directives checked and each `:ref` resolved (see `data.target` on the node). */
export interface Body {
  file: string;
  root: Root;
}

export interface BodiesCheck {
  issues: ContentIssue[];
  /** Every directive written, for "indicator never shown". */
  uses: DirectiveUse[];
  /** Images of the bodies, as paths under medias/. */
  images: string[];
  /** A Markdown file failed to parse: the uses are not all known. */
  incomplete: boolean;
}

export function toBody(body: ParsedBody): Body {
  return { file: body.file, root: body.root };
}

export function checkBodies(parsed: ParsedContract, kinds: readonly AnyKind[], registry: Registry): BodiesCheck {
  const markdown = kinds.filter(isMarkdown);
  const bodies = [
    ...markdown.flatMap((k) => (parsed.entries.get(k.name) ?? []).flatMap((e) => (e.body ? [e.body] : []))),
    ...kinds.flatMap((k) => (k.bodies ? (parsed.entries.get(k.name) ?? []).flatMap((e) => k.bodies!(e)) : [])),
  ];
  const result: BodiesCheck = { issues: [], uses: [], images: [], incomplete: parsed.failed.some((f) => isMarkdown(f.kind)) };
  const mediaFiles = new Set(parsed.medias.keys());
  for (const body of bodies) {
    const checked = checkDirectives(body, registry, mediaFiles);
    result.issues.push(...checked.issues);
    result.uses.push(...checked.uses);
    result.images.push(...checked.images);
  }
  return result;
}
