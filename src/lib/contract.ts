/**
 * Binds the pure model to a folder on disk: `loadContract(dir)` is what the
 * scripts and the Astro pages call.
 */
import { readContentFiles } from './content-files.ts';
import { buildContract, type ModelResult } from './model/index.ts';

export function contentDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.CONTENT_DIR && env.CONTENT_DIR.trim() !== '' ? env.CONTENT_DIR : 'content';
}

export function loadContract(dir: string): ModelResult {
  return buildContract(readContentFiles(dir));
}
