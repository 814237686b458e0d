export {};

/**
 * Search with Pagefind's JavaScript API and our own small result list
 * (lighter than Pagefind's UI, and styled like the rest of the site).
 */
interface PagefindResult {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  search(q: string): Promise<{ results: { data(): Promise<PagefindResult> }[] }>;
}

const form = document.querySelector<HTMLFormElement>('#recherche');
const input = document.querySelector<HTMLInputElement>('#recherche-q');
const status = document.querySelector<HTMLElement>('#recherche-etat');
const list = document.querySelector<HTMLOListElement>('#recherche-resultats');

let pagefind: Promise<Pagefind> | undefined;
const load = () => {
  const base = form!.dataset.pagefind!;
  pagefind ??= import(/* @vite-ignore */ `${base}pagefind.js`).then(async (m: Pagefind) => {
    await m.options({ baseUrl: base.replace(/pagefind\/$/, '') });
    return m;
  });
  return pagefind;
};

async function run(q: string): Promise<void> {
  if (!list || !status) return;
  list.replaceChildren();
  if (q.trim() === '') {
    status.textContent = '';
    return;
  }
  status.textContent = 'Recherche…';
  const engine = await load();
  const found = await engine.search(q);
  const results = await Promise.all(found.results.slice(0, 30).map((r) => r.data()));
  status.textContent = results.length === 0 ? `Aucun résultat pour « ${q} ».` : `${found.results.length} résultat${found.results.length > 1 ? 's' : ''} pour « ${q} ».`;
  for (const r of results) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = r.url;
    a.textContent = r.meta.title ?? r.url;
    const p = document.createElement('p');
    // Pagefind's excerpt is our own page text with <mark> around the hits.
    p.innerHTML = r.excerpt;
    li.append(a, p);
    list.append(li);
  }
}

if (form && input) {
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
