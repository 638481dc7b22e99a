/**
 * Fault injection for the mock Graph API, so collectors' retry and back-off code runs
 * against what Graph really does: throttling at the reporting APIs' documented limits
 * (429 with `Retry-After` for reports, without it for Identity Protection — notes §13),
 * random 5xx with Graph bodies, added latency. Seeded: the same seed and the same
 * request sequence give the same faults.
 */
import { Rng } from '../../core/random.ts';
import type { ApiFamily, GraphCollection } from '../graph/collections.ts';
import { TokenBucket, type RateLimit } from './token-bucket.ts';

export type { RateLimit } from './token-bucket.ts';

export interface ThrottlingOptions {
  /** auditLogs/* per app per tenant. Default 5 / 10 s (notes §13); false: off. */
  readonly reports?: RateLimit | false;
  /** identityProtection/* per tenant for all apps. Default 1 / 1 s; 429s carry no Retry-After. */
  readonly identityProtection?: RateLimit | false;
  /** networkAccess/* per app per tenant. Default off (only the global Graph limit applies). */
  readonly networkAccess?: RateLimit | false;
  /** `Retry-After` on reports 429s: integer seconds (today's docs) or fractional (`2.128`, older docs). */
  readonly retryAfter?: 'integer' | 'fractional';
}

export interface RandomFaults {
  /** Probability (0–1) that a request fails with a 5xx. */
  readonly errorRate?: number;
  readonly errorStatuses?: ReadonlyArray<500 | 502 | 503 | 504>;
  /** Probability (0–1) of a 429 on top of the rate limits. */
  readonly throttleRate?: number;
  /** Added latency, uniform in [min, max] ms. */
  readonly latencyMs?: readonly [number, number];
  /**
   * Scripted outcomes for the first requests, in order (then the random rates apply):
   * `ok`, `throttle` (429; Retry-After 1 s where the family sends one) or a 5xx status.
   * For tests that need a fault at an exact point whatever the machine's speed.
   */
  readonly script?: ReadonlyArray<'ok' | 'throttle' | 500 | 502 | 503 | 504>;
}

export interface FaultOptions {
  readonly seed?: number | string;
  /** Rate limiting; omitted or false: none. `{}` applies Graph's documented limits. */
  readonly throttling?: ThrottlingOptions | false;
  /** Applied to every collection unless `endpoints` overrides it. */
  readonly random?: RandomFaults;
  readonly endpoints?: Partial<Record<GraphCollection, RandomFaults>>;
}

export interface FaultContext {
  readonly collection: GraphCollection;
  readonly family: ApiFamily;
  readonly appId: string;
  readonly tenantId: string;
  readonly now: number;
}

export type InjectedFault =
  /** `retryAfter`: the header value, absent when Graph sends none. */
  | { readonly kind: 'throttle'; readonly retryAfter?: string }
  | { readonly kind: 'error'; readonly status: number };

export interface FaultDecision {
  readonly latencyMs: number;
  readonly fault?: InjectedFault;
}

export interface FaultStats {
  readonly requests: number;
  readonly throttled: number;
  readonly errors: number;
  /** Requests that came back before the `Retry-After` they were given had passed. */
  readonly earlyRetries: number;
}

export const GRAPH_LIMITS = {
  reports: { limit: 5, windowMs: 10_000 },
  identityProtection: { limit: 1, windowMs: 1_000 },
} as const;

export class FaultInjector {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly retryNotBefore = new Map<string, number>();
  private readonly streams = new Map<GraphCollection, Rng>();
  private readonly scriptPosition = new Map<GraphCollection, number>();
  private readonly root: Rng;
  private counters = { requests: 0, throttled: 0, errors: 0, earlyRetries: 0 };

  constructor(private readonly options: FaultOptions = {}) {
    this.root = new Rng(options.seed ?? 'entrasim-faults');
  }

  get stats(): FaultStats {
    return { ...this.counters };
  }

  decide(ctx: FaultContext): FaultDecision {
    this.counters.requests++;
    // One stream per collection, four draws per request: decisions stay reproducible
    // per endpoint whatever else is being called.
    let rng = this.streams.get(ctx.collection);
    if (!rng) {
      rng = this.root.fork(ctx.collection);
      this.streams.set(ctx.collection, rng);
    }
    const [uLatency, uThrottle, uError, uStatus] = [rng.next(), rng.next(), rng.next(), rng.next()];
    const random = this.options.endpoints?.[ctx.collection] ?? this.options.random ?? {};
    const [min, max] = random.latencyMs ?? [0, 0];
    const latencyMs = min + uLatency * (max - min);

    const limited = this.rateLimit(ctx);
    if (limited) return { latencyMs, fault: limited };
    const step = this.scripted(ctx.collection, random);
    if (step === 'throttle') return { latencyMs, fault: this.throttle(ctx, ctx.family === 'identityProtection' ? undefined : 1000) };
    if (typeof step === 'number') {
      this.counters.errors++;
      return { latencyMs, fault: { kind: 'error', status: step } };
    }
    if (step === 'ok') return { latencyMs };
    if (random.throttleRate && uThrottle < random.throttleRate) {
      return { latencyMs, fault: this.throttle(ctx, ctx.family === 'identityProtection' ? undefined : 1000) };
    }
    if (random.errorRate && uError < random.errorRate) {
      const statuses = random.errorStatuses ?? [500, 502, 503, 504];
      this.counters.errors++;
      return { latencyMs, fault: { kind: 'error', status: statuses[Math.floor(uStatus * statuses.length)] ?? 500 } };
    }
    return { latencyMs };
  }

  /** The next scripted outcome of a collection, or undefined once the script is used up. */
  private scripted(collection: GraphCollection, random: RandomFaults): 'ok' | 'throttle' | number | undefined {
    const script = random.script;
    if (!script) return undefined;
    const at = this.scriptPosition.get(collection) ?? 0;
    if (at >= script.length) return undefined;
    this.scriptPosition.set(collection, at + 1);
    return script[at];
  }

  private limitOf(family: ApiFamily): RateLimit | undefined {
    const t = this.options.throttling;
    if (!t) return undefined;
    switch (family) {
      case 'reports':
        return t.reports === false ? undefined : (t.reports ?? GRAPH_LIMITS.reports);
      case 'identityProtection':
        return t.identityProtection === false ? undefined : (t.identityProtection ?? GRAPH_LIMITS.identityProtection);
      case 'networkAccess':
        return t.networkAccess || undefined;
    }
  }

  /** Bucket key: reports and network access are per app per tenant, Identity Protection per tenant. */
  private keyOf(ctx: FaultContext): string {
    return ctx.family === 'identityProtection' ? `${ctx.family}|${ctx.tenantId}` : `${ctx.family}|${ctx.tenantId}|${ctx.appId}`;
  }

  private rateLimit(ctx: FaultContext): InjectedFault | undefined {
    const limit = this.limitOf(ctx.family);
    const key = this.keyOf(ctx);
    const notBefore = this.retryNotBefore.get(key);
    if (notBefore !== undefined) {
      // A few ms of slack: timers and clocks are not exact.
      if (ctx.now < notBefore - 5) this.counters.earlyRetries++;
      this.retryNotBefore.delete(key);
    }
    if (!limit) return undefined;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(limit, ctx.now);
      this.buckets.set(key, bucket);
    }
    const waitMs = bucket.take(ctx.now);
    if (waitMs === 0) return undefined;
    return this.throttle(ctx, ctx.family === 'identityProtection' ? undefined : waitMs);
  }

  private throttle(ctx: FaultContext, waitMs: number | undefined): InjectedFault {
    this.counters.throttled++;
    if (waitMs === undefined) return { kind: 'throttle' };
    const style = this.options.throttling ? this.options.throttling.retryAfter : undefined;
    const seconds = style === 'fractional' ? (waitMs / 1000).toFixed(3) : String(Math.max(1, Math.ceil(waitMs / 1000)));
    this.retryNotBefore.set(this.keyOf(ctx), ctx.now + Number(seconds) * 1000);
    return { kind: 'throttle', retryAfter: seconds };
  }
}
