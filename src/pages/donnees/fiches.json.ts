import type { APIRoute } from 'astro';
import { getContract } from '../../data/contract.ts';
import { fichesJson } from '../../lib/open-data.ts';

export const GET: APIRoute = () => new Response(fichesJson(getContract()), { headers: { 'content-type': 'application/json; charset=utf-8' } });
