import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // End-to-end files each run a full Astro build: two at once would share .astro/ and Vite's cache.
    fileParallelism: false,
    // GitHub's workflow parser imports its JSON schema without an import attribute, which Node refuses: Vite loads it.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
