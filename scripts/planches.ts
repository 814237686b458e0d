/**
 * `npm run planches [-- DOSSIER]`: contact sheets of every PDF of dist/pdf/,
 * to review a whole cahier at once (scripts/lib/planches.ts).
 */
import { runPlanches } from './lib/planches.ts';

const print = (stream: NodeJS.WriteStream) => (line: string) => stream.write(`${line}\n`);
process.exitCode = await runPlanches(process.argv.slice(2), process.env, print(process.stdout), print(process.stderr));
