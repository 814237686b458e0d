/** Escaping for the HTML and SVG strings the renderers build. */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** `attrs({ class: 'a', hidden: true, title: undefined })` → ` class="a" hidden` */
export function attrs(values: Record<string, string | number | boolean | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined && v !== false)
    .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${esc(v as string | number)}"`))
    .join('');
}

/** Short stable ids for SVG titles and aria references, from a prefix and an entity id. */
export function domId(...parts: string[]): string {
  return parts.join('-').replace(/[^a-zA-Z0-9_-]+/g, '-');
}
