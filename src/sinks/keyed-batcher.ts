/**
 * Buffers text per key (a blob, a file) and hands it to a writer in chunks of whole items:
 * when a key's buffer reaches `maxChunkBytes`, or after `lingerMs`, or on drain. One chunk per
 * key is in progress at a time (appends to one blob/file stay in order); up to `concurrency`
 * keys are written at once. The total buffer is bounded, so `add` waits when it is full.
 */
import { Capacity } from './capacity.ts';

export interface KeyedBatcherOptions {
  readonly maxChunkBytes: number;
  readonly lingerMs: number;
  readonly maxBufferedBytes: number;
  readonly concurrency: number;
  /** Write an item larger than maxChunkBytes as a chunk of its own (files) instead of giving it up (blocks). */
  readonly allowOversizeItems?: boolean;
  /** Writes one chunk for a key. It retries internally; a rejection means the chunk is given up. */
  readonly writeChunk: (key: string, chunk: Buffer, items: number) => Promise<void>;
  /** Told about chunks given up (writer rejected) and single items larger than a chunk. */
  readonly onGiveUp: (key: string, items: number, error: Error) => void;
}

interface KeyBuffer {
  readonly key: string;
  items: string[];
  bytes: number;
  openedAt: number;
  lastUsed: number;
  busy: boolean;
}

const IDLE_FORGET_MS = 10 * 60 * 1000;

export class KeyedBatcher {
  private readonly buffers = new Map<string, KeyBuffer>();
  private readonly capacity: Capacity;
  private readonly slots: Capacity;
  private readonly timer: NodeJS.Timeout;
  private bufferedItems = 0;
  private running = 0;
  private waiters: Array<() => void> = [];
  /** Items written, chunks written, bytes written, items given up. */
  readonly counters = { items: 0, chunks: 0, bytes: 0, givenUp: 0 };

  constructor(private readonly options: KeyedBatcherOptions) {
    this.capacity = new Capacity(options.maxBufferedBytes);
    this.slots = new Capacity(Math.max(1, options.concurrency));
    this.timer = setInterval(() => this.scheduleDue(false), Math.max(10, Math.floor(options.lingerMs / 2)));
    this.timer.unref();
  }

  get buffered(): number {
    return this.bufferedItems;
  }

  async add(key: string, text: string): Promise<void> {
    const bytes = Buffer.byteLength(text, 'utf8');
    await this.capacity.acquire(bytes);
    this.bufferedItems++;
    let buf = this.buffers.get(key);
    if (!buf) {
      buf = { key, items: [], bytes: 0, openedAt: 0, lastUsed: 0, busy: false };
      this.buffers.set(key, buf);
    }
    buf.lastUsed = Date.now();
    if (buf.items.length === 0) buf.openedAt = buf.lastUsed;
    buf.items.push(text);
    buf.bytes += bytes;
    if (buf.bytes >= this.options.maxChunkBytes) this.schedule(buf);
  }

  /** Resolves when every added item has been written or given up. */
  async drain(): Promise<void> {
    for (;;) {
      this.scheduleDue(true);
      if (this.bufferedItems === 0 && this.capacity.waiting === 0 && this.running === 0) return;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private progress(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  private scheduleDue(all: boolean): void {
    const now = Date.now();
    for (const buf of this.buffers.values()) {
      if (buf.busy) continue;
      if (buf.items.length > 0) {
        if (all || buf.bytes >= this.options.maxChunkBytes || now - buf.openedAt >= this.options.lingerMs) this.schedule(buf);
      } else if (now - buf.lastUsed > IDLE_FORGET_MS) {
        this.buffers.delete(buf.key); // an hour long past: stop tracking it
      }
    }
  }

  private schedule(buf: KeyBuffer): void {
    if (buf.busy) return;
    buf.busy = true;
    this.running++;
    void (async () => {
      await this.slots.acquire(1);
      try {
        await this.writeAll(buf);
      } finally {
        this.slots.release(1);
        buf.busy = false;
        this.running--;
        // Items that arrived meanwhile and already fill a chunk go right away.
        if (buf.bytes >= this.options.maxChunkBytes) this.schedule(buf);
        this.progress();
      }
    })();
  }

  private async writeAll(buf: KeyBuffer): Promise<void> {
    while (buf.items.length > 0) {
      let take = 0;
      let bytes = 0;
      for (; take < buf.items.length; take++) {
        const b = Buffer.byteLength(buf.items[take]!, 'utf8');
        if (take > 0 && bytes + b > this.options.maxChunkBytes) break;
        bytes += b;
      }
      const items = buf.items.splice(0, take);
      buf.bytes -= bytes;
      try {
        if (bytes > this.options.maxChunkBytes && !this.options.allowOversizeItems) throw new Error(`A ${bytes}-byte item exceeds the ${this.options.maxChunkBytes}-byte chunk limit`);
        await this.options.writeChunk(buf.key, Buffer.from(items.join(''), 'utf8'), items.length);
        this.counters.items += items.length;
        this.counters.chunks++;
        this.counters.bytes += bytes;
      } catch (err) {
        this.counters.givenUp += items.length;
        try {
          this.options.onGiveUp(buf.key, items.length, err as Error);
        } catch {
          // reporting is best effort; the loop must go on
        }
      } finally {
        this.bufferedItems -= items.length;
        this.capacity.release(bytes);
      }
    }
  }
}
