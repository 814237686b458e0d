/**
 * The one place where a command's typed error (src/lib/errors.ts) becomes
 * its printed message and exit code. Anything else is a bug and keeps its
 * stack trace.
 */
import { CliError } from '../../src/lib/errors.ts';

export type Print = (line: string) => void;

export function exitCodeOf(e: unknown, err: Print): number {
  if (!(e instanceof CliError)) throw e;
  err(e.message);
  return e.exitCode;
}

/** Runs a command body; a typed error is printed and gives the exit code. */
export function handleCli(run: () => number, err: Print): number {
  try {
    return run();
  } catch (e) {
    return exitCodeOf(e, err);
  }
}

export async function handleCliAsync(run: () => Promise<number>, err: Print): Promise<number> {
  try {
    return await run();
  } catch (e) {
    return exitCodeOf(e, err);
  }
}
