/**
 * `npm run pdf`: remakes dist/pdf/ from an existing build of the site.
 */
import { existsSync } from 'node:fs';
import { runPdf } from './lib/build-steps.ts';

if (!existsSync('dist/imprimer')) {
  process.stderr.write('Aucun site construit dans dist/ : lancez d’abord npm run build.\n');
  process.exitCode = 2;
} else {
  process.exitCode = await runPdf(process.env, 'dist');
}
