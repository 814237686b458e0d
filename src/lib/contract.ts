/**
 * Binds the pure model to a folder on disk: `loadContract(dir)` is what the
 * scripts and the Astro pages call. `npm run build` hands the model it built
 * to its Astro child as a JSON file (CAHIERS_MODEL), so a build parses the
 * contract once; the model is plain data, so the file is the model.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { readContentFiles } from './content-files.ts';
import { buildContract, type Contract, type ModelResult, type ParseCache } from './model/index.ts';

export const MODEL_FILE_ENV = 'CAHIERS_MODEL';

export function contentDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.CONTENT_DIR && env.CONTENT_DIR.trim() !== '' ? env.CONTENT_DIR : 'content';
}

/** `cache`: what the files gave last time (the live preview), see ParseCache. */
export function loadContract(dir: string, env: NodeJS.ProcessEnv = process.env, cache?: ParseCache): ModelResult {
  const handed = env[MODEL_FILE_ENV];
  if (handed) return { contract: JSON.parse(readFileSync(handed, 'utf8')) as Contract, issues: [] };
  return buildContract(readContentFiles(dir), cache);
}

export function writeModelFile(contract: Contract, path: string): string {
  return writeJson(contract, path);
}

/** Plain data handed to the Astro child as a file; returns the path. */
export function writeJson(data: unknown, path: string): string {
  writeFileSync(path, JSON.stringify(data));
  return path;
}
