/**
 * Image URLs as the site serves them: `![…](photo.jpg)` and
 * `![…](./medias/photo.jpg)` both name `medias/photo.jpg`, the path the
 * renderers prefix with the site's base.
 */
import type { Root } from 'mdast';
import type { Transformer } from 'unified';
import { visit } from 'unist-util-visit';

export interface MediaPathsOptions {
  /** The path under medias/ an image URL names; undefined leaves the URL as written (the check reports why). */
  path: (url: string) => string | undefined;
}

export function remarkMediaPaths(options: MediaPathsOptions): Transformer<Root> {
  return (tree) => {
    visit(tree, 'image', (node) => {
      const path = options.path(node.url);
      if (path !== undefined) node.url = path;
    });
  };
}
