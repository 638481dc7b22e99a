/**
 * A counting semaphore in units (records or bytes): the bounded buffer behind every sink's
 * backpressure. `acquire` waits FIFO until the units fit; a request larger than the whole
 * capacity is let through when nothing else is held, so one oversize item cannot deadlock.
 */
export class Capacity {
  private used = 0;
  private readonly waiters: Array<{ units: number; resolve: () => void }> = [];

  constructor(readonly limit: number) {}

  get inUse(): number {
    return this.used;
  }

  get waiting(): number {
    return this.waiters.length;
  }

  private fits(units: number): boolean {
    return this.used === 0 || this.used + units <= this.limit;
  }

  /** Resolves when `units` are reserved. Returns synchronously-resolved promise when they fit now. */
  acquire(units: number): Promise<void> {
    if (this.waiters.length === 0 && this.fits(units)) {
      this.used += units;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiters.push({ units, resolve }));
  }

  /** True (and reserved) when the units fit right now without waiting. */
  tryAcquire(units: number): boolean {
    if (this.waiters.length === 0 && this.fits(units)) {
      this.used += units;
      return true;
    }
    return false;
  }

  release(units: number): void {
    this.used = Math.max(0, this.used - units);
    while (this.waiters.length > 0 && this.fits(this.waiters[0]!.units)) {
      const next = this.waiters.shift()!;
      this.used += next.units;
      next.resolve();
    }
  }
}
