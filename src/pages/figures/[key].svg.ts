/**
 * The causal trees as SVG files, shown as images on the site: the whole
 * contract (`arbre-contrat.svg`) and one per pilier (`arbre-pilier-<id>.svg`).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getContract } from '../../data/contract.ts';
import { getRenderContext } from '../../data/render.ts';
import { notFound } from '../../data/route-entity.ts';
import { arbreSvgDocument } from '../../lib/render/tree.ts';

const CONTRAT = 'arbre-contrat';
const PILIER = 'arbre-pilier-';

export const getStaticPaths: GetStaticPaths = () => [
  { params: { key: CONTRAT } },
  ...getContract().piliers.map((p) => ({ params: { key: `${PILIER}${p.id}` } })),
];

export const GET: APIRoute = ({ params }) => {
  const ctx = getRenderContext();
  const piliers = params.key === CONTRAT ? ctx.contract.piliers : ctx.contract.piliers.filter((p) => `${PILIER}${p.id}` === params.key);
  if (!piliers.length) return notFound();
  return new Response(arbreSvgDocument(piliers, ctx), { headers: { 'content-type': 'image/svg+xml' } });
};
