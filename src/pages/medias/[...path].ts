/**
 * The files of the contract's medias/ folder the site shows (signataires'
 * logos, images of the texts), copied as they are; the model has already
 * refused paths that leave the folder.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getContract } from '../../data/contract.ts';
import { notFound } from '../../data/route-entity.ts';
import { contentDir } from '../../lib/contract.ts';

export const getStaticPaths: GetStaticPaths = () =>
  getContract().medias.map((logo) => ({ params: { path: logo.replace(/^medias\//, '') } }));

const TYPES: Record<string, string> = { svg: 'image/svg+xml', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp', gif: 'image/gif' };

export const GET: APIRoute = ({ params }) => {
  // Only a file the contract lists: the model has checked its path.
  const logo = `medias/${params.path}`;
  if (!getContract().medias.includes(logo)) return notFound();
  const bytes = readFileSync(join(resolve(process.cwd(), contentDir()), logo));
  return new Response(bytes, { headers: { 'content-type': TYPES[logo.split('.').pop()!.toLowerCase()] ?? 'application/octet-stream' } });
};
