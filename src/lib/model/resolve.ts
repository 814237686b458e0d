/**
 * Step 2 of the model: the parsed entries of every kind → the resolved,
 * numbered Contract, with the cross-file rules (references by kind,
 * duplicates, budgets, periods, directives, warnings). Each kind's module
 * holds its own rules; this runs their phases (kinds/kind.ts) over the
 * table and assembles the result.
 */
import { checkBodies, type BodiesCheck } from './bodies.ts';
import { issueAt, type ContentIssue } from './issues.ts';
import { KINDS, type ContractParts } from './kinds/index.ts';
import type { AnyKind, DeclareContext, ResolveContext } from './kinds/kind.ts';
import { markerWarnings } from './markers.ts';
import { normalizeMediaPath } from './media-path.ts';
import { entriesOf, type ParsedContract } from './parse-files.ts';
import { Registry } from './registry.ts';

export type Contract = ContractParts & {
  /** Files under medias/ the site must publish: images of the bodies, signataires' logos. */
  medias: string[];
};

const TABLE = KINDS as readonly AnyKind[];

export function resolveContract(parsed: ParsedContract): { contract?: Contract; issues: ContentIssue[] } {
  const issues: ContentIssue[] = [];
  const report = (issue: ContentIssue | undefined) => void (issue && issues.push(issue));
  const registry = new Registry();
  // A file that is missing or failed to parse still names its ids: no cascade of "unknown id" errors.
  for (const { kind, id } of parsed.failed) {
    if (kind.idKind && id !== undefined) registry.add(kind.idKind, id);
    kind.unreadable?.(registry, id);
  }
  for (const kind of TABLE) if (kind.idKind) for (const e of entriesOf(parsed, kind)) registry.add(kind.idKind, e.id);
  for (const { kind, id, file } of parsed.drafts) if (kind.idKind) registry.addDraft(kind.idKind, id, file);

  const declared = new Map<AnyKind, unknown>();
  const outputs = new Map<AnyKind, unknown>();
  const pending = new Set<AnyKind>();
  let bodies: BodiesCheck | undefined;
  const once = <T>(cache: Map<AnyKind, unknown>, kind: AnyKind, run: () => T): T => {
    if (cache.has(kind)) return cache.get(kind) as T;
    // A kind reading itself through another: a bug of the table, not of the content.
    if (pending.has(kind)) throw new Error(`cycle in the table of kinds at « ${kind.name} »`);
    pending.add(kind);
    const value = run();
    pending.delete(kind);
    cache.set(kind, value);
    return value;
  };
  const declareCtx: DeclareContext = {
    registry,
    parsed,
    report,
    declared: (kind) => once(declared, kind, () => kind.declare?.(entriesOf(parsed, kind), declareCtx)),
  };
  const ctx: ResolveContext = {
    ...declareCtx,
    entries: (kind) => entriesOf(parsed, kind),
    output: (kind) => once(outputs, kind, () => kind.resolve(entriesOf(parsed, kind), ctx, ctx.declared(kind))),
    failed: (kind) => parsed.failed.some((f) => f.kind === kind),
    bodies: () => (bodies ??= checkBodies(parsed, TABLE, registry)),
    media: (written, yaml, path) => {
      const normalized = normalizeMediaPath(written);
      if (!normalized.ok) return void report(issueAt('media-chemin', yaml.locate(path), normalized.message, normalized.hint));
      if (parsed.medias.has(normalized.path)) return normalized.path;
      report(issueAt('media-introuvable', yaml.locate(path), `fichier introuvable « ${written} »`, 'le chemin est relatif au dossier du contrat et commence par medias/'));
      return undefined;
    },
    locateFile: (file) => ({ file, line: 1, column: 1, path: '' }),
  };

  for (const kind of TABLE) ctx.declared(kind);
  for (const kind of TABLE) ctx.output(kind);
  issues.push(...ctx.bodies().issues);
  for (const kind of TABLE) issues.push(...(kind.check?.(entriesOf(parsed, kind), ctx) ?? []));
  issues.push(...markerWarnings([...parsed.entries.values()].flat()));

  if (TABLE.some((k) => k.required && entriesOf(parsed, k).length === 0)) return { issues };
  const parts = Object.fromEntries(TABLE.filter((k) => k.key).map((k) => [k.key, ctx.output(k)])) as ContractParts;
  const logos = parts.contrat.signataires.flatMap((s) => (s.logo ? [s.logo] : []));
  return { contract: { ...parts, medias: [...new Set([...ctx.bodies().images, ...logos])].sort() }, issues };
}
