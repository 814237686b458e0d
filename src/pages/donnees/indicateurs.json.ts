import type { APIRoute } from 'astro';
import { getContract } from '../../data/contract.ts';
import { indicateursJson } from '../../lib/open-data.ts';

export const GET: APIRoute = () => new Response(indicateursJson(getContract()), { headers: { 'content-type': 'application/json; charset=utf-8' } });
