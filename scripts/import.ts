/**
 * `npm run import -- FICHIER [options]`: imports indicator values from a CSV
 * or XLSX file into the contract in CONTENT_DIR (default content/). Exit 0
 * imported, 1 errors in the file or the contract, 2 usage error.
 */
import { runImport } from './lib/run-import.ts';

process.exitCode = await runImport(process.argv.slice(2), process.env, (line) => process.stdout.write(`${line}\n`), (line) => process.stderr.write(`${line}\n`));
