/**
 * The annual report's queries: the order of its parts and chapters, and
 * who was consulted with what answer, the décret's tacit rule included.
 */
import { describe, expect, it } from 'vitest';
import { buildContract, type Contract } from '../../../src/lib/model/index.ts';
import { consultationRows, rapportParts, tacitApplies } from '../../../src/lib/queries/index.ts';
import { fixtureFiles, textFile, withFiles } from '../../helpers/fixtures.ts';

const avis = `---\ninstance: Conseil municipal de Ville test\ntype: conseil-municipal\ncommune: ville\ndate: 2017-02-20\nsens: reserve\n---\nAvis.\n`;
const chapitre = (titre: string, ordre: number) => `---\ntitre: ${titre}\nordre: ${ordre}\n---\nTexte.\n`;

function contract(rapport: string): Contract {
  const result = buildContract(
    withFiles(
      fixtureFiles('minimal'),
      textFile('rapports/2016/rapport.yaml', rapport),
      textFile('rapports/2016/avis/ville.md', avis),
      textFile('rapports/2016/chapitres/a.md', chapitre('Ouverture', 1)),
      textFile('rapports/2016/chapitres/b.md', chapitre('Entre moyens et engagements', 45)),
      textFile('rapports/2016/chapitres/c.md', chapitre('Après les avis', 60)),
    ),
  );
  expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return result.contract!;
}

const ADOPTED_LATE = 'annee: 2016\netat: adopte\nconsultation: {debut: 2017-02-01}\ndeliberation: {instance: Conseil communautaire, date: 2017-03-01}\n';

describe('rapportParts', () => {
  it('places the chapters by ordre among the fixed ranks, after a part of the same rank', () => {
    const [r] = contract(ADOPTED_LATE).rapports;
    const names = rapportParts(r!).map((p) => ('partie' in p ? p.partie : p.chapitre.slug));
    expect(names).toEqual(['a', 'orientations', 'quartiers', 'actions', 'moyens', 'b', 'engagements', 'avis', 'c', 'deliberation']);
  });
});

describe('consultationRows', () => {
  it('deems favourable a silent body once adopted on or after the consultation’s end', () => {
    const c = contract(ADOPTED_LATE);
    expect(tacitApplies(c.rapports[0]!)).toBe(true);
    expect(consultationRows(c, c.rapports[0]!).map((r) => [r.instance, r.statut])).toEqual([
      ['Conseil citoyen de Centre', 'tacite'],
      ['Conseil municipal de Ville test', 'avis'],
    ]);
  });

  it('does not, adopted before that end, nor while the consultation runs', () => {
    const early = contract('annee: 2016\netat: adopte\nconsultation: {debut: 2017-02-01}\ndeliberation: {instance: Conseil communautaire, date: 2017-02-28}\n');
    expect(consultationRows(early, early.rapports[0]!)[0]!.statut).toBe('sans-avis');
    const running = contract('annee: 2016\netat: consultation\nconsultation: {debut: 2017-02-01}\n');
    expect(consultationRows(running, running.rapports[0]!)[0]!.statut).toBe('attendu');
  });
});
