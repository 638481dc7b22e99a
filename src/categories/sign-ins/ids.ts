/**
 * Identifier formats of sign-in records, as real records show them (Datadog 2025 fixtures):
 *
 * - request id (`id`, `originalRequestId`): a GUID whose last byte is 00
 *   (`94cb51df-08a4-4a74-b42b-1210a7a12a00`, `…-1d00`, `…-7600`);
 * - `uniqueTokenIdentifier`: the request id's 16 bytes in .NET `Guid.ToByteArray` order,
 *   base64url without padding, 22 characters (`31HLlKQIdEq0KxIQp6EqAA` for the id above;
 *   the AD FS sample follows the same rule);
 * - `sessionId`: mostly `00xxxxxx-…` values without GUID version bits, sometimes a v4 GUID;
 * - AD FS correlation ids are AD FS activity ids: `…-fe00-008002040075`.
 */
import { hash32, mix32, type Rng } from '../../core/random.ts';

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const HEX = '0123456789abcdef';

/** A request id: random GUID (v4) ending in byte 00. */
export function requestId(rng: Rng): string {
  const u = rng.uuid();
  return u.slice(0, 34) + '00';
}

/** Hex digit values by char code (lower and upper case); the hot path avoids parseInt. */
const NIBBLE = new Uint8Array(128);
for (let i = 0; i < 10; i++) NIBBLE[48 + i] = i;
for (let i = 0; i < 6; i++) {
  NIBBLE[97 + i] = 10 + i;
  NIBBLE[65 + i] = 10 + i;
}

function hexByte(s: string, i: number): number {
  return (NIBBLE[s.charCodeAt(i)]! << 4) | NIBBLE[s.charCodeAt(i + 1)]!;
}

/** `uniqueTokenIdentifier` of a request id (see module comment). */
export function uniqueTokenIdentifierOf(guid: string): string {
  const b = new Array<number>(16);
  // Data1 (4 bytes), Data2 (2), Data3 (2) little-endian; Data4 (8) as written.
  b[0] = hexByte(guid, 6); b[1] = hexByte(guid, 4); b[2] = hexByte(guid, 2); b[3] = hexByte(guid, 0);
  b[4] = hexByte(guid, 11); b[5] = hexByte(guid, 9);
  b[6] = hexByte(guid, 16); b[7] = hexByte(guid, 14);
  b[8] = hexByte(guid, 19); b[9] = hexByte(guid, 21);
  for (let i = 0; i < 6; i++) b[10 + i] = hexByte(guid, 24 + 2 * i);
  let out = '';
  for (let i = 0; i < 15; i += 3) {
    const n = (b[i]! << 16) | (b[i + 1]! << 8) | b[i + 2]!;
    out += B64URL[(n >> 18) & 63]! + B64URL[(n >> 12) & 63]! + B64URL[(n >> 6) & 63]! + B64URL[n & 63]!;
  }
  const last = b[15]!;
  return out + B64URL[last >> 2]! + B64URL[(last & 3) << 4]!;
}

function hex8(x: number): string {
  let s = '';
  for (let i = 28; i >= 0; i -= 4) s += HEX[(x >>> i) & 15]!;
  return s;
}

/**
 * A session id stable for one label (user, device, day), so a user's interactive and
 * non-interactive sign-ins from one device share it, as in real logs.
 */
export function sessionIdFor(label: string): string {
  // One pass over the label, then cheap independent words from it.
  const seed = hash32(label, 0x5e55_1011);
  const a = mix32(seed ^ 0x0bad_cafe);
  const b = mix32(seed + 0x9e37_79b9);
  const c = mix32(seed ^ 0x1234_5678);
  const d = mix32(seed + 0x3c6e_f372);
  if ((a & 7) < 2) {
    // v4-shaped, as some records show.
    const h = hex8(a) + hex8(b) + hex8(c) + hex8(d);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${HEX[8 + (d & 3)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
  const h = '00' + hex8(a).slice(2) + hex8(b) + hex8(c) + hex8(d);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** An AD FS activity id (the Connect Health correlation id): `8-4-4-xx00-0080xxxxxxxx`. */
export function adfsActivityId(rng: Rng): string {
  const h = rng.hex(26);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 18)}00-0080${h.slice(18, 26)}`;
}

/** The all-zero GUID Entra writes for unknown users and missing resource principals. */
export const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';
