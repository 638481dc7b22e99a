/**
 * Appends text to many files with a bounded number of open handles: buffered per file
 * (KeyedBatcher), written in chunks, handles kept in a least-recently-used cache of
 * `maxOpenFiles` and closed when evicted. Used by the folder, workspace and event-hub-folder
 * destinations, which can touch one file per category per hour.
 */
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { backoffDelay, sleep } from './backoff.ts';
import { KeyedBatcher } from './keyed-batcher.ts';

export interface FileAppenderOptions {
  /** Open file handles at most. Default 16. */
  readonly maxOpenFiles?: number;
  /** How long text may wait for more before it is written, ms. Default 200. */
  readonly lingerMs?: number;
  /** Largest single write. Default 1 MiB. */
  readonly maxChunkBytes?: number;
  /** Buffer bound; `append` waits beyond it. Default 64 MiB. */
  readonly maxBufferedBytes?: number;
  readonly onError?: (error: Error, context: { readonly path: string; readonly attempt: number; readonly gaveUpItems?: number }) => void;
}

export interface FileAppenderStats {
  readonly items: number;
  readonly writes: number;
  readonly bytes: number;
  readonly retries: number;
  readonly bufferedItems: number;
  readonly openFiles: number;
  /** Most handles open at the same time. */
  readonly peakOpenFiles: number;
}

export class FileAppender {
  private readonly handles = new Map<string, FileHandle>();
  private readonly madeDirs = new Set<string>();
  private readonly batcher: KeyedBatcher;
  private readonly maxOpen: number;
  private readonly onError: NonNullable<FileAppenderOptions['onError']>;
  private retries = 0;
  private peakOpen = 0;
  /** Handles open at the OS level (including ones being closed). */
  private osOpen = 0;
  /** Slots reserved by opens in progress. */
  private opening = 0;
  /** Paths with a write in progress: their handles must not be evicted. */
  private readonly inUse = new Set<string>();

  constructor(options: FileAppenderOptions = {}) {
    this.maxOpen = Math.max(1, options.maxOpenFiles ?? 16);
    const userOnError = options.onError ?? (() => undefined);
    this.onError = (error, context) => {
      try {
        userOnError(error, context);
      } catch {
        // reporting is best effort; the write loop must go on
      }
    };
    // Concurrency equal to the handle bound: every in-progress write holds one handle.
    this.batcher = new KeyedBatcher({
      maxChunkBytes: options.maxChunkBytes ?? 1024 * 1024,
      lingerMs: options.lingerMs ?? 200,
      maxBufferedBytes: options.maxBufferedBytes ?? 64 * 1024 * 1024,
      concurrency: this.maxOpen,
      // Files have no block limit: a line longer than a chunk is written on its own.
      allowOversizeItems: true,
      writeChunk: (path, chunk) => this.writeWithRetry(path, chunk),
      onGiveUp: (path, items, error) => this.onError(error, { path, attempt: 0, gaveUpItems: items }),
    });
  }

  append(path: string, text: string): Promise<void> {
    return this.batcher.add(path, text);
  }

  flush(): Promise<void> {
    return this.batcher.drain();
  }

  async close(): Promise<void> {
    try {
      await this.batcher.drain();
    } finally {
      this.batcher.stop();
      const handles = [...this.handles.values()];
      this.handles.clear();
      await Promise.all(handles.map((h) => this.closeHandle(h)));
    }
  }

  stats(): FileAppenderStats {
    const c = this.batcher.counters;
    return {
      items: c.items,
      writes: c.chunks,
      bytes: c.bytes,
      retries: this.retries,
      bufferedItems: this.batcher.buffered,
      openFiles: this.osOpen,
      peakOpenFiles: this.peakOpen,
    };
  }

  private async handleFor(path: string): Promise<FileHandle> {
    const cached = this.handles.get(path);
    if (cached) {
      // Re-insert to mark it most recently used.
      this.handles.delete(path);
      this.handles.set(path, cached);
      return cached;
    }
    // Reserve a slot synchronously, then evict idle handles until open + reserved fits the bound.
    // Writes run at most maxOpen at a time, each on its own path, so an idle handle always exists.
    this.opening++;
    try {
      const evicted: FileHandle[] = [];
      for (const [oldPath, oldHandle] of this.handles) {
        if (this.handles.size + this.opening <= this.maxOpen) break;
        if (this.inUse.has(oldPath)) continue;
        this.handles.delete(oldPath);
        evicted.push(oldHandle);
      }
      await Promise.all(evicted.map((h) => this.closeHandle(h)));
      const dir = dirname(path);
      if (!this.madeDirs.has(dir)) {
        await mkdir(dir, { recursive: true });
        this.madeDirs.add(dir);
      }
      const handle = await open(path, 'a');
      this.osOpen++;
      this.peakOpen = Math.max(this.peakOpen, this.osOpen);
      this.handles.set(path, handle);
      return handle;
    } finally {
      this.opening--;
    }
  }

  private async closeHandle(handle: FileHandle): Promise<void> {
    try {
      await handle.close();
    } catch {
      // Already closed or broken: nothing left to release.
    } finally {
      this.osOpen--;
    }
  }

  private async writeWithRetry(path: string, chunk: Buffer): Promise<void> {
    // Bytes already written survive a failed attempt; a retry writes only the rest (no duplicates).
    let offset = 0;
    this.inUse.add(path);
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          const handle = await this.handleFor(path);
          // Opened with O_APPEND: every write lands at the current end of the file.
          while (offset < chunk.length) offset += (await handle.write(chunk, offset)).bytesWritten;
          return;
        } catch (err) {
          const stale = this.handles.get(path);
          this.handles.delete(path);
          if (stale) await this.closeHandle(stale);
          this.madeDirs.delete(dirname(path));
          this.retries++;
          this.onError(err as Error, { path, attempt });
          if (attempt >= 5) throw err;
          await sleep(backoffDelay(attempt, { initialDelayMs: 50, maxDelayMs: 2000 }));
        }
      }
    } finally {
      this.inUse.delete(path);
    }
  }
}
