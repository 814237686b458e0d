/**
 * French typography for displayed text: typographic apostrophe, no-break
 * spaces before « ; : ! ? » and inside guillemets, so a line never starts
 * with a colon. Applied to text nodes only (never to code or attributes).
 */
const NNBSP = '\u202f';
const NBSP = '\u00a0';

export function frenchTypography(text: string): string {
  return text
    .replace(/(\p{L})'(?=\p{L})/gu, '$1’')
    // Only punctuation that ends a word: a `?` inside a URL stays as it is.
    .replace(/(\S)[ \u00a0\u202f]*([;!?]+)(?=\s|$|[»)])/g, `$1${NNBSP}$2`)
    .replace(/(\S)[ \u00a0]+:(?=\s|$)/g, `$1${NBSP}:`)
    .replace(/«[ \u00a0]*/g, `«${NBSP}`)
    .replace(/[ \u00a0]*»/g, `${NBSP}»`);
}
