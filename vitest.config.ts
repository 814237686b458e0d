import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // End-to-end files each run a full Astro build: two at once would share .astro/ and Vite's cache.
    fileParallelism: false,
    // Every build of a test is cold: a PDF taken from the cache of another test
    // could hide a failure. The cache's own test (reliability) turns it on.
    env: { CAHIERS_CACHE: '0' },
    // GitHub's workflow parser imports its JSON schema without an import attribute, which Node refuses: Vite loads it.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
