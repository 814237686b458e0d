/**
 * The site's access to the evolutions since DEPUIS: handed by `npm run
 * build`, which compared the versions before building (a JSON file named
 * by CAHIERS_EVOLUTIONS), or compared here in `npm run dev`. Undefined
 * when DEPUIS is not set: the pages that show them are then not built.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { contentDir } from '../lib/contract.ts';
import type { Contract } from '../lib/model/index.ts';
import { depuisRef, EVOLUTIONS_FILE_ENV, evolutionsSince } from '../lib/evolutions/since.ts';
import type { Evolutions } from '../lib/evolutions/types.ts';
import { getContract } from './contract.ts';

let cached: { contract: Contract; evolutions: Evolutions | undefined } | undefined;

export function getEvolutions(): Evolutions | undefined {
  const contract = getContract();
  if (cached?.contract === contract) return cached.evolutions;
  const handed = process.env[EVOLUTIONS_FILE_ENV];
  const ref = depuisRef(process.env);
  const evolutions = handed
    ? (JSON.parse(readFileSync(handed, 'utf8')) as Evolutions)
    : ref
      ? evolutionsSince(resolve(process.cwd(), contentDir()), ref, contract)
      : undefined;
  cached = { contract, evolutions };
  return evolutions;
}
