/**
 * `npm run new -- KIND ID` (fiche, quartier, indicateur, afom, chapitre)
 * and `npm run new -- contrat DIR`. Never overwrites.
 */
import { runNew } from './lib/run-new.ts';

process.exitCode = runNew(process.argv.slice(2), process.env, (l) => process.stdout.write(`${l}\n`), (l) => process.stderr.write(`${l}\n`));
