import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { printFailure } from '../../../scripts/lib/print-pages.ts';
import { chromiumBusy, STALL, StallError, stallLimit, watched } from '../../../scripts/lib/stall.ts';
import { progressText } from '../../../scripts/lib/status-line.ts';

const idle = () => false;

describe('watched: a step fails only when it stops making progress', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('lets a step that keeps making progress run far past its limit', async () => {
    let result: string | undefined;
    void watched('La mise en page', 1000, async (progress) => {
      for (let i = 0; i < 20; i++) {
        await new Promise((r) => setTimeout(r, 900));
        progress();
      }
      return 'fait';
    }, idle).then((r) => (result = r));
    await vi.advanceTimersByTimeAsync(20 * 900);
    expect(result).toBe('fait');
  });

  it('fails with a French message once no progress was seen for the limit', async () => {
    const step = watched(
      'Cahier I : la mise en page (partie 3)',
      180_000,
      (progress) => {
        progress();
        return new Promise<never>(() => {});
      },
      idle,
    );
    const failed = expect(step).rejects.toThrow(new StallError('Cahier I : la mise en page (partie 3) n’avance plus depuis 3 min'));
    await vi.advanceTimersByTimeAsync(180_000);
    await failed;
  });

  it('lets a step without progress of its own run while the browser works', async () => {
    let done = false;
    const step = watched('L’impression', 60_000, () => new Promise<string>((r) => setTimeout(() => r('imprimé'), 10 * 60_000)), () => true).then((r) => (done = r === 'imprimé'));
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    await step;
    expect(done).toBe(true);
  });

  it('gives its step’s own failure, not a stall', async () => {
    await expect(watched('Le chargement', 1000, () => Promise.reject(new Error('page d’impression introuvable')))).rejects.toThrow('page d’impression introuvable');
  });
});

describe('chromiumBusy', () => {
  it('is busy when the CPU time of the browser grew since the last look', () => {
    const times = [10, 10, 12, 12];
    const busy = chromiumBusy(() => times.shift());
    expect([busy(), busy(), busy()]).toEqual([false, true, false]);
    expect(chromiumBusy(() => undefined)()).toBe(false);
  });
});

describe('stall limits grow with the document', () => {
  it('adds a margin per megabyte of HTML and per page printed', () => {
    expect(stallLimit(0)).toBe(STALL.baseMs);
    expect(stallLimit(25e6)).toBe(STALL.baseMs + 25 * STALL.perMbMs);
    expect(stallLimit(0, 2000)).toBe(STALL.baseMs + 2000 * STALL.perPageMs);
  });
});

describe('what the terminal and the build say', () => {
  it('shows pages laid out, the estimated total once known, then the printing', () => {
    expect(progressText('Cahier I', { pages: 1 })).toBe('Cahier I : 1 page');
    expect(progressText('Cahier I', { pages: 12 })).toBe('Cahier I : 12 pages');
    expect(progressText('Cahier I', { pages: 240, estimate: 1584 })).toBe('Cahier I : 240 / ≈ 1\u202f584 pages');
    expect(progressText('Cahier II', { pages: 240, estimate: 1076, printing: true })).toBe('Cahier II : impression, 240 / 1\u202f076 pages');
  });

  it('puts a failure of Chromium in one French line', () => {
    expect(printFailure(new StallError('Cahier I : l’impression n’avance plus depuis 5 min'))).toBe('Cahier I : l’impression n’avance plus depuis 5 min : Chromium semble bloqué.');
    expect(printFailure(new Error('page.goto: Target crashed\nCall log:\n  - navigating to "http://127.0.0.1/imprimer/cahier-1/"'))).toBe('Chromium s’est arrêté en cours de route (mémoire insuffisante ?).');
    expect(printFailure(new Error('page.pdf: Target page, context or browser has been closed\nCall log:'))).toBe('Chromium s’est fermé en cours de route.');
    expect(printFailure(new Error('renvoi sans cible dans le document imprimé : #x'))).toBe('renvoi sans cible dans le document imprimé : #x.');
  });
});
