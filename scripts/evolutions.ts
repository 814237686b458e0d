/**
 * `npm run evolutions -- REF`: what changed since a signed version, in the
 * terminal. Exit 0, 1 content errors (now or in that version), 2 usage.
 */
import { runEvolutions } from './lib/run-evolutions.ts';

process.exitCode = runEvolutions(process.argv.slice(2), process.env, (line) => process.stdout.write(`${line}\n`), (line) => process.stderr.write(`${line}\n`));
