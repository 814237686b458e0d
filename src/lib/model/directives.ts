/**
 * Directives in Markdown bodies: known names only, known attributes only,
 * ids of the right kind, `:ref[id]` resolved with the ambiguity rule of
 * FORMAT.md, images under medias/ only. The check reads the tree; the
 * transforms (markdown/ref-targets.ts, markdown/media-paths.ts) then write
 * what it resolved onto it.
 */
import type { Nodes } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { remarkMediaPaths } from '../markdown/media-paths.ts';
import { remarkRefTargets } from '../markdown/ref-targets.ts';
import { imagePath, refId, resolveRef } from './body-links.ts';
import { issueAt, type ContentIssue, type Location } from './issues.ts';
import type { ParsedBody } from './parse-files.ts';
import type { Registry } from './registry.ts';
import type { RefKind } from './types.ts';

interface AttributeSpec {
  kind: RefKind;
  required?: boolean;
}

/** Leaf directives (`::name{…}` on a line of their own) and their attributes. */
export const LEAF_DIRECTIVES: Record<string, { attributes: Record<string, AttributeSpec>; atMostOne?: boolean }> = {
  indicateur: { attributes: { id: { kind: 'indicateur', required: true } } },
  afom: { attributes: { id: { kind: 'afom', required: true } } },
  arbre: { attributes: { pilier: { kind: 'pilier' } } },
  fiches: { attributes: { objectif: { kind: 'objectif' }, quartier: { kind: 'quartier' }, pilier: { kind: 'pilier' } }, atMostOne: true },
  carte: { attributes: { quartier: { kind: 'quartier' } } },
};

/** Own keys only: `::constructor` is not a directive. */
const leafSpec = (name: string) => (Object.hasOwn(LEAF_DIRECTIVES, name) ? LEAF_DIRECTIVES[name] : undefined);

export interface DirectiveUse {
  name: string;
  attributes: Record<string, string>;
  file: string;
}

export interface BodyFindings {
  issues: ContentIssue[];
  /** Every leaf directive, for "indicator never shown". */
  uses: DirectiveUse[];
  /** The images used, by their path under medias/. */
  images: string[];
}

/** Checks `body`, then writes onto its tree what the check resolved (`:ref` targets, image paths). */
export function checkDirectives(body: ParsedBody, registry: Registry, medias: ReadonlySet<string> = new Set()): BodyFindings {
  const findings = checkBody(body, registry, medias);
  transformBody(body, registry, medias);
  return findings;
}

/** Where `node` is in the body's file. */
const locate = (body: ParsedBody, node: Nodes, path: string): Location => ({
  file: body.file,
  path,
  ...body.lines.position(body.offset + (node.position?.start.offset ?? 0)),
});

/** The transforms that need the contract's ids: each `:ref` gets its `data.target`, each image its path under medias/. */
export function transformBody(body: ParsedBody, registry: Registry, medias: ReadonlySet<string>): void {
  unified()
    .use(remarkRefTargets, { target: (label, node) => resolveRef(label, registry, locate(body, node, ':ref')).target })
    .use(remarkMediaPaths, { path: (url) => imagePath(url, medias).path })
    .runSync(body.root);
}

/** Every directive and image of `body` checked, without touching its tree. */
export function checkBody(body: ParsedBody, registry: Registry, medias: ReadonlySet<string> = new Set()): BodyFindings {
  const issues: ContentIssue[] = [];
  const uses: DirectiveUse[] = [];
  const images: string[] = [];
  const at = (node: Nodes, path: string) => locate(body, node, path);

  visit(body.root, (node) => {
    switch (node.type) {
      case 'image': {
        const found = imagePath(node.url, medias);
        if (found.path !== undefined) images.push(found.path);
        else issues.push(issueAt(found.rule, at(node, 'image'), found.message, found.hint));
        return;
      }
      case 'text':
        // `::indicateur{…}` followed by text on its line is not a directive for the parser: say so.
        for (const m of node.value.matchAll(/(?:^|[^\\:]):{2,3}([a-z]+)[[{]/g)) {
          if (leafSpec(m[1]!)) issues.push(issueAt('directive-ligne', at(node, `::${m[1]}`), `la directive « ::${m[1]} » doit être seule sur sa ligne, entourée de lignes vides`));
        }
        return;
      case 'textDirective':
        // Its label is an id or an error already: nothing inside to check.
        issues.push(...checkTextDirective(node, registry, at(node, `:${node.name}`)));
        return SKIP;
      case 'containerDirective':
        issues.push(unknownDirective(node, at(node, `:::${node.name}`)));
        return;
      case 'leafDirective': {
        const use = checkLeafDirective(node, registry, at(node, `::${node.name}`), issues);
        if (use) uses.push({ ...use, file: body.file });
        return;
      }
      default:
        return;
    }
  });
  return { issues, uses, images };
}

function checkTextDirective(node: TextDirective, registry: Registry, here: Location): ContentIssue[] {
  if (node.name === 'ref') return checkRef(node, registry, here);
  // A bare text directive of another name was a colon in prose, made text again by the parser (markdown/prose-colons.ts).
  if (leafSpec(node.name)) return [issueAt('directive-ligne', here, `la directive « ${node.name} » s’écrit « ::${node.name}{…} » seule sur sa ligne`)];
  return [unknownDirective(node, here)];
}

function checkRef(node: TextDirective, registry: Registry, here: Location): ContentIssue[] {
  const label = toString(node);
  if (refId(label) === '') return [issueAt('ref-syntaxe', here, ':ref sans identifiant', 'écrivez :ref[identifiant], par exemple :ref[reussite-educative]')];
  const issues: ContentIssue[] = [];
  if (node.attributes && Object.keys(node.attributes).length > 0) {
    issues.push(issueAt('ref-syntaxe', here, ':ref ne prend pas d’attributs', 'écrivez :ref[identifiant] ou :ref[type:identifiant]'));
  }
  const { issue } = resolveRef(label, registry, here);
  if (issue) issues.push(issue);
  return issues;
}

/** The use of a known leaf directive (its issues pushed to `issues`), or undefined for an unknown one. */
function checkLeafDirective(node: LeafDirective, registry: Registry, here: Location, issues: ContentIssue[]): Omit<DirectiveUse, 'file'> | undefined {
  const spec = leafSpec(node.name);
  if (!spec) {
    issues.push(unknownDirective(node, here));
    return undefined;
  }
  const attributes = Object.fromEntries(Object.entries(node.attributes ?? {}).map(([k, v]) => [k, v ?? '']));
  for (const key of Object.keys(attributes)) {
    if (!Object.hasOwn(spec.attributes, key)) {
      const allowed = Object.keys(spec.attributes);
      issues.push(issueAt('directive-attribut', here, `attribut inconnu « ${key} » pour ::${node.name}`, allowed.length ? `attributs possibles : ${allowed.join(', ')}` : undefined));
    }
  }
  for (const [key, attr] of Object.entries(spec.attributes)) {
    const value = attributes[key];
    if (value === undefined) {
      if (attr.required) issues.push(issueAt('directive-attribut', here, `attribut « ${key} » manquant`, `écrivez ::${node.name}{${key}=…}`));
      continue;
    }
    const problem = registry.check(value, [attr.kind], here);
    if (problem) issues.push(problem);
  }
  if (spec.atMostOne && Object.keys(attributes).filter((k) => Object.hasOwn(spec.attributes, k)).length > 1) {
    issues.push(issueAt('directive-attribut', here, `::${node.name} prend un seul critère à la fois`, `choisissez l’un de : ${Object.keys(spec.attributes).join(', ')}`));
  }
  return { name: node.name, attributes };
}

function unknownDirective(node: LeafDirective | TextDirective | ContainerDirective, here: Location): ContentIssue {
  const names = Object.keys(LEAF_DIRECTIVES).map((n) => `::${n}`);
  return issueAt('directive-inconnue', here, `directive inconnue « ${node.name} »`, `directives possibles : ${[...names, ':ref[…]'].join(', ')} ; pour écrire un deux-points suivi d’un mot, échappez-le : \\:`);
}
