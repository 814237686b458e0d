/**
 * Print and site show a fiche as written, with its top-level statut only:
 * the two new statuses have their French labels, and the yearly suivi is
 * not part of the fiche sheet (it belongs to the dashboard and the report).
 */
import { describe, expect, it } from 'vitest';
import { printContext } from '../../../src/lib/print/documents.ts';
import { createContext } from '../../../src/lib/render/context.ts';
import { renderFicheCards, statutBadge } from '../../../src/lib/render/fiche-cards.ts';
import { renderFicheSheet } from '../../../src/lib/render/fiche-sheet.ts';
import { SUIVI_FILES, suiviContract } from '../../helpers/suivi-contract.ts';

describe('the statut of a fiche in the sheet and the cards', () => {
  it('labels the new statuses in French', () => {
    expect(statutBadge('en-retard')).toBe('<p class="statut statut-en-retard"><span class="visually-hidden">Statut : </span>En retard</p>');
    expect(statutBadge('suspendu')).toContain('>Suspendu</p>');
  });

  it('prints the statut (the latest suivi year’s when none is written) and nothing of the yearly suivi', () => {
    const fiche = SUIVI_FILES['cahier-2/fiches/accompagner-jeunes.md'].replace('  2016:\n    avancement: 60', '  2016:\n    statut: suspendu\n    avancement: 60');
    const c = suiviContract({ 'cahier-2/fiches/accompagner-jeunes.md': fiche });
    const f = c.fiches.find((x) => x.id === 'accompagner-jeunes')!;
    for (const ctx of [printContext(c, 2, '/'), createContext(c, { base: '/' })]) {
      const sheet = renderFicheSheet(f, ctx);
      expect(sheet).toContain('statut-suspendu');
      expect(sheet).toContain('>Suspendu</p>');
      for (const yearly of ['DOS-1', 'Démarrage', '250,5', '250.5', '100,25', 'vancement']) expect(sheet).not.toContain(yearly);
    }
    expect(renderFicheCards([f], createContext(c, { base: '/' }))).toContain('>Suspendu</p>');
  });
});
