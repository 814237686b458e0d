/**
 * The render context of the site build: the contract, the base path.
 */
import { createContext, type RenderContext } from '../lib/render/context.ts';
import { getContract } from './contract.ts';

let cached: RenderContext | undefined;

export function getRenderContext(): RenderContext {
  const contract = getContract();
  if (cached?.contract !== contract) cached = createContext(contract, { base: import.meta.env.BASE_URL });
  return cached;
}

/** A site path with the base path. */
export function url(path: string): string {
  return getRenderContext().url(path);
}
