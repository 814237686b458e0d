import { describe, expect, it } from 'vitest';
import { remarkMediaPaths } from '../../../src/lib/markdown/media-paths.ts';
import { renderMarkdown } from '../../../src/lib/render/markdown.ts';
import { run } from '../../helpers/markdown.ts';

const normalise = (url: string) => (url === 'photo.jpg' || url === './medias/photo.jpg' ? 'medias/photo.jpg' : undefined);

describe('remarkMediaPaths', () => {
  it('writes the path under medias/ each image names, and leaves the others as written', () => {
    const tree = run('![Une](photo.jpg) ![Deux](./medias/photo.jpg) ![Trois](ailleurs.png)', [remarkMediaPaths, { path: normalise }]);
    const html = renderMarkdown(tree, { directive: () => '', mediaUrl: (path) => `/cdv/${path}` });
    expect(html).toBe('<p><img src="/cdv/medias/photo.jpg" alt="Une"> <img src="/cdv/medias/photo.jpg" alt="Deux"> <img src="ailleurs.png" alt="Trois"></p>');
  });

  it('reaches images inside links, lists and directives', () => {
    const tree = run('- [![a](photo.jpg)](https://example.org)\n\n::indicateur[![b](photo.jpg)]{id=x}', [remarkMediaPaths, { path: normalise }]);
    expect(JSON.stringify(tree).match(/"url":"[^"]*"/g)).toEqual(['"url":"https://example.org"', '"url":"medias/photo.jpg"', '"url":"medias/photo.jpg"']);
  });
});
