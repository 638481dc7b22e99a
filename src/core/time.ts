/**
 * The time formats Entra writes. Real pipelines break on exactly these differences,
 * so each has its own formatter (facts: notes/diagnostic-format.md §A.2, §D.3):
 *
 * - envelope `time`:  2025-04-11T08:15:53.4983200Z  (7 digits, trailing zeros kept;
 *                     no fraction at all for whole-second events)
 * - nested datetimes: 2022-01-24T05:00:03.346468+00:00 (trimmed fraction, +00:00)
 * - risk envelopes:   4/14/2025 11:35:37 AM            (US format)
 * - Graph JSON:       2020-03-13T19:15:41.6195833Z     (7 digits, trimmed, like .NET)
 * - Log Analytics:    2021-08-02T13:29:25.983Z         (milliseconds, as the query API returns)
 *
 * An instant is epoch milliseconds plus `tick`, the 100-ns units below the millisecond
 * (0–9999), so that 7-digit fractions survive without floating-point loss.
 */
export interface Instant {
  readonly ms: number;
  readonly tick: number;
}

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));

let lastSecond = NaN;
let lastIso = '';

/** `yyyy-MM-ddTHH:mm:ss` of a UTC date. */
function isoSeconds(ms: number): string {
  // One record formats the same second several times (envelope, nested, Graph): keep the last.
  const second = Math.floor(ms / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    // toISOString is the fastest correct path; slice off ".sssZ".
    lastIso = new Date(second * 1000).toISOString().slice(0, 19);
  }
  return lastIso;
}

/** The 7-digit fraction of an instant, trailing zeros kept. */
function fraction7(ms: number, tick: number): string {
  const milli = ((ms % 1000) + 1000) % 1000;
  return String(milli * 10000 + tick).padStart(7, '0');
}

/** Envelope `time`: 7 fractional digits and Z; whole seconds have no fraction. */
export function envelopeTime(ms: number, tick = 0): string {
  const f = fraction7(ms, tick);
  if (f === '0000000') return isoSeconds(ms) + 'Z';
  return `${isoSeconds(ms)}.${f}Z`;
}

/** Graph / .NET round-trip form with trailing zeros trimmed: `…:41.6195833Z`, `…:32Z`. */
export function graphTime(ms: number, tick = 0): string {
  const f = fraction7(ms, tick).replace(/0+$/, '');
  return f ? `${isoSeconds(ms)}.${f}Z` : isoSeconds(ms) + 'Z';
}

/** Datetimes nested in diagnostic `properties`: trimmed fraction and `+00:00`. */
export function nestedTime(ms: number, tick = 0): string {
  const f = fraction7(ms, tick).replace(/0+$/, '');
  return f ? `${isoSeconds(ms)}.${f}+00:00` : isoSeconds(ms) + '+00:00';
}

/** Log Analytics datetime as the query API returns it: milliseconds and Z. */
export function laTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** US format of the risk envelopes: `4/14/2025 11:35:37 AM`. */
export function usTime(ms: number): string {
  const d = new Date(ms);
  const h24 = d.getUTCHours();
  const h12 = h24 % 12 === 0 ? 12 : h24 % 12;
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h12}:${pad2(d.getUTCMinutes())}:${pad2(
    d.getUTCSeconds(),
  )} ${h24 < 12 ? 'AM' : 'PM'}`;
}

/**
 * Risk `properties` datetimes: seen with unpadded hours (`2022-09-09T9:59:27.958Z`);
 * milliseconds and Z otherwise.
 */
export function riskNestedTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.charAt(11) === '0' ? iso.slice(0, 11) + iso.slice(12) : iso;
}

/** Parses the datetimes users pass on the command line (ISO 8601); NaN when invalid. */
export function parseUserTime(text: string): number {
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return NaN;
  // A date or datetime without a zone is taken as UTC, the zone every Entra log uses.
  const withZone = /T|\s/.test(text) && !/(Z|[+-]\d{2}:?\d{2})$/.test(text) ? text.replace(' ', 'T') + 'Z' : text;
  return Date.parse(withZone);
}

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
