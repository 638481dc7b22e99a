/**
 * Seeded randomness. Every generator takes an `Rng` instead of calling a global,
 * the way faker injects its randomizer, so output is reproducible per seed.
 *
 * sfc32 is used because it is fast in JS (pure 32-bit integer ops) and passes
 * PractRand; `fork(label)` derives independent streams so that adding a field to
 * one generator does not shift the values of every other one.
 */

/** 32-bit FNV-1a, then a murmur3 finaliser: a cheap, well-mixed string hash. */
export function hash32(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** murmur3 fmix32: spreads every input bit over the output. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

const HEX = '0123456789abcdef';
/** Two hex digits per byte, precomputed: GUIDs are the most frequent value in every record. */
const BYTE_HEX: string[] = Array.from({ length: 256 }, (_, i) => (i < 16 ? '0' : '') + i.toString(16));
function hex8(x: number): string {
  return BYTE_HEX[x >>> 24]! + BYTE_HEX[(x >>> 16) & 255]! + BYTE_HEX[(x >>> 8) & 255]! + BYTE_HEX[x & 255]!;
}

export type Weighted<T> = ReadonlyArray<readonly [T, number]>;

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number | string = 1) {
    const s = typeof seed === 'number' ? String(seed) : seed;
    this.a = hash32(s, 0x9e3779b9);
    this.b = hash32(s, 0x243f6a88);
    this.c = hash32(s, 0xb7e15162);
    this.d = 1;
    // Warm up so that similar seeds diverge.
    for (let i = 0; i < 12; i++) this.u32();
  }

  /**
   * The stream of the i-th item of a sequence, from a numeric base seed: cheap (no
   * string hashing), so every generated record can own a stream. That makes record i
   * independent of records before it, which is what sharding and workers need.
   */
  static forIndex(base: number, index: number): Rng {
    const r = Object.create(Rng.prototype) as Rng;
    const lo = index >>> 0;
    const hi = Math.floor(index / 4294967296) >>> 0;
    r.a = mix32(base ^ lo);
    r.b = mix32((r.a + 0x9e3779b9) ^ hi);
    r.c = mix32(r.b ^ Math.imul(lo, 0x85ebca6b));
    r.d = 1;
    for (let i = 0; i < 6; i++) r.u32();
    return r;
  }

  /** A new independent stream derived from this one's seed material and a label. */
  fork(label: string | number): Rng {
    return new Rng(`${this.a}:${this.b}:${this.c}:${label}`);
  }

  /** Uniform 32-bit unsigned integer. */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [min, max] (inclusive). */
  range(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  bool(p = 0.5): boolean {
    return this.next() < p;
  }

  pick<T>(items: ReadonlyArray<T>): T {
    if (items.length === 0) throw new Error('Rng.pick on an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Pick by relative weights: `[[value, weight], …]`. */
  weighted<T>(table: Weighted<T>): T {
    let total = 0;
    for (const [, w] of table) total += w;
    let r = this.next() * total;
    for (const [v, w] of table) {
      r -= w;
      if (r < 0) return v;
    }
    return table[table.length - 1]![0];
  }

  /** Standard normal variate (Box–Muller). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Exponential variate with the given mean (inter-arrival times). */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** n lower-case hex digits. */
  hex(n: number): string {
    let s = '';
    while (s.length < n) s += hex8(this.u32());
    return s.length === n ? s : s.slice(0, n);
  }

  /** RFC 4122 version-4 GUID, lower case, as Entra writes ids. */
  uuid(): string {
    const a = hex8(this.u32());
    const b = hex8(this.u32());
    const c = hex8(this.u32());
    const d = hex8(this.u32());
    const variant = HEX[8 + (this.u32() & 3)];
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4, 8)}${d}`;
  }

  /** Base64url-ish token characters (uniqueTokenIdentifier, session ids). */
  token(n: number): string {
    const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let s = '';
    for (let i = 0; i < n; i++) s += chars[this.u32() & 63];
    return s;
  }

  /** Shuffle a copy of a list (Fisher–Yates). */
  shuffle<T>(items: ReadonlyArray<T>): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = out[i] as T;
      out[i] = out[j] as T;
      out[j] = t;
    }
    return out;
  }
}

/** A GUID derived from a label alone: stable ids for tenant objects without storing them. */
export function stableUuid(label: string): string {
  return new Rng(label).uuid();
}
