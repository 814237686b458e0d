/**
 * Splits a Markdown file into its YAML front matter and its body, keeping
 * the offsets of both so positions can be reported in the whole file.
 */
export type FrontMatterSplit =
  | { ok: true; yaml: string; yamlOffset: number; body: string; bodyOffset: number }
  | { ok: false; message: string; hint: string; offset: number };

const OPEN = /^---[ \t]*\r?\n/;

export function splitFrontMatter(text: string): FrontMatterSplit {
  const open = OPEN.exec(text);
  if (!open) {
    return {
      ok: false,
      offset: 0,
      message: 'en-tête YAML manquant : le fichier doit commencer par une ligne « --- »',
      hint: 'écrivez les clés entre deux lignes « --- » en tête du fichier, puis le texte',
    };
  }
  const yamlOffset = open[0].length;
  const rest = text.slice(yamlOffset);
  // The closing fence is the first line that is exactly `---` (or `...`).
  const close = /(^|\n)(?:---|\.\.\.)[ \t]*(\r?\n|$)/.exec(rest);
  if (!close) {
    return {
      ok: false,
      offset: 0,
      message: 'en-tête YAML non fermé : la ligne « --- » de fin manque',
      hint: 'ajoutez une ligne « --- » après la dernière clé de l’en-tête',
    };
  }
  const yamlEnd = close.index + close[1]!.length;
  const bodyOffset = yamlOffset + close.index + close[0].length;
  return { ok: true, yaml: rest.slice(0, yamlEnd), yamlOffset, body: text.slice(bodyOffset), bodyOffset };
}

