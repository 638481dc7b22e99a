/**
 * Token bucket: `limit` requests per `windowMs`, refilled continuously. Graph's limits
 * (notes §13) are stated as requests per window; a bucket lets a burst of `limit`
 * through and then spaces requests evenly, which is what clients observe.
 */
export interface RateLimit {
  readonly limit: number;
  readonly windowMs: number;
}

export class TokenBucket {
  private tokens: number;
  private updated: number;

  constructor(
    private readonly rate: RateLimit,
    now: number,
  ) {
    this.tokens = rate.limit;
    this.updated = now;
  }

  /** Takes one token; returns 0 when granted, else the ms until one is available. */
  take(now: number): number {
    const perMs = this.rate.limit / this.rate.windowMs;
    this.tokens = Math.min(this.rate.limit, this.tokens + (now - this.updated) * perMs);
    this.updated = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - this.tokens) / perMs);
  }
}
