/**
 * Step 2 of the model: cross-file rules on the parsed entries (references by
 * kind, duplicates, budgets, periods, outlines, directives), then the
 * resolved, numbered Contract.
 */
import { checkDirectives, type DirectiveUse } from './directives.ts';
import { parseGeoJson } from './geojson.ts';
import { issueAt, type ContentIssue } from './issues.ts';
import { normalizeMediaPath } from './media-path.ts';
import type { Entry, ParsedBody, ParsedContract } from './parse-files.ts';
import { Registry } from './registry.ts';
import { AFOM_QUADRANTS, type AfomInput } from './schemas/afom.ts';
import type { ChapitreInput } from './schemas/chapitre.ts';
import { DEFAULT_LIBELLES, DEFAULT_LICENCE } from './schemas/contrat.ts';
import { allObjectifs, buildTree } from './tree.ts';
import type { Afom, AfomItem, Body, Chapitre, Contract, Fiche, GeoGeometry, Indicateur, Pilier, Quartier, Territoire } from './types.ts';
import type { YamlSource } from './yaml.ts';
import { collectWarnings } from './warnings.ts';

export function resolveContract(parsed: ParsedContract): { contract?: Contract; issues: ContentIssue[] } {
  const issues: ContentIssue[] = [];
  const push = (i: ContentIssue | undefined) => i && issues.push(i);
  const registry = new Registry();
  // A file that failed to parse still names an entity: no cascade of "unknown id" errors.
  // A required file that is missing altogether: its ids are unknown too.
  if (!parsed.contrat) registry.markIncomplete('axe-transversal');
  if (!parsed.territoires) registry.markIncomplete('territoire');
  if (!parsed.orientations) for (const k of ['pilier', 'enjeu', 'axe', 'objectif'] as const) registry.markIncomplete(k);
  for (const { kind, id } of parsed.failed) {
    if (kind === 'quartier') registry.add('quartier', id), registry.add('territoire', id);
    else if (kind === 'indicateur' || kind === 'afom' || kind === 'fiche') registry.add(kind, id);
    if (kind === 'afom') registry.markIncomplete('constat');
    if (kind === 'territoires') registry.markIncomplete('territoire');
    if (kind === 'contrat') registry.markIncomplete('axe-transversal');
    if (kind === 'orientations') for (const k of ['pilier', 'enjeu', 'axe', 'objectif'] as const) registry.markIncomplete(k);
  }

  // Territories, quartiers (territories too), and the other id spaces.
  const territoires: Territoire[] = [];
  const territoireType = new Map<string, Territoire['type']>();
  parsed.territoires?.value.forEach((t, i) => {
    if (territoireType.has(t.id)) {
      push(issueAt(parsed.territoires!.yaml.locate([i, 'id']), `identifiant de territoire en double « ${t.id} »`));
      return;
    }
    territoireType.set(t.id, t.type);
    territoires.push({ id: t.id, nom: t.nom, type: t.type, ...(t.code ? { code: t.code } : {}) });
    registry.add('territoire', t.id);
  });
  for (const q of parsed.quartiers) {
    if (territoireType.has(q.id)) {
      push(issueAt(q.yaml.locate([]), `le quartier « ${q.id} » porte l’identifiant d’un territoire de territoires.yaml`, 'les identifiants sont uniques entre territoires et quartiers : renommez le fichier'));
      continue;
    }
    territoireType.set(q.id, 'quartier');
    registry.add('quartier', q.id);
    registry.add('territoire', q.id);
    territoires.push({ id: q.id, nom: q.value.nom, type: 'quartier', ...(q.value.code ? { code: q.value.code } : {}) });
  }
  for (const ind of parsed.indicateurs) registry.add('indicateur', ind.id);
  for (const a of parsed.afoms) registry.add('afom', a.id);
  for (const f of parsed.fiches) registry.add('fiche', f.id);

  const tree = parsed.orientations ? buildTree(parsed.orientations) : { piliers: [] as Pilier[], issues: [] };
  issues.push(...tree.issues);
  for (const p of tree.piliers) {
    registry.add('pilier', p.id);
    for (const e of p.enjeux) registry.add('enjeu', e.id);
    for (const a of p.axes) {
      registry.add('axe', a.id);
      for (const o of a.objectifs) registry.add('objectif', o.id);
    }
  }

  // AFOM item ids are unique across all matrices: they are what the tree cites.
  const constatOwner = new Map<string, string>();
  for (const a of parsed.afoms) {
    for (const q of AFOM_QUADRANTS) {
      a.value[q].forEach((item, i) => {
        if (typeof item === 'string' || !item.id) return;
        const owner = constatOwner.get(item.id);
        if (owner) push(issueAt(a.yaml.locate([q, i, 'id']), `identifiant de constat en double « ${item.id} » : déjà utilisé dans ${owner}`));
        else {
          constatOwner.set(item.id, a.file);
          registry.add('constat', item.id);
        }
      });
    }
  }

  // contrat.yaml
  const contratEntry = parsed.contrat;
  const axesTransversaux = new Set<string>();
  /** Logo as written → its path under medias/. */
  const logos = new Map<string, string>();
  if (contratEntry) {
    const c = contratEntry.value;
    const y = contratEntry.yaml;
    if (territoireType.has(c.territoire) && territoireType.get(c.territoire) === 'quartier') {
      push(issueAt(y.locate(['territoire']), `« ${c.territoire} » est un quartier, pas le territoire porteur du contrat`, 'indiquez l’EPCI de territoires.yaml'));
    } else push(registry.check(c.territoire, ['territoire'], y.locate(['territoire'])));
    c.axes_transversaux?.forEach((a, i) => {
      if (axesTransversaux.has(a.id)) push(issueAt(y.locate(['axes_transversaux', i, 'id']), `axe transversal en double « ${a.id} »`));
      axesTransversaux.add(a.id);
      registry.add('axe-transversal', a.id);
    });
    c.signataires?.forEach((s, i) => {
      if (s.logo === undefined) return;
      const media = checkMedia(s.logo, parsed, y, ['signataires', i, 'logo']);
      push(media.issue);
      if (media.path) logos.set(s.logo, media.path);
    });
  }
  const periode = contratEntry?.value.periode;

  // Quartiers
  const quartiers: Quartier[] = [];
  for (const q of parsed.quartiers) {
    const v = q.value;
    const communeProblem = registry.check(v.commune, ['territoire'], q.yaml.locate(['commune']), 'commune');
    if (communeProblem) push(communeProblem);
    else if (territoireType.has(v.commune) && territoireType.get(v.commune) !== 'commune') {
      push(issueAt(q.yaml.locate(['commune']), `« ${v.commune} » est de type ${territoireType.get(v.commune)}, pas une commune`));
    }
    if (v.population !== undefined && v.annee_population === undefined) {
      push(issueAt(q.yaml.locate(['population'], 'key'), 'annee_population manquante : l’année de la population est obligatoire avec population', 'ajoutez par exemple « annee_population: 2011 »'));
    }
    let contour: GeoGeometry[] | undefined;
    if (v.contour !== undefined) {
      const media = checkMedia(v.contour, parsed, q.yaml, ['contour']);
      if (media.issue) push(media.issue);
      else if (!/\.(geo)?json$/i.test(media.path!)) {
        push(issueAt(q.yaml.locate(['contour']), `le contour doit être un fichier GeoJSON (.geojson), trouvé « ${v.contour} »`));
      } else {
        const file = parsed.medias.get(media.path!)!;
        const geo = parseGeoJson(file);
        if (geo.ok) contour = geo.geometries;
        else push(issueAt({ file: file.path, line: geo.line, column: geo.column, path: '' }, geo.message, `contour du quartier ${q.file}`));
      }
    }
    quartiers.push({
      id: q.id,
      nom: v.nom,
      ...(v.code ? { code: v.code } : {}),
      commune: v.commune,
      ...(v.population !== undefined ? { population: v.population } : {}),
      ...(v.annee_population !== undefined ? { annee_population: v.annee_population } : {}),
      ...(contour ? { contour } : {}),
      categorie: v.categorie,
      renouvellement_urbain: v.renouvellement_urbain ?? false,
      portrait: toBody(q.body!),
    });
  }

  // Indicateurs
  const indicateurs: Indicateur[] = parsed.indicateurs.map((ind) => {
    const v = ind.value;
    const valeurs: Indicateur['valeurs'] = [];
    const annees = Object.keys(v.valeurs).map(Number).sort((a, b) => a - b);
    const seenTerritoires: string[] = [];
    for (const annee of annees) {
      for (const [territoire, valeur] of Object.entries(v.valeurs[String(annee)]!)) {
        push(registry.check(territoire, ['territoire'], ind.yaml.locate(['valeurs', String(annee), territoire], 'key'), 'territoire'));
        if (!seenTerritoires.includes(territoire)) seenTerritoires.push(territoire);
        valeurs.push({ annee, territoire, valeur });
      }
    }
    if (!valeurs.some((x) => x.valeur !== null)) {
      push(issueAt(ind.yaml.locate(['valeurs'], 'key'), 'aucune valeur chiffrée : au moins une valeur est attendue', 'null signifie « secret statistique » ; un indicateur doit avoir au moins un nombre'));
    }
    return {
      id: ind.id,
      titre: v.titre,
      unite: v.unite,
      ...(v.theme ? { theme: v.theme } : {}),
      source: v.source,
      ...(v.definition ? { definition: v.definition } : {}),
      sens: v.sens ?? 'neutre',
      valeurs,
      annees,
      territoires: seenTerritoires,
    };
  });

  // AFOM matrices
  const citedBy = new Map<string, string[]>();
  for (const p of tree.piliers)
    for (const e of p.enjeux) for (const c of e.constats) citedBy.set(c, [...(citedBy.get(c) ?? []), e.id]);
  const afoms: Afom[] = parsed.afoms.map((a) => resolveAfom(a, registry, citedBy, push));

  // Tree references: constats and evaluation indicators.
  if (parsed.orientations) {
    const y = parsed.orientations.yaml;
    parsed.orientations.value.piliers.forEach((p, pi) => {
      p.enjeux?.forEach((e, ei) => {
        e.constats?.forEach((c, ci) => push(registry.check(c, ['constat'], y.locate(['piliers', pi, 'enjeux', ei, 'constats', ci]))));
        e.axes.forEach((a, ai) => checkObjectifIndicators(a.objectifs, ['piliers', pi, 'enjeux', ei, 'axes', ai]));
      });
      p.axes?.forEach((a, ai) => checkObjectifIndicators(a.objectifs, ['piliers', pi, 'axes', ai]));
    });
    function checkObjectifIndicators(objectifs: { indicateurs?: string[] | undefined }[], path: (string | number)[]) {
      objectifs.forEach((o, oi) =>
        o.indicateurs?.forEach((id, ii) => push(registry.check(id, ['indicateur'], y.locate([...path, 'objectifs', oi, 'indicateurs', ii])))),
      );
    }
  }

  // Declinaisons
  for (const d of parsed.declinaisons) {
    const problem = registry.check(d.id, ['quartier'], { file: d.file, line: 1, column: 1, path: '' });
    if (problem) {
      push({ ...problem, message: `le nom du fichier doit être l’identifiant d’un quartier : ${problem.message}` });
      continue;
    }
    d.value.priorites.forEach((id, i) => push(registry.check(id, ['objectif'], d.yaml.locate(['priorites', i]))));
    // Absent when the quartier's own file failed to parse (its id stays registered): that file's error is already reported.
    const quartier = quartiers.find((q) => q.id === d.id);
    if (quartier) quartier.declinaison = { quartier: d.id, priorites: d.value.priorites, body: toBody(d.body!) };
  }

  // Fiches
  const objectifOrder = new Map(allObjectifs(tree.piliers).map((o, i) => [o.id, i]));
  const objectifPilier = new Map(allObjectifs(tree.piliers).map((o) => [o.id, o.pilier]));
  const fiches: Fiche[] = parsed.fiches.map((f) => {
    const v = f.value;
    const y = f.yaml;
    v.objectifs.forEach((id, i) => push(registry.check(id, ['objectif'], y.locate(['objectifs', i]))));
    if (v.quartiers !== 'tous')
      v.quartiers.forEach((id, i) => {
        const problem = registry.check(id, ['quartier'], y.locate(['quartiers', i]));
        push(problem && id === 'tous' ? { ...problem, hint: 'pour tous les quartiers, écrivez « quartiers: tous », sans crochets' } : problem);
      });
    v.axes_transversaux?.forEach((id, i) =>
      push(registry.check(id, ['axe-transversal'], y.locate(['axes_transversaux', i]), 'axe transversal')),
    );
    v.indicateurs?.forEach((ind, i) => {
      if (ind.indicateur) push(registry.check(ind.indicateur, ['indicateur'], y.locate(['indicateurs', i, 'indicateur'])));
    });
    if (v.budget) {
      const sum = v.budget.financements.reduce((s, x) => s + Math.round(x.montant * 100), 0);
      if (sum !== Math.round(v.budget.total * 100)) {
        push(
          issueAt(
            y.locate(['budget', 'total']),
            `les financements totalisent ${euros(sum / 100)}, le total annoncé est de ${euros(v.budget.total)}`,
            `écart de ${euros(Math.abs(v.budget.total - sum / 100))} : corrigez un montant ou le total`,
          ),
        );
      }
    }
    if (v.calendrier && periode) {
      for (const key of ['debut', 'fin'] as const) {
        const year = v.calendrier[key];
        if (year < periode.debut || year > periode.fin) {
          push(issueAt(y.locate(['calendrier', key]), `année ${year} hors de la période du contrat (${periode.debut}-${periode.fin})`, 'le calendrier d’une fiche s’inscrit dans la période de contrat.yaml'));
        }
      }
    }
    const piliers = tree.piliers.map((p) => p.id).filter((pid) => v.objectifs.some((o) => objectifPilier.get(o) === pid));
    return {
      id: f.id,
      numero: 0,
      titre: v.titre,
      objectifs: v.objectifs,
      piliers,
      quartiers: v.quartiers === 'tous' ? quartiers.map((q) => q.id) : v.quartiers,
      tousQuartiers: v.quartiers === 'tous',
      axes_transversaux: v.axes_transversaux ?? [],
      porteur: v.porteur,
      ...(v.pilote ? { pilote: v.pilote } : {}),
      partenaires: v.partenaires ?? [],
      ...(v.public ? { public: v.public } : {}),
      ...(v.calendrier ? { calendrier: v.calendrier } : {}),
      ...(v.budget ? { budget: v.budget } : {}),
      indicateurs: (v.indicateurs ?? []).map((i) => ({ libelle: i.libelle, ...(i.cible !== undefined ? { cible: i.cible } : {}), ...(i.indicateur ? { indicateur: i.indicateur } : {}) })),
      statut: v.statut,
      body: toBody(f.body!),
    };
  });
  // Fiches are numbered in tree order of their first objectif, ties by id.
  const rank = (f: Fiche) => Math.min(...f.objectifs.map((o) => objectifOrder.get(o) ?? Infinity));
  fiches.sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : 1));
  fiches.forEach((f, i) => (f.numero = i + 1));

  // Chapters, ordered by `ordre` then file name.
  const chapters = (entries: Entry<ChapitreInput>[]): Chapitre[] =>
    entries
      .map((c) => ({ slug: c.id, titre: c.value.titre, ordre: c.value.ordre, body: toBody(c.body!) }))
      .sort((a, b) => a.ordre - b.ordre || (a.slug < b.slug ? -1 : 1));

  // Directives of every body, once every id is known.
  const bodies: ParsedBody[] = [
    ...parsed.quartiers,
    ...parsed.chapitres1,
    ...parsed.chapitres2,
    ...parsed.declinaisons,
    ...parsed.fiches,
  ].flatMap((e) => (e.body ? [e.body] : []));
  const uses: DirectiveUse[] = [];
  const images = new Set<string>();
  const mediaFiles = new Set(parsed.medias.keys());
  for (const body of bodies) {
    const result = checkDirectives(body, registry, mediaFiles);
    issues.push(...result.issues);
    uses.push(...result.uses);
    result.images.forEach((i) => images.add(i));
  }

  issues.push(...collectWarnings(parsed, fiches, tree.piliers, uses));

  if (!contratEntry || !parsed.territoires || !parsed.orientations) return { issues };
  const c = contratEntry.value;
  const contract: Contract = {
    contrat: {
      titre: c.titre,
      ...(c.sous_titre ? { sous_titre: c.sous_titre } : {}),
      territoire: c.territoire,
      periode: c.periode,
      statut: c.statut,
      version: c.version,
      date: c.date,
      maitre_ouvrage: c.maitre_ouvrage,
      redaction: c.redaction ?? [],
      libelles: { ...DEFAULT_LIBELLES, ...definedOnly(c.libelles ?? {}) },
      axes_transversaux: c.axes_transversaux ?? [],
      signataires: (c.signataires ?? []).map((s) => (s.logo ? { ...s, logo: logos.get(s.logo)! } : s)),
      licence: c.licence ?? DEFAULT_LICENCE,
    },
    territoires,
    quartiers,
    indicateurs,
    afoms,
    cahier1: chapters(parsed.chapitres1),
    cahier2: chapters(parsed.chapitres2),
    piliers: tree.piliers,
    fiches,
    medias: [...new Set([...images, ...logos.values()])].sort(),
  };
  return { contract, issues };
}

function resolveAfom(
  a: Entry<AfomInput>,
  registry: Registry,
  citedBy: Map<string, string[]>,
  push: (i: ContentIssue | undefined) => void,
): Afom {
  const v = a.value;
  if (v.pilier) push(registry.check(v.pilier, ['pilier'], a.yaml.locate(['pilier'])));
  if (v.quartier) push(registry.check(v.quartier, ['quartier'], a.yaml.locate(['quartier'])));
  const quadrant = (q: (typeof AFOM_QUADRANTS)[number]): AfomItem[] =>
    v[q].map((item, i) => {
      if (typeof item === 'string') return { texte: item, indicateurs: [], enjeux: [] };
      item.indicateurs?.forEach((id, j) => push(registry.check(id, ['indicateur'], a.yaml.locate([q, i, 'indicateurs', j]))));
      return { texte: item.texte, ...(item.id ? { id: item.id } : {}), indicateurs: item.indicateurs ?? [], enjeux: item.id ? (citedBy.get(item.id) ?? []) : [] };
    });
  return {
    id: a.id,
    titre: v.titre,
    ...(v.pilier ? { pilier: v.pilier } : {}),
    ...(v.quartier ? { quartier: v.quartier } : {}),
    quadrants: { atouts: quadrant('atouts'), faiblesses: quadrant('faiblesses'), opportunites: quadrant('opportunites'), menaces: quadrant('menaces') },
  };
}

/** A media path written in content → its normalised path under medias/, or the located issue. */
function checkMedia(written: string, parsed: ParsedContract, yaml: YamlSource, path: (string | number)[]): { path?: string; issue?: ContentIssue } {
  const normalized = normalizeMediaPath(written);
  if (!normalized.ok) return { issue: issueAt(yaml.locate(path), normalized.message, normalized.hint) };
  if (!parsed.medias.has(normalized.path)) {
    return { issue: issueAt(yaml.locate(path), `fichier introuvable « ${written} »`, 'le chemin est relatif au dossier du contrat et commence par medias/') };
  }
  return { path: normalized.path };
}

function toBody(body: ParsedBody): Body {
  return { file: body.file, root: body.root };
}

function euros(n: number): string {
  return `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }).format(n)} €`;
}

function definedOnly<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}
