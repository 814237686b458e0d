/**
 * /fiches/ filters, without reloading. Without JavaScript the form stays
 * hidden and every fiche is listed.
 */
import { matches, type FacetKey } from '../lib/site/match.ts';

const form = document.querySelector<HTMLFormElement>('#fiches-filtres');
const cards = [...document.querySelectorAll<HTMLElement>('.fiche-cards > .fiche-card')];
const count = document.querySelector<HTMLElement>('#fiches-compte');

if (form && count) {
  form.hidden = false;
  const keys: FacetKey[] = ['pilier', 'objectif', 'quartier', 'porteur', 'statut', 'axe'];
  const apply = () => {
    const data = new FormData(form);
    const chosen = Object.fromEntries(keys.map((k) => [k, String(data.get(k) ?? '')]));
    let shown = 0;
    for (const card of cards) {
      const ok = matches(Object.fromEntries(keys.map((k) => [k, card.dataset[k] ?? ''])), chosen);
      card.hidden = !ok;
      if (ok) shown++;
    }
    count.textContent = `${shown} fiche${shown > 1 ? 's' : ''} sur ${cards.length}`;
  };
  form.addEventListener('change', apply);
  form.addEventListener('reset', () => setTimeout(apply));
  form.addEventListener('submit', (e) => e.preventDefault());
  apply();
}
