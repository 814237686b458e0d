export {};

/**
 * Search with Pagefind's JavaScript API and our own small result list
 * (lighter than Pagefind's UI, and styled like the rest of the site). The
 * results come a batch at a time; « Plus de résultats » lists the next ones
 * until every result counted is listed.
 */
import { nextBatch, SEARCH_LABELS, searchStatus } from '../lib/site/search-status.ts';

interface PagefindResult {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
type Found = { data(): Promise<PagefindResult> }[];
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  search(q: string): Promise<{ results: Found }>;
}

const form = document.querySelector<HTMLFormElement>('#recherche');
const input = document.querySelector<HTMLInputElement>('#recherche-q');
const status = document.querySelector<HTMLElement>('#recherche-etat');
const list = document.querySelector<HTMLOListElement>('#recherche-resultats');
const more = document.querySelector<HTMLButtonElement>('#recherche-plus');

let pagefind: Promise<Pagefind> | undefined;
const load = () => {
  const base = form!.dataset.pagefind!;
  pagefind ??= import(/* @vite-ignore */ `${base}pagefind.js`).then(async (m: Pagefind) => {
    await m.options({ baseUrl: base.replace(/pagefind\/$/, '') });
    return m;
  });
  return pagefind;
};

/** The search being shown: a later search makes an earlier one's late answers void. */
let current: { query: string; found: Found } | undefined;

async function run(q: string): Promise<void> {
  if (!list || !status || !more) return;
  list.replaceChildren();
  more.hidden = true;
  current = undefined;
  if (q.trim() === '') {
    status.textContent = '';
    return;
  }
  status.textContent = SEARCH_LABELS.searching;
  const engine = await load();
  const search = { query: q, found: (await engine.search(q)).results };
  current = search;
  await showMore(search);
}

/** Lists the next batch of `search`'s results; returns the first link added. */
async function showMore(search: { query: string; found: Found }): Promise<HTMLAnchorElement | undefined> {
  const shown = list!.children.length;
  const batch = search.found.slice(shown, shown + nextBatch(search.found.length, shown));
  const results = await Promise.all(batch.map((r) => r.data()));
  if (current !== search) return undefined;
  const links = results.map((r) => {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = r.url;
    a.textContent = r.meta.title ?? r.url;
    const p = document.createElement('p');
    // Pagefind's excerpt is our own page text with <mark> around the hits.
    p.innerHTML = r.excerpt;
    li.append(a, p);
    list!.append(li);
    return a;
  });
  status!.textContent = searchStatus(search.query, search.found.length, list!.children.length);
  more!.hidden = list!.children.length >= search.found.length;
  return links[0];
}

if (form && input && more) {
  more.addEventListener('click', async () => {
    if (!current || more.disabled) return;
    more.disabled = true;
    // Keyboard users land on the first new result instead of the top of the list.
    const first = await showMore(current);
    more.disabled = false;
    first?.focus();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const url = new URL(location.href);
    url.searchParams.set('q', input.value);
    history.replaceState(null, '', url);
    void run(input.value);
  });
  const initial = new URL(location.href).searchParams.get('q');
  if (initial) {
    input.value = initial;
    void run(initial);
  }
}
