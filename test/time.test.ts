import { describe, expect, it } from 'vitest';
import { envelopeTime, graphTime, laTime, nestedTime, parseUserTime, riskNestedTime, usTime } from '../src/core/time.ts';

// The formats are the ones notes/diagnostic-format.md §A.2 and §D.3 quote from real records.
describe('time formats', () => {
  const ms = Date.UTC(2025, 3, 14, 11, 35, 37, 498);
  it('envelope time: 7 digits with trailing zeros kept, no fraction on whole seconds', () => {
    expect(envelopeTime(ms, 3200)).toBe('2025-04-14T11:35:37.4983200Z');
    expect(envelopeTime(Date.UTC(2025, 3, 11, 8, 15, 53), 0)).toBe('2025-04-11T08:15:53Z');
  });
  it('nested time: trimmed fraction and +00:00', () => {
    expect(nestedTime(Date.UTC(2022, 0, 24, 5, 0, 3, 346), 4680)).toBe('2022-01-24T05:00:03.346468+00:00');
  });
  it('US format of the risk envelopes', () => {
    expect(usTime(ms)).toBe('4/14/2025 11:35:37 AM');
    expect(usTime(Date.UTC(2025, 0, 2, 0, 5, 9))).toBe('1/2/2025 12:05:09 AM');
    expect(usTime(Date.UTC(2025, 0, 2, 13, 5, 9))).toBe('1/2/2025 1:05:09 PM');
  });
  it('Graph and Log Analytics forms', () => {
    expect(graphTime(Date.UTC(2020, 2, 13, 19, 15, 41, 619), 5833)).toBe('2020-03-13T19:15:41.6195833Z');
    expect(graphTime(Date.UTC(2021, 5, 30, 16, 34, 32), 0)).toBe('2021-06-30T16:34:32Z');
    expect(laTime(Date.UTC(2021, 7, 2, 13, 29, 25, 983))).toBe('2021-08-02T13:29:25.983Z');
  });
  it('risk nested times drop the leading zero of the hour', () => {
    expect(riskNestedTime(Date.UTC(2022, 8, 9, 9, 59, 27, 958))).toBe('2022-09-09T9:59:27.958Z');
  });
  it('parses user dates as UTC and rejects junk', () => {
    expect(parseUserTime('2025-06-01')).toBe(Date.UTC(2025, 5, 1));
    expect(parseUserTime('2025-06-01T10:00:00')).toBe(Date.UTC(2025, 5, 1, 10));
    expect(parseUserTime('2025-06-01T10:00:00+02:00')).toBe(Date.UTC(2025, 5, 1, 8));
    expect(parseUserTime('yesterday')).toBeNaN();
    expect(parseUserTime('2025-13-45')).toBeNaN();
  });
});
