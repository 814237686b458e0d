import { describe, expect, it } from 'vitest';
import { sitePath } from '../../../src/lib/site/base-path.ts';

describe('sitePath', () => {
  it('is / by default, BASE_PATH between slashes when set', () => {
    expect(sitePath({})).toEqual({ base: '/' });
    expect(sitePath({ BASE_PATH: ' ' })).toEqual({ base: '/' });
    expect(sitePath({ BASE_PATH: '/contrat-de-ville/' })).toEqual({ base: '/contrat-de-ville/' });
    expect(sitePath({ BASE_PATH: 'contrat-de-ville' })).toEqual({ base: '/contrat-de-ville/' });
  });

  it('follows from the path of SITE_URL when BASE_PATH is unset (GitLab and GitHub Pages, a custom domain)', () => {
    expect(sitePath({ SITE_URL: 'https://agglo.gitlab.io/contrat' })).toEqual({ base: '/contrat/' });
    expect(sitePath({ SITE_URL: 'https://agglo.github.io/contrat-de-ville/' })).toEqual({ base: '/contrat-de-ville/' });
    expect(sitePath({ SITE_URL: 'https://contrat.agglo.fr' })).toEqual({ base: '/' });
    expect(sitePath({ SITE_URL: 'https://www.agglo.fr/politique/contrat/', BASE_PATH: '/politique/contrat' })).toEqual({ base: '/politique/contrat/' });
  });

  it('says so when the two contradict each other, or SITE_URL is no address', () => {
    expect(sitePath({ SITE_URL: 'https://contrat.agglo.fr/', BASE_PATH: '/contrat/' })).toEqual({
      base: '/contrat/',
      error: 'BASE_PATH (/contrat/) et SITE_URL (https://contrat.agglo.fr/) se contredisent : le site serait construit pour /contrat/ et publié sous /. Retirez BASE_PATH, qui se déduit de SITE_URL, ou corrigez l’un des deux.',
    });
    expect(sitePath({ SITE_URL: 'www.agglo.fr/contrat/' }).error).toBe('SITE_URL n’est pas une adresse complète : « www.agglo.fr/contrat/ » (écrivez par exemple https://www.agglo.fr/contrat-de-ville/).');
  });
});
