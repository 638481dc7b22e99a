/**
 * Graph datetimes carry up to 7 fractional digits (100-ns ticks) — more than a JS
 * number holds next to epoch milliseconds — so instants are compared as (ms, tick).
 */
import type { Instant } from './ast.ts';

const LITERAL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?)?$/i;

/** Parses an ISO 8601 datetime or date (`2024-01-01` = midnight UTC); undefined when malformed. */
export function parseInstant(text: string): Instant | undefined {
  const m = LITERAL.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone = 'Z'] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    return undefined;
  }
  let ms = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s));
  if (zone.toUpperCase() !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    ms -= sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
  }
  const digits = (frac + '0000000').slice(0, 7);
  ms += Number(digits.slice(0, 3));
  return { ms, tick: Number(digits.slice(3, 7)) };
}

/** -1, 0, 1 as a is before, equal to, after b. */
export function compareInstants(a: Instant, b: Instant): number {
  if (a.ms !== b.ms) return a.ms < b.ms ? -1 : 1;
  return a.tick === b.tick ? 0 : a.tick < b.tick ? -1 : 1;
}
