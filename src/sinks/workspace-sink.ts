/**
 * Log Analytics workspace stand-in: each category's rows appended as NDJSON to
 * `<directory>/<Table>.ndjson` (table per category from TABLE_OF unless the record names one).
 */
import { join } from 'node:path';
import { TABLE_OF } from '../core/categories.ts';
import { FileAppender, type FileAppenderOptions, type FileAppenderStats } from './file-appender.ts';
import type { RecordSink } from './routed-record.ts';

export interface WorkspaceSinkOptions extends FileAppenderOptions {
  /** The workspace directory. */
  readonly directory: string;
  readonly appender?: FileAppender;
}

export interface WorkspaceSink extends RecordSink {
  stats(): FileAppenderStats & { readonly skippedRecords: number };
}

export function createWorkspaceSink(options: WorkspaceSinkOptions): WorkspaceSink {
  const appender = options.appender ?? new FileAppender(options);
  const owned = !options.appender;
  let skipped = 0;
  let closing = false;
  return {
    async write(record) {
      if (closing) throw new Error('workspace sink is closed');
      if (!record.logAnalytics) {
        // The engine did not render the Log Analytics shape for this record: nothing to store.
        skipped++;
        return;
      }
      const table = record.table ?? TABLE_OF[record.category];
      await appender.append(join(options.directory, `${table}.ndjson`), JSON.stringify(record.logAnalytics) + '\n');
    },
    flush: () => appender.flush(),
    async close() {
      closing = true;
      await (owned ? appender.close() : appender.flush());
    },
    stats: () => ({ ...appender.stats(), skippedRecords: skipped }),
  };
}
