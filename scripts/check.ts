/**
 * `npm run check`: validates the contract in CONTENT_DIR (default content/)
 * and prints every issue. Exit 0 clean or warnings only, 1 content errors,
 * 2 usage error.
 *
 * It must answer within a second, process start included: Node runs it by
 * stripping its types (no loader), it imports the model only (no renderer,
 * Astro or browser code), and Node keeps the compiled code of the modules
 * it loads (about 450 files) between runs, in node_modules/.cache/.
 */
import { enableCompileCache } from 'node:module';

enableCompileCache(new URL('../node_modules/.cache/cahiers/node-compile/', import.meta.url).pathname);
// Imported once the cache is on: a static import would be loaded before.
const { runCheck } = await import('./lib/run-check.ts');

process.exitCode = runCheck(process.argv.slice(2), process.env, (line) => process.stdout.write(`${line}\n`), (line) => process.stderr.write(`${line}\n`));
