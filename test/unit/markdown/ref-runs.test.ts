import type { TextDirective } from 'mdast-util-directive';
import { describe, expect, it } from 'vitest';
import { remarkRefLabels } from '../../../src/lib/markdown/ref-labels.ts';
import { nameElsewhereOnce } from '../../../src/lib/markdown/ref-runs.ts';
import { remarkRefTargets } from '../../../src/lib/markdown/ref-targets.ts';
import type { RefTarget } from '../../../src/lib/model/types.ts';
import { phrasing, run } from '../../helpers/markdown.ts';

/** Indicators are in the other cahier; objectifs in this one. */
const target = (label: string): RefTarget => (label.startsWith('i') ? { kind: 'indicateur', id: label } : { kind: 'objectif', id: label });
const elsewhere = (t: RefTarget) => t.kind === 'indicateur';

/** For each :ref of `text`, its label and whether a later one names the other cahier for it. */
function said(text: string): [string, boolean][] {
  const tree = run(text, remarkRefLabels, [remarkRefTargets, { target }]);
  nameElsewhereOnce(tree, elsewhere);
  return phrasing(tree)
    .filter((n): n is TextDirective => (n as TextDirective).type === 'textDirective')
    .map((r) => [r.data!.target!.id, r.data?.elsewhereSaid ?? false]);
}

describe('nameElsewhereOnce', () => {
  it('leaves the other cahier to the last of a list « A, B et C »', () => {
    expect(said('Trois indicateurs : :ref[i1], :ref[i2] et :ref[i3].')).toEqual([
      ['i1', true],
      ['i2', true],
      ['i3', false],
    ]);
    expect(said(':ref[i1] ou :ref[i2]')).toEqual([
      ['i1', true],
      ['i2', false],
    ]);
  });

  it('names it after each reference that is not listed with the next', () => {
    expect(said('Voir :ref[i1] ; puis :ref[i2].')).toEqual([
      ['i1', false],
      ['i2', false],
    ]);
    expect(said(':ref[i1] (et :ref[i2])')).toEqual([
      ['i1', false],
      ['i2', false],
    ]);
  });

  it('breaks a list at a reference this cahier holds', () => {
    expect(said(':ref[i1], :ref[o1] et :ref[i2], :ref[i3]')).toEqual([
      ['i1', false],
      ['o1', false],
      ['i2', true],
      ['i3', false],
    ]);
  });
});
