/**
 * Dynamic pages list their ids in getStaticPaths and read what they show from
 * the current contract by `Astro.params`, never from getStaticPaths props: in
 * `npm run dev` the server keeps getStaticPaths' results between requests,
 * props included, and a page must show the content as it is now. An id the
 * contract no longer has (a file deleted between the listing and the
 * request) answers this 404; the build asks only for listed ids.
 */
export function notFound(): Response {
  return new Response(null, { status: 404, statusText: 'Not Found' });
}
