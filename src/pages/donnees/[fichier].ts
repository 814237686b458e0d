import type { APIRoute, GetStaticPaths } from 'astro';
import { getContract } from '../../data/contract.ts';
import { openDataFile, openDataFiles } from '../../lib/open-data-files.ts';

export const getStaticPaths: GetStaticPaths = () => openDataFiles().map((fichier) => ({ params: { fichier } }));

export const GET: APIRoute = async ({ params }) => {
  const { body, type } = await openDataFile(getContract(), params.fichier!);
  return new Response(body, { headers: { 'content-type': type } });
};
