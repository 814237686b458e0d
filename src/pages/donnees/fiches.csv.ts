import type { APIRoute } from 'astro';
import { getContract } from '../../data/contract.ts';
import { FICHE_COLUMNS, fichesRows, toCsv } from '../../lib/open-data.ts';

export const GET: APIRoute = () => new Response(toCsv(FICHE_COLUMNS, fichesRows(getContract())), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
