/** How deep a Markdown text may nest before it is refused: checked before parsing, for bodies and for Markdown in YAML values. */
/** Deeper than this, Markdown is not prose any more, and the parser slows to a crawl. */
export const MAX_MARKDOWN_NESTING = 64;
const NESTING_PREFIX = /^(?:[ \t]*(?:>|[-*+]|\d{1,9}[.)])(?=[ \t]|$)[ \t]?)+/gm;

/**
 * Offset of the first line nested deeper than MAX_MARKDOWN_NESTING, if any:
 * by markers on one line (`> > - x`), by indentation (a list nested by two
 * spaces a level) or by `:::` containers (one more colon a level). Deeper,
 * the parser's time grows with the cube of the depth.
 */
export function tooDeep(body: string): number | undefined {
  for (const m of body.matchAll(NESTING_PREFIX)) {
    const markers = m[0].match(/>|[-*+]|\d{1,9}[.)]/g)?.length ?? 0;
    if (markers > MAX_MARKDOWN_NESTING) return m.index;
  }
  for (const m of body.matchAll(/^([ \t]*)(:*)/gm)) {
    const indent = m[1]!.replace(/\t/g, '    ').length;
    if (indent > 2 * MAX_MARKDOWN_NESTING || m[2]!.length > MAX_MARKDOWN_NESTING) return m.index;
  }
  return undefined;
}
