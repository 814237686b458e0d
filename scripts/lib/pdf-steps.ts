/**
 * `npm run pdf` and the last step of `npm run build`: the two cahiers and
 * the bound contract, from a built site in dist/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Contract } from '../../src/lib/model/index.ts';
import { printFiles } from '../../src/lib/print/documents.ts';
import { fr } from '../../src/i18n/fr.ts';
import { serveDir } from './serve.ts';
import { launchBrowser } from './browser.ts';
import { bindPdfs, finishPdf, type PdfMeta } from './pdf-finish.ts';
import { renderPrintPage } from './pdf-render.ts';

export interface PdfReport {
  file: string;
  pages: number;
  seconds: number;
}

export async function buildPdfs(dist: string, contract: Contract, base: string, log: (line: string) => void): Promise<PdfReport[]> {
  const server = await serveDir(dist, base, { cache: true });
  const browser = await launchBrowser();
  try {
    const { contrat } = contract;
    const meta = (subject: string): PdfMeta => ({
      title: `${contrat.titre} — ${subject}`,
      author: [contrat.maitre_ouvrage, ...contrat.redaction].join(', '),
      subject,
      keywords: ['contrat de ville', 'politique de la ville', contrat.sous_titre ?? ''].filter(Boolean),
      date: contrat.date,
    });
    mkdirSync(join(dist, 'pdf'), { recursive: true });
    const reports: PdfReport[] = [];
    const parts: { title: string; bytes: Uint8Array }[] = [];
    for (const n of [1, 2] as const) {
      const subject = n === 1 ? `${fr.cahier1} — ${fr.cahier1Titre}` : `${fr.cahier2} — ${fr.cahier2Titre}`;
      const rendered = await renderPrintPage(browser, `${server.url}/imprimer/cahier-${n}/`);
      const bytes = await finishPdf(rendered.pdf, meta(subject), rendered.landscape);
      writeFileSync(join(dist, 'pdf', printFiles[n]), bytes);
      parts.push({ title: subject, bytes });
      reports.push({ file: printFiles[n], pages: rendered.pages, seconds: rendered.seconds });
      log(`${subject} : ${rendered.pages} pages en ${rendered.seconds.toFixed(1).replace('.', ',')} s`);
    }
    const bound = await bindPdfs(parts, meta('Cahiers I et II'));
    writeFileSync(join(dist, 'pdf', printFiles.both), bound);
    log(`Contrat complet : ${printFiles.both}`);
    return reports;
  } finally {
    await browser.close();
    await server.close();
  }
}
