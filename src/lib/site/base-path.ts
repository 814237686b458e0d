/**
 * The base path the site is built for: BASE_PATH, or else the path of
 * SITE_URL (a site published at `https://hôte/contrat-de-ville/` lives
 * under `/contrat-de-ville/`), or else `/`; always between slashes. The
 * build, Astro's configuration and `npm run preview` read it here.
 */
export interface SitePath {
  base: string;
  /** Why BASE_PATH and SITE_URL cannot be used as they are, in French. */
  error?: string;
}

const slashed = (path: string) => `/${path}/`.replace(/\/{2,}/g, '/');

export function sitePath(env: Record<string, string | undefined>): SitePath {
  const basePath = env.BASE_PATH?.trim();
  const siteUrl = env.SITE_URL?.trim();
  let urlPath: string | undefined;
  if (siteUrl) {
    try {
      urlPath = slashed(new URL(siteUrl).pathname);
    } catch {
      return { base: basePath ? slashed(basePath) : '/', error: `SITE_URL n’est pas une adresse complète : « ${siteUrl} » (écrivez par exemple https://www.agglo.fr/contrat-de-ville/).` };
    }
  }
  const base = basePath ? slashed(basePath) : (urlPath ?? '/');
  if (urlPath && urlPath !== base)
    return { base, error: `BASE_PATH (${base}) et SITE_URL (${siteUrl}) se contredisent : le site serait construit pour ${base} et publié sous ${urlPath}. Retirez BASE_PATH, qui se déduit de SITE_URL, ou corrigez l’un des deux.` };
  return { base };
}
