/**
 * Storage-account layout on local disk, for users without Azure:
 * `<root>/insights-logs-<category>/tenantId=<tenant>/y=…/m=…/d=…/h=…/m=00/PT1H.json`,
 * JSON Lines appended as records arrive, bucketed by arrival hour like the blob sink.
 */
import { join } from 'node:path';
import { containerFor, hourBlobName } from './blob-layout.ts';
import { FileAppender, type FileAppenderOptions, type FileAppenderStats } from './file-appender.ts';
import { arrivalOf, type RecordSink } from './routed-record.ts';

export interface FolderSinkOptions extends FileAppenderOptions {
  readonly root: string;
  readonly tenantId: string;
  /** Default '\n'. */
  readonly lineEnding?: '\n' | '\r\n';
  /** Share one appender (and its open-handle bound) between sinks; the sink then only flushes it. */
  readonly appender?: FileAppender;
}

export interface FolderSink extends RecordSink {
  stats(): FileAppenderStats;
  /** Path of the file a record lands in. */
  pathFor(category: Parameters<typeof containerFor>[0], arrivalMs: number): string;
}

export function createFolderSink(options: FolderSinkOptions): FolderSink {
  const appender = options.appender ?? new FileAppender(options);
  const owned = !options.appender;
  const lineEnding = options.lineEnding ?? '\n';
  let closing = false;
  const pathFor = (category: Parameters<typeof containerFor>[0], arrivalMs: number): string =>
    join(options.root, containerFor(category), ...hourBlobName(options.tenantId, arrivalMs).split('/'));
  return {
    pathFor,
    async write(record) {
      if (closing) throw new Error('folder sink is closed');
      await appender.append(pathFor(record.category, arrivalOf(record)), record.diagnostic + lineEnding);
    },
    flush: () => appender.flush(),
    async close() {
      closing = true;
      await (owned ? appender.close() : appender.flush());
    },
    stats: () => appender.stats(),
  };
}
