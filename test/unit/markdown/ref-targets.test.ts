import type { TextDirective } from 'mdast-util-directive';
import { describe, expect, it } from 'vitest';
import { remarkRefLabels } from '../../../src/lib/markdown/ref-labels.ts';
import { remarkRefTargets } from '../../../src/lib/markdown/ref-targets.ts';
import type { RefTarget } from '../../../src/lib/model/types.ts';
import { phrasing, run } from '../../helpers/markdown.ts';

const KNOWN: Record<string, RefTarget> = { 'fiche:permis': { kind: 'fiche', id: 'permis' }, emploi: { kind: 'objectif', id: 'emploi' } };

describe('remarkRefTargets', () => {
  it('stores what each :ref points to as data.target, typed', () => {
    const labels: string[] = [];
    const tree = run('Voir :ref[fiche:permis] et :ref[emploi].', remarkRefLabels, [
      remarkRefTargets,
      { target: (label: string) => (labels.push(label), KNOWN[label]) },
    ]);
    expect(labels).toEqual(['fiche:permis', 'emploi']);
    const refs = phrasing(tree).filter((n): n is TextDirective => (n as TextDirective).type === 'textDirective');
    const targets: (RefTarget | undefined)[] = refs.map((r) => r.data?.target);
    expect(targets).toEqual([KNOWN['fiche:permis'], KNOWN.emploi]);
  });

  it('leaves a :ref that points nowhere without data', () => {
    const [, ref] = phrasing(run('Voir :ref[inconnu]', remarkRefLabels, [remarkRefTargets, { target: () => undefined }]));
    expect(ref).not.toHaveProperty('data');
  });

  it('gives the resolver the node, to locate what it reports', () => {
    const lines: (number | undefined)[] = [];
    run('a\n\nb :ref[x]', remarkRefLabels, [remarkRefTargets, { target: (_: string, node: TextDirective) => (lines.push(node.position?.start.line), undefined) }]);
    expect(lines).toEqual([3]);
  });

  it('touches no other directive', () => {
    const [ref] = phrasing(run(':abbr[emploi]', [remarkRefTargets, { target: () => KNOWN.emploi }]));
    expect(ref).not.toHaveProperty('data');
  });
});
