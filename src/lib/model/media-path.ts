/**
 * Paths written in content (`contour`, `logo`) must name a file under
 * medias/ inside the contract folder: never an absolute path, never `..`
 * out of it, so a contract cannot make the build read /etc/passwd.
 */
export type MediaPath = { ok: true; path: string } | { ok: false; message: string; hint: string };

export function normalizeMediaPath(written: string): MediaPath {
  const hint = 'écrivez un chemin relatif au dossier du contrat, sous medias/ (ex. medias/quartier.geojson)';
  if (/^([a-zA-Z]:)?[\\/]/.test(written) || written.includes('\\') || /^[a-z]+:/i.test(written)) {
    return { ok: false, message: `chemin absolu refusé « ${written} »`, hint };
  }
  // `quartier.geojson` is read as medias/quartier.geojson: authors write both.
  const full = written.startsWith('medias/') ? written : `medias/${written}`;
  const parts: string[] = [];
  for (const part of full.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return { ok: false, message: `chemin hors du dossier du contrat « ${written} »`, hint };
      parts.pop();
    } else parts.push(part);
  }
  const path = parts.join('/');
  if (parts[0] !== 'medias' || parts.length < 2) {
    return { ok: false, message: `chemin hors de medias/ « ${written} »`, hint };
  }
  return { ok: true, path };
}
