/**
 * `$skiptoken`: opaque base64url carrying the last key a page returned and a hash of
 * the query it belongs to. Clients must replay `@odata.nextLink` as given (notes §2.3);
 * a token replayed with a different filter or order is refused, as [rec] there says.
 */
import { createHmac } from 'node:crypto';
import type { GraphLogKey, GraphLogOrder } from './source.ts';

export interface SkipTokenState {
  readonly after: GraphLogKey;
  readonly order: GraphLogOrder;
  /** `@odata.count` computed on the first page, carried so later pages don't recount. */
  readonly count?: number;
}

export class SkipTokenCodec {
  constructor(private readonly secret: string) {}

  /** The query fingerprint a token is bound to. */
  fingerprint(parts: ReadonlyArray<string>): string {
    return createHmac('sha256', this.secret).update(parts.join('\u0000')).digest('base64url').slice(0, 16);
  }

  encode(state: SkipTokenState, fingerprint: string): string {
    const payload: unknown[] = [1, state.after.time, state.after.id, state.order === 'asc' ? 1 : 0, fingerprint];
    if (state.count !== undefined) payload.push(state.count);
    return Buffer.from(JSON.stringify(payload)).toString('base64url');
  }

  /** Decodes a token for the given query; a string describing the problem when invalid. */
  decode(token: string, fingerprint: string): SkipTokenState | string {
    let payload: unknown;
    try {
      payload = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    } catch {
      return 'not a token this service issued';
    }
    if (!Array.isArray(payload) || payload[0] !== 1) return 'not a token this service issued';
    const [, time, id, order, hash, count] = payload as [number, unknown, unknown, unknown, unknown, unknown];
    if (typeof time !== 'number' || typeof id !== 'string' || (order !== 0 && order !== 1) || typeof hash !== 'string') {
      return 'malformed token';
    }
    if (hash !== fingerprint) return 'the token belongs to a different query';
    return {
      after: { time, id },
      order: order === 1 ? 'asc' : 'desc',
      ...(typeof count === 'number' ? { count } : {}),
    };
  }
}
