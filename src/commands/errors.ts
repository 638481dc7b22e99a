/**
 * Errors a user can cause (bad flags, bad files). The CLI prints their message on one
 * line and exits 2 — never a stack trace.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The one-line message of anything thrown, for the CLI. */
export function oneLine(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error).split('\n')[0] ?? 'unknown error';
}
