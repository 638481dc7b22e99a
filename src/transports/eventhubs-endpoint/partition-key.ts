/**
 * Partition key → partition index, using the same Jenkins lookup3 hash as the service and as
 * @azure/event-hubs' buffered producer (impl/partitionKeyToIdMapper, MIT), so events routed by
 * key here land where a client-side mapping expects them.
 */

export function partitionIndexForKey(partitionKey: string, partitionCount: number): number {
  const { b, c } = lookup3(Buffer.from(partitionKey, 'utf8'));
  const hash = new Int16Array([c ^ b])[0];
  return Math.abs(hash % partitionCount);
}

// Arithmetic is done on doubles and folded to 32 bits by the bit operators, exactly as the
// reference implementation does, so results match it bit for bit.
function lookup3(data: Buffer): { b: number; c: number } {
  let a: number;
  let b: number;
  let c: number;
  a = b = c = 0xdeadbeef + data.length;
  let index = 0;
  let size = data.length;
  while (size > 12) {
    a += data.readUInt32LE(index);
    b += data.readUInt32LE(index + 4);
    c += data.readUInt32LE(index + 8);
    a -= c; a ^= (c << 4) | (c >>> 28); c += b;
    b -= a; b ^= (a << 6) | (a >>> 26); a += c;
    c -= b; c ^= (b << 8) | (b >>> 24); b += a;
    a -= c; a ^= (c << 16) | (c >>> 16); c += b;
    b -= a; b ^= (a << 19) | (a >>> 13); a += c;
    c -= b; c ^= (b << 4) | (b >>> 28); b += a;
    index += 12;
    size -= 12;
  }
  // The reference falls through its switch; unrolled here as cumulative tail reads.
  switch (size) {
    case 12:
      a += data.readUInt32LE(index);
      b += data.readUInt32LE(index + 4);
      c += data.readUInt32LE(index + 8);
      break;
    case 11:
    case 10:
    case 9:
      if (size >= 11) c += data[index + 10] << 16;
      if (size >= 10) c += data[index + 9] << 8;
      c += data[index + 8];
      b += data.readUInt32LE(index + 4);
      a += data.readUInt32LE(index);
      break;
    case 8:
      b += data.readUInt32LE(index + 4);
      a += data.readUInt32LE(index);
      break;
    case 7:
    case 6:
    case 5:
      if (size >= 7) b += data[index + 6] << 16;
      if (size >= 6) b += data[index + 5] << 8;
      b += data[index + 4];
      a += data.readUInt32LE(index);
      break;
    case 4:
      a += data.readUInt32LE(index);
      break;
    case 3:
    case 2:
    case 1:
      if (size >= 3) a += data[index + 2] << 16;
      if (size >= 2) a += data[index + 1] << 8;
      a += data[index];
      break;
    case 0:
      return { b: b >>> 0, c: c >>> 0 };
  }
  c ^= b; c -= (b << 14) | (b >>> 18);
  a ^= c; a -= (c << 11) | (c >>> 21);
  b ^= a; b -= (a << 25) | (a >>> 7);
  c ^= b; c -= (b << 16) | (b >>> 16);
  a ^= c; a -= (c << 4) | (c >>> 28);
  b ^= a; b -= (a << 14) | (a >>> 18);
  c ^= b; c -= (b << 24) | (b >>> 8);
  return { b: b >>> 0, c: c >>> 0 };
}
