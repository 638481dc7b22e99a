/** Id formats of Identity Protection records. */
import type { Rng } from '../../core/random.ts';

/**
 * Risk detection ids are 64 lower-case hex digits (real UserRiskEvents records:
 * `524599639165e86c…72af04`); the envelope `correlationId` repeats it (notes §A.2).
 */
export function detectionId(rng: Rng): string {
  return rng.hex(64);
}

/**
 * A sign-in request id as ESTS writes it: a GUID whose last byte is `00`
 * (`c519341f-…-94448c47ab00`, `d38b6ab7-…-5a787d6fa100` in real risk records).
 * Used only when a detection is built without the sign-in it came from.
 */
export function signInRequestId(rng: Rng): string {
  return rng.uuid().slice(0, 34) + '00';
}

/** .NET ticks (100 ns since 0001-01-01) of an instant: history item ids end with them. */
export function dotnetTicks(ms: number, tick: number): string {
  // 621355968000000000 = ticks at the Unix epoch; exceeds 2^53, so BigInt.
  return (BigInt(ms) * 10000n + BigInt(tick) + 621355968000000000n).toString();
}
