/**
 * `npm run build`: checks the contract and stops on errors before writing
 * anything; then builds the site into a temporary folder and swaps it with
 * dist/ (or DIST_DIR), so a failed build leaves the previous dist/ as it was.
 */
import { buildAll } from './lib/build-steps.ts';

process.exitCode = await buildAll(process.env, process.env.DIST_DIR || 'dist');
