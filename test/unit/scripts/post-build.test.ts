import { describe, expect, it } from 'vitest';
import { typesetHtml, typesetSvg } from '../../../scripts/lib/post-build.ts';

describe('typography after the build', () => {
  it('sets French typography on text, never in code, scripts or attributes', () => {
    const html = `<p title="a : b">Objectif : l'emploi ?</p><code>a : b</code><script>x = a ? b : c;</script>`;
    expect(typesetHtml(html)).toContain(`<p title="a : b">Objectif\u00a0: l’emploi\u202f?</p><code>a : b</code><script>x = a ? b : c;</script>`);
  });

  it('keeps SVG entities intact', () => {
    expect(typesetSvg('<text>R&amp;D ; l&#39;emploi &lt; 5</text>')).toBe('<text>R&amp;D\u202f; l’emploi &lt; 5</text>');
  });
});
