/**
 * `entrasim generate`: writes a run's records to a directory in the chosen shape's
 * layout, or to standard output as JSON Lines.
 */
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { CATEGORIES, GRAPH_OF, TABLE_OF, type Category, type GraphVersion, type Shape } from '../core/categories.ts';
import { serializeDiagnostic } from '../core/serialize.ts';
import { generatePlanned, planGeneration, categoriesWithShape, type GenerateOptions } from '../engine/generate.ts';
import { FileSet } from '../output/file-set.ts';
import { diagnosticBlobPath, graphFileName, logAnalyticsFileName } from '../output/layout.ts';
import { csvHeader, csvRow, tableColumns } from '../output/csv.ts';
import { UsageError } from './errors.ts';

export type OutputFormat = 'ndjson' | 'json' | 'csv';

export interface GenerateCommandOptions extends GenerateOptions {
  readonly out: string;
  readonly format?: OutputFormat;
  /** Show a progress bar (default: when stderr is a terminal). */
  readonly progress?: boolean;
}

export interface GenerateSummary {
  readonly records: number;
  readonly bytes: number;
  readonly files: ReadonlyArray<string>;
  readonly perCategory: Readonly<Partial<Record<Category, number>>>;
  readonly skipped: ReadonlyArray<Category>;
  readonly tenantId: string;
}

function checkFormat(shape: Shape, format: OutputFormat): void {
  if (format === 'csv' && shape !== 'loganalytics') {
    throw new UsageError(`--format csv applies to the loganalytics shape only (got --shape ${shape})`);
  }
}

/** Makes sure --out is a writable directory before anything is generated. */
function prepareOut(dir: string): string {
  const full = resolve(dir);
  try {
    mkdirSync(full, { recursive: true });
    if (!statSync(full).isDirectory()) throw new Error('not a directory');
    accessSync(full, constants.W_OK);
  } catch (e) {
    const reason = e instanceof Error && 'code' in e ? String((e as NodeJS.ErrnoException).code) : 'not writable';
    throw new UsageError(`cannot write to --out ${dir}: ${reason}`);
  }
  return full;
}

function fileKey(shape: Shape, format: OutputFormat, category: Category, tenantId: string, envelopeTime: number, graphVersion: GraphVersion): string {
  const ext = format === 'json' ? 'json' : format === 'csv' ? 'csv' : 'ndjson';
  switch (shape) {
    case 'diagnostic':
      return diagnosticBlobPath(category, tenantId, envelopeTime);
    case 'graph':
      return (graphVersion === 'v1.0' ? 'v1.0/' : '') + graphFileName(GRAPH_OF[category]!.entityType, ext);
    case 'loganalytics':
      return logAnalyticsFileName(TABLE_OF[category], ext);
  }
}

export async function runGenerate(options: GenerateCommandOptions, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): Promise<GenerateSummary> {
  const format = options.format ?? 'ndjson';
  const shape = options.shape ?? 'diagnostic';
  const graphVersion = options.graphVersion ?? 'beta';
  checkFormat(shape, format);
  let plan;
  try {
    plan = planGeneration(options);
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const { skipped } = categoriesWithShape(options.categories ?? CATEGORIES, shape, graphVersion);
  for (const c of skipped) stderr.write(`note: ${c} has no Microsoft Graph ${graphVersion} resource; skipped\n`);
  const tenantId = plan.run.tenant.id;
  const toStdout = options.out === '-';
  const perCategory: Partial<Record<Category, number>> = {};
  const expected = options.count;
  const showProgress = (options.progress ?? (stderr as NodeJS.WriteStream).isTTY === true) && !toStdout;
  // With a count the bar shows progress and time left; over a window, the running count.
  const barFormat = expected !== undefined ? 'generating {bar} {value}/{total} records | {eta_formatted} left' : 'generating {value} records | {duration_formatted}';
  const bar = showProgress ? new SingleBar({ format: barFormat, stream: stderr as NodeJS.WriteStream }, Presets.shades_classic) : undefined;

  const serialize = (rec: Record<string, unknown>): string =>
    shape === 'diagnostic' ? serializeDiagnostic(rec as Parameters<typeof serializeDiagnostic>[0]) : JSON.stringify(rec);

  let records = 0;
  if (toStdout) {
    if (format !== 'ndjson') throw new UsageError('--out - writes JSON Lines; use --format ndjson');
    let buffer = '';
    const flush = async (): Promise<void> => {
      if (!buffer) return;
      const ok = stdout.write(buffer);
      buffer = '';
      if (!ok) await new Promise<void>((r) => stdout.once('drain', () => r()));
    };
    for (const r of generatePlanned(plan, options.shard)) {
      buffer += serialize(r.record) + '\n';
      perCategory[r.category] = (perCategory[r.category] ?? 0) + 1;
      records++;
      if (buffer.length > 256 * 1024) await flush();
    }
    await flush();
    return { records, bytes: 0, files: [], perCategory, skipped, tenantId };
  }

  const dir = prepareOut(options.out);
  const columns = new Map<string, string[]>();
  const files = new FileSet({
    dir,
    separator: format === 'json' ? ',' : '\n',
    header: (path) => {
      if (format === 'csv') {
        const table = path.replace(/\.csv$/, '');
        return csvHeader(columnsOf(table)) + '\n';
      }
      if (format !== 'json') return '';
      if (shape === 'diagnostic') return '{"records":[';
      if (shape === 'graph') {
        const entity = path.replace(/^v1\.0\//, '').replace(/\.json$/, '');
        const binding = Object.values(GRAPH_OF).find((b) => b?.entityType === entity);
        return `{"@odata.context":"https://graph.microsoft.com/${graphVersion}/$metadata#${binding?.path ?? entity}","value":[`;
      }
      return '[';
    },
    footer: () => (format !== 'json' ? '' : shape === 'loganalytics' ? ']' : ']}'),
  });
  const columnsOf = (table: string): string[] => {
    let c = columns.get(table);
    if (!c) {
      c = tableColumns(table);
      columns.set(table, c);
    }
    return c;
  };
  try {
    bar?.start(expected ?? 0, 0);
    // One path per category and arrival hour: computed once, not per record.
    const paths = new Map<string, string>();
    for (const r of generatePlanned(plan, options.shard)) {
      const bucket = `${r.category}|${Math.floor(r.envelopeTime / 3_600_000)}`;
      let key = paths.get(bucket);
      if (key === undefined) {
        key = fileKey(shape, format, r.category, tenantId, r.envelopeTime, graphVersion);
        if (paths.size > 100_000) paths.clear();
        paths.set(bucket, key);
      }
      const line = format === 'csv' ? csvRow(columnsOf(TABLE_OF[r.category]), r.record) : serialize(r.record);
      files.write(key, line);
      perCategory[r.category] = (perCategory[r.category] ?? 0) + 1;
      records++;
      if (bar && records % 10_000 === 0) bar.update(records);
    }
    bar?.update(records);
    bar?.stop();
    const written = files.commit();
    return { records, bytes: files.bytesWritten, files: written, perCategory, skipped, tenantId };
  } catch (e) {
    bar?.stop();
    files.abort();
    throw e;
  }
}
