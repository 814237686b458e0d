/**
 * Directives in Markdown bodies: known names only, known attributes only,
 * ids of the right kind, and `:ref[id]` resolved (stored on the node as
 * `data.target`) with the ambiguity rule of FORMAT.md.
 */
import type { Nodes, Parent, Root, Text } from 'mdast';
import type { LeafDirective, TextDirective, ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { issueAt, type ContentIssue, type Location } from './issues.ts';
import type { ParsedBody } from './parse-files.ts';
import { normalizeMediaPath } from './media-path.ts';
import { kindArticle, type Registry } from './registry.ts';
import { REF_KINDS, type RefKind, type RefTarget } from './types.ts';

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

export interface DirectiveUse {
  name: string;
  attributes: Record<string, string>;
  file: string;
}

type Directive = LeafDirective | TextDirective | ContainerDirective;

/**
 * Checks every directive of `body`, and its images (a file under medias/,
 * never another host); returns the issues, the directive uses (for
 * "indicator never shown") and the images used (their normalised path is
 * written back on the node).
 */
export function checkDirectives(
  body: ParsedBody,
  registry: Registry,
  medias: ReadonlySet<string> = new Set(),
): { issues: ContentIssue[]; uses: DirectiveUse[]; images: string[] } {
  const issues: ContentIssue[] = [];
  const uses: DirectiveUse[] = [];
  const images: string[] = [];
  const at = (node: Nodes, path: string): Location => ({
    file: body.file,
    path,
    ...body.lines.position(body.offset + (node.position?.start.offset ?? 0)),
  });

  walk(body.root, (node, parent, index) => {
    if (node.type === 'image') {
      const here = at(node, 'image');
      const hint = 'copiez l’image dans medias/ et écrivez son chemin, par exemple ![Légende](medias/photo.jpg)';
      if (/^[a-z][a-z0-9+.-]*:/i.test(node.url) || node.url.startsWith('//')) {
        issues.push(issueAt(here, `image hors du contrat refusée « ${node.url.slice(0, 80)} »`, `le site ne charge rien d’un autre hôte : ${hint}`));
        return;
      }
      let written = node.url;
      try {
        written = decodeURI(node.url);
      } catch {
        // Kept as written: the path check below reports it.
      }
      const path = normalizeMediaPath(written);
      if (!path.ok) issues.push(issueAt(here, path.message, path.hint));
      else if (!medias.has(path.path)) issues.push(issueAt(here, `image introuvable « ${written} »`, hint));
      else {
        node.url = path.path;
        images.push(path.path);
      }
      return;
    }
    if (node.type === 'text') {
      // `::indicateur{…}` followed by text on its line is not a directive for the parser: say so.
      for (const m of node.value.matchAll(/(?:^|[^\\:]):{2,3}([a-z]+)[[{]/g)) {
        if (m[1]! in LEAF_DIRECTIVES) issues.push(issueAt(at(node, `::${m[1]}`), `la directive « ::${m[1]} » doit être seule sur sa ligne, entourée de lignes vides`));
      }
      return;
    }
    if (node.type === 'textDirective') {
      if (node.name === 'ref') {
        checkRef(node, body.text, registry, at(node, ':ref'), issues);
        return;
      }
      const written = node.attributes && Object.keys(node.attributes).length > 0;
      const labelled = node.children.length > 0;
      if (!written && !labelled && !(node.name in LEAF_DIRECTIVES)) {
        // "10:30", "Note:important": a colon in prose, not a directive. Give the text back.
        parent.children.splice(index, 1, { type: 'text', value: `:${node.name}` } as Text);
        return;
      }
      if (node.name in LEAF_DIRECTIVES) {
        issues.push(issueAt(at(node, `:${node.name}`), `la directive « ${node.name} » s’écrit « ::${node.name}{…} » seule sur sa ligne`));
      } else {
        issues.push(unknownDirective(node, at(node, `:${node.name}`)));
      }
      return;
    }
    if (node.type === 'containerDirective') {
      issues.push(unknownDirective(node, at(node, `:::${node.name}`)));
      return;
    }
    if (node.type === 'leafDirective') {
      const spec = LEAF_DIRECTIVES[node.name];
      const here = at(node, `::${node.name}`);
      if (!spec) {
        issues.push(unknownDirective(node, here));
        return;
      }
      const attributes = Object.fromEntries(Object.entries(node.attributes ?? {}).map(([k, v]) => [k, v ?? '']));
      for (const key of Object.keys(attributes)) {
        if (!(key in spec.attributes)) {
          const allowed = Object.keys(spec.attributes);
          issues.push(
            issueAt(here, `attribut inconnu « ${key} » pour ::${node.name}`, allowed.length ? `attributs possibles : ${allowed.join(', ')}` : undefined),
          );
        }
      }
      for (const [key, attr] of Object.entries(spec.attributes)) {
        const value = attributes[key];
        if (value === undefined) {
          if (attr.required) issues.push(issueAt(here, `attribut « ${key} » manquant`, `écrivez ::${node.name}{${key}=…}`));
          continue;
        }
        const problem = registry.check(value, [attr.kind], here);
        if (problem) issues.push(problem);
      }
      if (spec.atMostOne && Object.keys(attributes).filter((k) => k in spec.attributes).length > 1) {
        issues.push(issueAt(here, `::${node.name} prend un seul critère à la fois`, `choisissez l’un de : ${Object.keys(spec.attributes).join(', ')}`));
      }
      uses.push({ name: node.name, attributes, file: body.file });
    }
  });
  return { issues, uses, images };
}

function checkRef(node: TextDirective, text: string, registry: Registry, here: Location, issues: ContentIssue[]): void {
  // The label is re-parsed as Markdown (`kind:id` looks like a directive): read it from the source.
  const source = text.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
  const written = (/^:ref\[([^\]]*)\]/.exec(source)?.[1] ?? toString(node)).trim();
  node.children = [{ type: 'text', value: written }];
  const match = /^(?:([a-z]+):)?(.*)$/.exec(written)!;
  const [, prefix, id = ''] = match;
  if (id === '') {
    issues.push(issueAt(here, ':ref sans identifiant', 'écrivez :ref[identifiant], par exemple :ref[reussite-educative]'));
    return;
  }
  if (node.attributes && Object.keys(node.attributes).length > 0) {
    issues.push(issueAt(here, ':ref ne prend pas d’attributs', 'écrivez :ref[identifiant] ou :ref[type:identifiant]'));
  }
  let target: RefTarget | undefined;
  if (prefix !== undefined) {
    if (!(REF_KINDS as readonly string[]).includes(prefix)) {
      issues.push(issueAt(here, `type inconnu « ${prefix} » dans :ref[${written}]`, `types possibles : ${REF_KINDS.join(', ')}`));
      return;
    }
    const problem = registry.check(id, [prefix as RefKind], here);
    if (problem) {
      issues.push(problem);
      return;
    }
    target = { kind: prefix as RefKind, id };
  } else {
    const kinds = registry.kindsOf(id).filter((k): k is RefKind => (REF_KINDS as readonly string[]).includes(k));
    if (kinds.length === 0) {
      // No problem means the id may live in a file that failed to load: that file's error is reported instead.
      const problem = registry.check(id, REF_KINDS, here, 'identifiant');
      if (problem) issues.push(problem);
      return;
    }
    if (kinds.length > 1) {
      const options = kinds.map((k) => `:ref[${k}:${id}]`).join(' ou ');
      issues.push(issueAt(here, `référence ambiguë « ${id} » : ${kinds.map(kindArticle).join(' et ')} portent cet identifiant`, `précisez le type : ${options}`));
      return;
    }
    target = { kind: kinds[0]!, id };
  }
  node.data = { ...(node.data ?? {}), target } as typeof node.data;
}

function unknownDirective(node: Directive, here: Location): ContentIssue {
  const names = Object.keys(LEAF_DIRECTIVES).map((n) => `::${n}`);
  return issueAt(here, `directive inconnue « ${node.name} »`, `directives possibles : ${[...names, ':ref[…]'].join(', ')} ; pour écrire un deux-points suivi d’un mot, échappez-le : \\:`);
}

/** Depth-first walk that lets the visitor replace the current node. */
function walk(root: Root, visit: (node: Nodes, parent: Parent, index: number) => void): void {
  const stack: Parent[] = [root];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    for (let i = 0; i < parent.children.length; i++) {
      const node = parent.children[i] as Nodes;
      visit(node, parent, i);
      const current = parent.children[i] as Nodes;
      if (current === node && 'children' in node && node.type !== 'textDirective') stack.push(node as Parent);
    }
  }
}
