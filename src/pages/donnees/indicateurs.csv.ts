import type { APIRoute } from 'astro';
import { getContract } from '../../data/contract.ts';
import { INDICATEUR_COLUMNS, indicateursRows, toCsv } from '../../lib/open-data.ts';

export const GET: APIRoute = () => new Response(toCsv(INDICATEUR_COLUMNS, indicateursRows(getContract())), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
