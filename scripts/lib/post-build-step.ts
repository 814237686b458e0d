/**
 * One finishing step of the built site, run in a process of its own by
 * `postBuildStep` (build-steps.ts): parsing every page grows Node's heap,
 * which Node keeps, and the build process goes on to drive Chromium; apart,
 * the two never add up. Prints how many pages the step handled.
 */
import { indexSite, typesetSite } from './post-build.ts';

const [step, dir] = process.argv.slice(2);
if (!dir || (step !== 'typeset' && step !== 'index')) throw new Error('usage : post-build-step.ts typeset|index DOSSIER');
const count = step === 'typeset' ? typesetSite(dir) : await indexSite(dir);
process.stdout.write(String(count));
