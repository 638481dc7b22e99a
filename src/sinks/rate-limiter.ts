/**
 * Token bucket for record rates. Rate control belongs to the engine; this is the helper it
 * (or a caller of a sink) can use: `take(n)` waits until n records may go.
 */
export interface RateLimiter {
  /** Waits until `count` tokens are available, then takes them. */
  take(count?: number): Promise<void>;
  /** Takes `count` tokens if available now. */
  tryTake(count?: number): boolean;
  /** Records per second. */
  readonly rate: number;
  setRate(recordsPerSecond: number): void;
}

export interface RateLimiterOptions {
  /** Bucket size: how many records may go at once after idling. Default one second's worth (min 1). */
  readonly burst?: number;
  /** Clock, ms. Default performance.now. */
  readonly now?: () => number;
}

export function createRateLimiter(recordsPerSecond: number, options: RateLimiterOptions = {}): RateLimiter {
  if (!(recordsPerSecond > 0)) throw new RangeError(`recordsPerSecond must be > 0, got ${recordsPerSecond}`);
  const now = options.now ?? (() => performance.now());
  let rate = recordsPerSecond;
  let burst = options.burst ?? Math.max(1, rate);
  let tokens = burst;
  let last = now();
  // Waiters are served in order so a large request is not starved by small ones.
  let queue: Promise<void> = Promise.resolve();

  const refill = (): void => {
    const t = now();
    tokens = Math.min(burst, tokens + ((t - last) / 1000) * rate);
    last = t;
  };

  const tryTake = (count = 1): boolean => {
    refill();
    if (tokens >= count) {
      tokens -= count;
      return true;
    }
    return false;
  };

  const takeNow = async (count: number): Promise<void> => {
    for (;;) {
      refill();
      // A request above the bucket size waits for a full bucket and goes into debt.
      const need = Math.min(count, burst);
      if (tokens >= need) {
        tokens -= count;
        return;
      }
      await new Promise((r) => setTimeout(r, Math.max(1, Math.ceil(((need - tokens) / rate) * 1000))));
    }
  };

  return {
    take(count = 1) {
      const run = queue.then(() => takeNow(count));
      queue = run.catch(() => undefined);
      return run;
    },
    tryTake,
    get rate() {
      return rate;
    },
    setRate(r: number) {
      if (!(r > 0)) throw new RangeError(`recordsPerSecond must be > 0, got ${r}`);
      refill();
      rate = r;
      burst = options.burst ?? Math.max(1, r);
      tokens = Math.min(tokens, burst);
    },
  };
}
