/**
 * The causal trees as SVG files, shown as images on the site: the whole
 * contract (`arbre-contrat.svg`) and one per pilier (`arbre-pilier-<id>.svg`).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getContract } from '../../data/contract.ts';
import { getRenderContext } from '../../data/render.ts';
import { arbreSvgDocument } from '../../lib/render/tree.ts';

export const getStaticPaths: GetStaticPaths = () => [
  { params: { key: 'arbre-contrat' }, props: { pilier: undefined } },
  ...getContract().piliers.map((p) => ({ params: { key: `arbre-pilier-${p.id}` }, props: { pilier: p.id } })),
];

export const GET: APIRoute = ({ props }) => {
  const ctx = getRenderContext();
  const piliers = props.pilier ? ctx.contract.piliers.filter((p) => p.id === props.pilier) : ctx.contract.piliers;
  return new Response(arbreSvgDocument(piliers, ctx), { headers: { 'content-type': 'image/svg+xml' } });
};
