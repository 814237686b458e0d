/**
 * `npm run check`: validates the contract in CONTENT_DIR (default content/)
 * and prints every issue. Exit 0 clean or warnings only, 1 content errors,
 * 2 usage error.
 */
import { runCheck } from './lib/run-check.ts';

process.exitCode = runCheck(process.argv.slice(2), process.env, (line) => process.stdout.write(`${line}\n`), (line) => process.stderr.write(`${line}\n`));
