/**
 * `npm run preview`: serves dist/ (or DIST_DIR) under its base path until
 * Ctrl+C. PORT chooses the port (8080 by default, 0 for any free one).
 */
import { handleCliAsync } from './lib/cli.ts';
import { startPreview } from './lib/preview.ts';

const code = await handleCliAsync(async () => {
  await startPreview(process.env, (line) => process.stdout.write(`${line}\n`));
  // A browser keeps its connections open: stop at once rather than wait for them.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(0));
  return 0;
}, (line) => process.stderr.write(`${line}\n`));
if (code !== 0) process.exitCode = code;
