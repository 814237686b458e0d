/**
 * Synthetic contracts of growing size for `npm run bench`: valid (no error,
 * no warning), with every kind of file, directive and figure, so that the
 * timings measure real work. Text is generated from a fixed seed.
 */
export interface BenchSize {
  name: string;
  quartiers: number;
  fiches: number;
  indicateurs: number;
}

export const BENCH_SIZES: BenchSize[] = [
  { name: 'S', quartiers: 5, fiches: 30, indicateurs: 12 },
  { name: 'M', quartiers: 20, fiches: 120, indicateurs: 50 },
  { name: 'L', quartiers: 80, fiches: 480, indicateurs: 200 },
];

const WORDS = 'accompagner quartier habitants emploi jeunesse réussite éducative logement cadre vie santé accès droits insertion formation mobilité commerce sécurité tranquillité participation citoyenneté culture sport parentalité numérique'.split(' ');

function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** path → text of a whole contract of the given size. */
export function generateContract(size: BenchSize, seed = 1): Map<string, string> {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const phrase = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const sentence = () => `${phrase(12).replace(/^./, (c) => c.toUpperCase())}.`;
  const paragraph = (n = 5) => Array.from({ length: n }, sentence).join(' ');
  const files = new Map<string, string>();
  const communes = Math.max(2, Math.ceil(size.quartiers / 5));
  const piliers = 4;
  const objectifsPerPilier = Math.max(3, Math.round(size.fiches / 8 / piliers) * 2);

  files.set('contrat.yaml', `titre: Contrat de ville de banc d’essai ${size.name}\nterritoire: epci\nperiode:\n  debut: 2024\n  fin: 2030\nstatut: projet\nversion: "1.0"\ndate: 2024-06-01\nmaitre_ouvrage: Agglomération de banc d’essai\naxes_transversaux:\n  - id: jeunesse\n    titre: Jeunesse\nsignataires:\n${Array.from({ length: 6 }, (_, i) => `  - nom: Signataire ${i + 1}\n    representant: Représentant ${i + 1}\n`).join('')}`);
  files.set('territoires.yaml', [`- id: pays\n  nom: France\n  type: pays\n- id: epci\n  nom: Agglomération\n  type: epci\n`, ...Array.from({ length: communes }, (_, i) => `- id: commune-${i + 1}\n  nom: Commune ${i + 1}\n  type: commune\n  code: "99${String(i + 1).padStart(3, '0')}"\n`)].join(''));

  for (let q = 1; q <= size.quartiers; q++) {
    const x = 2 + (q % 10) * 0.02;
    const y = 46 + Math.floor(q / 10) * 0.02;
    const ring = [[x, y], [x + 0.012, y], [x + 0.012, y + 0.009], [x, y + 0.009], [x, y]];
    files.set(`medias/q-${q}.geojson`, JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring.reverse()] } }));
    files.set(`quartiers/q-${q}.md`, `---\nnom: Quartier ${q}\ncode: QN099${String(q).padStart(3, '0')}\ncommune: commune-${1 + (q % communes)}\npopulation: ${1000 + Math.floor(r() * 9000)}\nannee_population: 2020\ncontour: medias/q-${q}.geojson\n---\n## Portrait\n\n${paragraph()}\n\n::carte{quartier=q-${q}}\n\n${paragraph()}\n`);
  }

  // As heavy as a real contract's: every indicator has a value for every
  // quartier, every commune that holds one, the EPCI and France, over
  // several years (an Insee extract imported as it comes).
  const quartierIds = Array.from({ length: size.quartiers }, (_, k) => `q-${k + 1}`);
  const communeIds = [...new Set(quartierIds.map((_, k) => `commune-${1 + ((k + 1) % communes)}`))].sort();
  const territories = [...quartierIds, ...communeIds, 'epci', 'pays'];
  for (let i = 1; i <= size.indicateurs; i++) {
    const years = i % 3 === 0 ? [2016, 2018, 2020, 2022] : [2018, 2020, 2022];
    const valeurs = years.map((y) => `  ${y}:\n${territories.map((t) => `    ${t}: ${r() < 0.05 ? 'null' : (10 + r() * 60).toFixed(1)}\n`).join('')}`).join('');
    files.set(`cahier-1/indicateurs/ind-${i}.yaml`, `titre: Indicateur ${i} ${phrase(2)}\nunite: "%"\ntheme: p-${1 + (i % piliers)}\nsource: Banc d’essai (valeurs illustratives)\ndefinition: ${sentence()}\nvaleurs:\n${valeurs}`);
  }

  const constats: string[][] = [];
  for (let p = 1; p <= piliers; p++) {
    const items = Array.from({ length: 4 }, (_, k) => `c-${p}-${k + 1}`);
    constats.push(items);
    files.set(`cahier-1/afom/afom-${p}.yaml`, `titre: Matrice du pilier ${p}\npilier: p-${p}\natouts:\n  - ${sentence()}\nfaiblesses:\n${items.map((id, k) => `  - texte: ${sentence()}\n    id: ${id}\n    indicateurs: [ind-${1 + ((p + k) % size.indicateurs)}]\n`).join('')}opportunites:\n  - ${sentence()}\nmenaces: []\n`);
  }

  const objectifs: string[] = [];
  const tree = Array.from({ length: piliers }, (_, pi) => {
    const p = pi + 1;
    const enjeux = Array.from({ length: 2 }, (_, ei) => {
      const axes = Array.from({ length: 2 }, (_, ai) => {
        const n = Math.max(1, Math.round(objectifsPerPilier / 4));
        const objs = Array.from({ length: n }, (_, oi) => {
          const id = `o-${p}-${ei + 1}-${ai + 1}-${oi + 1}`;
          objectifs.push(id);
          return `              - id: ${id}\n                titre: ${phrase(6)}\n`;
        });
        return `          - id: a-${p}-${ei + 1}-${ai + 1}\n            titre: ${phrase(5)}\n            objectifs:\n${objs.join('')}`;
      });
      return `      - id: e-${p}-${ei + 1}\n        titre: ${phrase(6)}\n        constats: [${constats[pi]!.slice(ei * 2, ei * 2 + 2).join(', ')}]\n        axes:\n${axes.join('')}`;
    });
    return `  - id: p-${p}\n    titre: Pilier ${p} ${phrase(2)}\n    enjeux:\n${enjeux.join('')}`;
  });
  files.set('cahier-2/orientations.yaml', `piliers:\n${tree.join('')}`);

  for (let c = 1; c <= piliers; c++) {
    const shown = Array.from({ length: size.indicateurs }, (_, i) => i + 1).filter((i) => i % piliers === c - 1);
    files.set(`cahier-1/chapitres/pilier-${c}.md`, `---\ntitre: Analyse du pilier ${c}\nordre: ${c}\n---\n${paragraph()}\n\n${shown.map((i) => `::indicateur{id=ind-${i}}\n\n${paragraph(3)}\n`).join('\n')}\n::afom{id=afom-${c}}\n`);
    files.set(`cahier-2/chapitres/pilier-${c}.md`, `---\ntitre: Stratégie du pilier ${c}\nordre: ${c}\n---\n${paragraph()}\n\n::arbre{pilier=p-${c}}\n\n::fiches{pilier=p-${c}}\n`);
  }

  for (let f = 1; f <= size.fiches; f++) {
    const objectif = objectifs[(f - 1) % objectifs.length]!;
    const q = `q-${1 + ((f - 1) % size.quartiers)}`;
    const total = 1000 * (1 + Math.floor(r() * 90));
    files.set(`cahier-2/fiches/f-${f}.md`, `---\ntitre: Action ${f} ${phrase(4)}\nobjectifs: [${objectif}]\nquartiers: [${q}]\naxes_transversaux: [jeunesse]\nporteur: Porteur ${1 + (f % 17)}\npartenaires: [Partenaire A, Partenaire B]\npublic: ${phrase(4)}\ncalendrier:\n  debut: 2024\n  fin: 2027\nbudget:\n  total: ${total}\n  financements:\n    - financeur: État\n      montant: ${total / 2}\n    - financeur: Agglomération\n      montant: ${total / 2}\nindicateurs:\n  - libelle: ${phrase(3)}\n    cible: 50\n    indicateur: ind-${1 + (f % size.indicateurs)}\nstatut: en-cours\n---\n## Contexte\n\n${paragraph(6)}\n\n## Description\n\n${paragraph(8)}\n\n## Résultats attendus\n\n${paragraph(4)}\n`);
  }
  for (let q = 1; q <= size.quartiers; q++) {
    files.set(`cahier-2/quartiers/q-${q}.md`, `---\npriorites: [${objectifs[q % objectifs.length]}]\n---\n${paragraph()}\n\n::fiches{quartier=q-${q}}\n`);
  }
  return files;
}
