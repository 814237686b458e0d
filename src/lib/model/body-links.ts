/**
 * What the links of a Markdown body point to: a `:ref` label to the thing
 * it names, an image URL to a file under medias/. The check reports the
 * issues, the transforms write the results on the tree; both ask here.
 */
import { issueAt, type ContentIssue, type Location, type RuleId } from './issues.ts';
import { normalizeMediaPath } from './media-path.ts';
import { kindArticle, type Registry } from './registry.ts';
import { REF_KINDS, type RefKind, type RefTarget } from './types.ts';

const isRefKind = (kind: string): kind is RefKind => (REF_KINDS as readonly string[]).includes(kind);

/** `kind:id` or `id`; `s`: a label may run over a line break. */
const LABEL = /^(?:([a-z]+):)?(.*)$/s;

/** The id of `:ref[label]` (`kind:id` or `id`). */
export function refId(label: string): string {
  return LABEL.exec(label)![2] ?? '';
}

/**
 * What `:ref[label]` points to, or the issue that says why it points nowhere
 * (none when the id may live in a file that failed to load: that file's
 * error is reported instead).
 */
export function resolveRef(label: string, registry: Registry, here: Location): { target?: RefTarget; issue?: ContentIssue } {
  const [, prefix, id = ''] = LABEL.exec(label)!;
  if (id === '') return {};
  if (prefix !== undefined) {
    if (!isRefKind(prefix)) return { issue: issueAt('ref-syntaxe', here, `type inconnu « ${prefix} » dans :ref[${label}]`, `types possibles : ${REF_KINDS.join(', ')}`) };
    const problem = registry.check(id, [prefix], here);
    return problem ? { issue: problem } : { target: { kind: prefix, id } };
  }
  const kinds = registry.kindsOf(id).filter(isRefKind);
  if (kinds.length === 0) {
    const problem = registry.check(id, REF_KINDS, here, 'identifiant');
    return problem ? { issue: problem } : {};
  }
  if (kinds.length > 1) {
    const options = kinds.map((k) => `:ref[${k}:${id}]`).join(' ou ');
    return { issue: issueAt('ref-ambigue', here, `référence ambiguë « ${id} » : ${kinds.map(kindArticle).join(' et ')} portent cet identifiant`, `précisez le type : ${options}`) };
  }
  return { target: { kind: kinds[0]!, id } };
}

/** The path under medias/ an image URL names, or why it names none (never another host). */
export function imagePath(url: string, medias: ReadonlySet<string>): { path: string } | { path?: undefined; rule: RuleId; message: string; hint: string } {
  const hint = 'copiez l’image dans medias/ et écrivez son chemin, par exemple ![Légende](medias/photo.jpg)';
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) {
    return { rule: 'image-externe', message: `image hors du contrat refusée « ${url.slice(0, 80)} »`, hint: `le site ne charge rien d’un autre hôte : ${hint}` };
  }
  let written = url;
  try {
    written = decodeURI(url);
  } catch {
    // Kept as written: the path check below reports it.
  }
  const path = normalizeMediaPath(written);
  if (!path.ok) return { rule: 'media-chemin', message: path.message, hint: path.hint };
  if (!medias.has(path.path)) return { rule: 'media-introuvable', message: `image introuvable « ${written} »`, hint };
  return { path: path.path };
}
