/**
 * Storage-account destination: PT1H.json append blobs as Azure Monitor writes them
 * (notes §B): JSON Lines, one container per category, one blob per arrival hour.
 *
 * Lines are buffered per blob and appended in blocks of at most `maxBlockBytes` (4 MiB,
 * the classic append-block limit), never splitting a line. Containers and blobs are created
 * on first use; a blob that already exists (another writer, or an earlier run) is appended to.
 * Every append carries the expected append position, so a retry after a lost response cannot
 * write a block twice: a 412 with the blob already grown by exactly our block means it landed.
 */
import { BlobServiceClient, type AppendBlobClient, type ContainerClient } from '@azure/storage-blob';
import { backoffDelay, drainWithin, sleep, type BackoffOptions } from './backoff.ts';
import { containerFor, hourBlobName } from './blob-layout.ts';
import { KeyedBatcher } from './keyed-batcher.ts';
import { arrivalOf, type CloseOptions, type RecordSink } from './routed-record.ts';

export interface BlobSinkOptions {
  /** Storage connection string (Azure or Azurite). Either this or `serviceClient`. */
  readonly connectionString?: string;
  readonly serviceClient?: BlobServiceClient;
  /** Tenant GUID in the blob path. */
  readonly tenantId: string;
  /** Line end; Azure's blobs have been seen with both. Default '\n'. */
  readonly lineEnding?: '\n' | '\r\n';
  /** Largest append block. Default 4 MiB. */
  readonly maxBlockBytes?: number;
  /** How long lines may wait for more before a partial block is appended, ms. Default 1000. */
  readonly lingerMs?: number;
  /** Buffer bound (bytes of line text); `write` waits beyond it. Default 64 MiB. */
  readonly maxBufferedBytes?: number;
  /** Blobs appended to concurrently. Default 8. */
  readonly concurrency?: number;
  readonly backoff?: BackoffOptions;
  /** Told about failed attempts (retried) and records given up. */
  readonly onError?: (error: Error, context: { readonly blob: string; readonly attempt: number; readonly gaveUpRecords?: number }) => void;
}

export interface BlobSinkStats {
  readonly records: number;
  readonly blocks: number;
  readonly bytes: number;
  readonly retries: number;
  /** Records that can never be appended (a line above the block limit). */
  readonly droppedRecords: number;
  readonly bufferedRecords: number;
  /** Distinct blobs appended to. */
  readonly blobs: number;
}

export interface BlobSink extends RecordSink {
  stats(): BlobSinkStats;
}

interface BlobState {
  readonly container: string;
  readonly client: AppendBlobClient;
  /** Blob length as far as this sink knows; undefined until the blob is ensured. */
  length: number | undefined;
}

const errorCode = (err: unknown): string | undefined => {
  const e = err as { code?: string; details?: { errorCode?: string } } | undefined;
  return e?.code ?? e?.details?.errorCode;
};

export function createBlobSink(options: BlobSinkOptions): BlobSink {
  const service =
    options.serviceClient ??
    (options.connectionString ? BlobServiceClient.fromConnectionString(options.connectionString) : undefined);
  if (!service) throw new Error('createBlobSink needs a connectionString or a serviceClient');
  const lineEnding = options.lineEnding ?? '\n';
  const userOnError = options.onError ?? (() => undefined);
  const onError: typeof userOnError = (error, context) => {
    try {
      userOnError(error, context);
    } catch {
      // reporting is best effort; the append loop must go on
    }
  };
  const containers = new Map<string, ContainerClient>();
  const readyContainers = new Set<string>();
  const blobs = new Map<string, BlobState>();
  const written = new Set<string>();
  let retries = 0;
  let closing = false;
  let closed = false;
  const abortController = new AbortController();
  const signal = abortController.signal;

  const batcher = new KeyedBatcher({
    maxChunkBytes: options.maxBlockBytes ?? 4 * 1024 * 1024,
    lingerMs: options.lingerMs ?? 1000,
    maxBufferedBytes: options.maxBufferedBytes ?? 64 * 1024 * 1024,
    concurrency: options.concurrency ?? 8,
    writeChunk: (key, chunk) => appendWithRetry(key, chunk),
    onGiveUp: (key, items, error) => onError(error, { blob: key, attempt: 0, gaveUpRecords: items }),
  });

  function stateFor(key: string): BlobState {
    let state = blobs.get(key);
    if (!state) {
      const slash = key.indexOf('/');
      const container = key.slice(0, slash);
      let c = containers.get(container);
      if (!c) {
        c = service!.getContainerClient(container);
        containers.set(container, c);
      }
      state = { container, client: c.getAppendBlobClient(key.slice(slash + 1)), length: undefined };
      blobs.set(key, state);
    }
    return state;
  }

  async function ensureBlob(state: BlobState): Promise<void> {
    if (state.length !== undefined) return;
    if (!readyContainers.has(state.container)) {
      await containers.get(state.container)!.createIfNotExists({ abortSignal: signal });
      readyContainers.add(state.container);
    }
    // createIfNotExists swallows the 409 when another writer created the blob first.
    const created = await state.client.createIfNotExists({ abortSignal: signal });
    state.length = created.succeeded ? 0 : ((await state.client.getProperties({ abortSignal: signal })).contentLength ?? 0);
  }

  async function appendWithRetry(key: string, body: Buffer): Promise<void> {
    const state = stateFor(key);
    for (let attempt = 0; ; attempt++) {
      try {
        await ensureBlob(state);
        await state.client.appendBlock(body, body.length, { conditions: { appendPosition: state.length }, abortSignal: signal });
        state.length! += body.length;
        written.add(key);
        return;
      } catch (err) {
        // close() timed out: give this block up (the batcher counts it).
        if (signal.aborted) throw err;
        const code = errorCode(err);
        if (code === 'ContainerNotFound') {
          readyContainers.delete(state.container);
          state.length = undefined;
        } else if (code === 'BlobNotFound') {
          state.length = undefined;
        } else if (code === 'AppendPositionConditionNotMet') {
          const expected = state.length;
          const actual = (await state.client.getProperties({ abortSignal: signal }).catch(() => undefined))?.contentLength;
          if (actual !== undefined && expected !== undefined && actual === expected + body.length) {
            // An earlier attempt whose response was lost did append this block.
            state.length = actual;
            written.add(key);
            return;
          }
          state.length = actual;
        }
        retries++;
        onError(err as Error, { blob: key, attempt });
        // Re-creating a vanished container or blob deserves an immediate retry; anything else backs off.
        if (attempt > 0 || (code !== 'ContainerNotFound' && code !== 'BlobNotFound')) {
          await sleep(backoffDelay(attempt, options.backoff), signal);
          if (signal.aborted) throw err;
        }
      }
    }
  }

  return {
    async write(record) {
      if (closing) throw new Error('blob sink is closed');
      const key = `${containerFor(record.category)}/${hourBlobName(options.tenantId, arrivalOf(record))}`;
      await batcher.add(key, record.diagnostic + lineEnding);
    },
    flush: () => batcher.drain(),
    async close(closeOptions: CloseOptions = {}) {
      if (closed) return;
      closing = true;
      const dropped = batcher.counters.givenUp;
      let timedOut = false;
      try {
        timedOut = await drainWithin(() => batcher.drain(), closeOptions.timeoutMs, () => abortController.abort());
      } finally {
        closed = true;
        batcher.stop();
      }
      if (timedOut) {
        throw new Error(`blob sink close timed out after ${closeOptions.timeoutMs} ms; ${batcher.counters.givenUp - dropped} record(s) were not delivered`);
      }
    },
    stats() {
      const c = batcher.counters;
      return { records: c.items, blocks: c.chunks, bytes: c.bytes, retries, droppedRecords: c.givenUp, bufferedRecords: batcher.buffered, blobs: written.size };
    },
  };
}
