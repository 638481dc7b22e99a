/**
 * The raw write limit: bytes serialised once, up front, then written to disk the way
 * entrasim's FileSet writes (synchronous `writeSync` of 256 KB chunks, no fsync), so the
 * only cost left is the write path itself. entrasim's file output is judged against it.
 */
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';

/** FileSet flushes at 256 KB: the raw writer uses the same chunk size. */
export const DEFAULT_CHUNK_BYTES = 256 * 1024;

/**
 * Joins JSON lines into one buffer of about `targetBytes` (whole lines, each ending in `\n`),
 * drawing from `next` until the target is reached. Built once, outside any timing.
 */
export function buildLineBuffer(next: () => string, targetBytes: number): { buffer: Buffer; lines: number } {
  const parts: string[] = [];
  let size = 0;
  let lines = 0;
  while (size < targetBytes || lines === 0) {
    const line = next() + '\n';
    parts.push(line);
    size += Buffer.byteLength(line);
    lines++;
  }
  return { buffer: Buffer.from(parts.join('')), lines };
}

export interface RawWriteResult {
  readonly bytes: number;
  readonly writes: number;
  /** Until the last write returned: the data is in the page cache. */
  readonly seconds: number;
  /** Until fsync returned: the data is on the device (null with `fsync: false`). */
  readonly durableSeconds: number | null;
  /** Records written (whole copies of the buffer times its lines). */
  readonly records: number;
}

/**
 * Writes whole copies of `buffer` to `path` until at least `minBytes` are written, in
 * `chunkBytes` pieces (views into the buffer, no copying). Whole copies keep the file valid
 * JSON Lines. Times the writes (from open), then the fsync that puts them on the device.
 */
export function writeRaw(
  buffer: Buffer,
  path: string,
  minBytes: number,
  options: { chunkBytes?: number; linesPerBuffer?: number; fsync?: boolean } = {},
): RawWriteResult {
  const chunk = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  if (buffer.length === 0) throw new RangeError('raw write needs a non-empty buffer');
  const copies = Math.max(1, Math.ceil(minBytes / buffer.length));
  const started = performance.now();
  const fd = openSync(path, 'w');
  let writes = 0;
  let bytes = 0;
  let seconds = 0;
  let durableSeconds: number | null = null;
  try {
    for (let c = 0; c < copies; c++) {
      for (let off = 0; off < buffer.length; ) {
        const end = Math.min(off + chunk, buffer.length);
        // writeSync may write less than asked (rarely, on regular files): loop until done.
        off += writeSync(fd, buffer, off, end - off);
        writes++;
      }
      bytes += buffer.length;
    }
    seconds = (performance.now() - started) / 1000;
    if (options.fsync !== false) {
      fsyncSync(fd);
      durableSeconds = (performance.now() - started) / 1000;
    }
  } finally {
    closeSync(fd);
  }
  return { bytes, writes, seconds, durableSeconds, records: copies * (options.linesPerBuffer ?? 0) };
}
