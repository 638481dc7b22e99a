/** Exponential backoff with full jitter, and abortable sleeps, for the sinks' own retry loops. */
export interface BackoffOptions {
  /** First delay, ms. Default 200. */
  readonly initialDelayMs?: number;
  /** Largest delay, ms. Default 30,000. */
  readonly maxDelayMs?: number;
}

export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const initial = options.initialDelayMs ?? 200;
  const max = options.maxDelayMs ?? 30_000;
  const ceiling = Math.min(max, initial * 2 ** Math.min(attempt, 30));
  // Jitter spreads retries of many concurrent senders; never below half the step.
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

/** Resolves after `ms`, or as soon as `signal` aborts (a closing sink must not wait out a backoff). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Runs `drain`; if it has not finished after `timeoutMs`, calls `abort` (which makes pending work
 * give up) and waits for `drain` to settle. Returns true when it timed out.
 */
export async function drainWithin(drain: () => Promise<void>, timeoutMs: number | undefined, abort: () => void): Promise<boolean> {
  if (timeoutMs === undefined) {
    await drain();
    return false;
  }
  let timer: NodeJS.Timeout | undefined;
  const running = drain();
  const timedOut = await Promise.race([
    running.then(() => false),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), timeoutMs);
    }),
  ]);
  clearTimeout(timer);
  if (timedOut) {
    abort();
    await running;
  }
  return timedOut;
}
