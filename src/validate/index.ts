/**
 * `entrasim validate <file|dir>…`: checks files of any shape entrasim writes (or Entra delivers)
 * against the generated schemas. Files are streamed line by line; only a multi-line JSON document
 * (a pretty-printed Graph page) is read whole, and only below a size limit.
 */
import { createReadStream } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  findSchemaEntry,
  formatErrors,
  laColumns,
  loadSchemas,
  validatorFor,
  type GraphVersion,
  type KustoColumn,
  type SchemaProblem,
  type Shape,
} from '../schemas/index.ts';
import { CsvParser, type CsvRow } from './csv.ts';

export interface Problem {
  file: string;
  /** 1-based line where the offending JSON value / CSV row starts (0: the file as a whole). */
  line: number;
  /** JSON pointer inside that value (`/records/0/properties/userId`, `/value/3/id`, `/UserType`). */
  pointer: string;
  message: string;
}

export interface ValidateSummary {
  files: number;
  records: number;
  invalid: number;
  problems: number;
}

export interface ValidateOptions {
  /** Largest multi-line JSON document read whole (default 64 MiB). */
  maxDocumentBytes?: number;
  /** Longest single line accepted (default 256 MiB). */
  maxLineBytes?: number;
}

/** A command-line usage error (missing path, nothing to check): exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const SCANNED_EXTENSIONS = /\.(json|jsonl|ndjson|csv)$/i;

/** Files to check: named files as given, directories walked recursively (sorted, dot-entries skipped). */
export async function collectFiles(paths: readonly string[]): Promise<string[]> {
  if (paths.length === 0) throw new UsageError('no file or directory given');
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (f: string): void => {
    if (!seen.has(f)) {
      seen.add(f);
      out.push(f);
    }
  };
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && SCANNED_EXTENSIONS.test(e.name)) add(p);
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = await stat(p);
    } catch {
      throw new UsageError(`no such file or directory: ${p}`);
    }
    if (st.isDirectory()) await walk(p);
    else add(p);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Shape detection
// ---------------------------------------------------------------------------------------------

/** What a file name says about its content. */
export type PathHint = { shape: 'graph'; entityType: string; version: GraphVersion } | { shape: 'loganalytics'; table: string } | undefined;

/** Graph version named by a path: `v1.0` when a path segment or name part is `v1.0`, else beta. */
function versionFromPath(file: string): GraphVersion {
  return /(^|[\\/._-])v1\.0([\\/._-]|$)/.test(file) ? 'v1.0' : 'beta';
}

/** `<entityType>.ndjson` (beta unless the path mentions v1.0) or `<Table>.ndjson|.csv`. */
export function hintFromPath(file: string): PathHint {
  const name = basename(file).replace(/\.(json|jsonl|ndjson|csv)$/i, '');
  const { entries } = loadSchemas();
  const version = versionFromPath(file);
  if (entries.some((e) => e.shape === 'graph' && e.entityType === name)) {
    const v = entries.some((e) => e.shape === 'graph' && e.entityType === name && e.version === version) ? version : 'beta';
    return { shape: 'graph', entityType: name, version: v };
  }
  if (entries.some((e) => e.shape === 'loganalytics' && e.table === name)) return { shape: 'loganalytics', table: name };
  return undefined;
}

/**
 * Entity type and version from an `@odata.context`, e.g.
 * `…/beta/$metadata#auditLogs/signIns` → beta signIn,
 * `…/v1.0/$metadata#identityProtection/riskyUsers('…')/history` → v1.0 riskyUserHistoryItem.
 */
export function entityFromContext(context: string, fallbackVersion: GraphVersion = 'beta'): { entityType: string; version: GraphVersion } | undefined {
  const hash = context.indexOf('#');
  const base = hash >= 0 ? context.slice(0, hash) : context;
  const version: GraphVersion = /\/v1\.0\//i.test(base) ? 'v1.0' : /\/beta\//i.test(base) ? 'beta' : fallbackVersion;
  if (hash < 0) return undefined;
  const path = context
    .slice(hash + 1)
    .replace(/\/\$entity$/, '')
    .replace(/\([^)]*\)/g, '') // keys and $select lists
    .replace(/^\/+|\/+$/g, '')
    .toLowerCase();
  const graph = loadSchemas().entries.filter((e) => e.shape === 'graph' && e.version === version);
  const exact = graph.find((e) => (e.odataPaths ?? []).some((p) => p.toLowerCase() === path));
  if (exact?.entityType) return { entityType: exact.entityType, version };
  const suffix = graph.filter((e) => (e.odataPaths ?? []).some((p) => p.toLowerCase().endsWith(`/${path}`)));
  if (suffix.length === 1 && suffix[0].entityType) return { entityType: suffix[0].entityType, version };
  // Docs sometimes use the type name itself (`$metadata#riskyServicePrincipal`).
  const last = path.split('/').pop() ?? '';
  const byName = graph.find((e) => e.entityType?.toLowerCase() === last);
  if (byName?.entityType) return { entityType: byName.entityType, version };
  return undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

// ---------------------------------------------------------------------------------------------
// Per-value validation
// ---------------------------------------------------------------------------------------------

interface Ctx {
  file: string;
  line: number;
  hint: PathHint;
  stats: ValidateSummary;
  /** Whole-document mode: start line of each element of the top-level arrays ('' root, '/value', '/records'). */
  elementLines?: Map<string, number[]>;
}

/** The context for element i of the array at `arrayPointer` (its own start line when known). */
function at(ctx: Ctx, arrayPointer: string, i: number): Ctx {
  const line = ctx.elementLines?.get(arrayPointer)?.[i];
  return line === undefined ? ctx : { ...ctx, line };
}

function schemaProblems(shape: Shape, key: string, value: unknown, version?: GraphVersion): SchemaProblem[] {
  const validate = validatorFor(shape, key, version);
  return validate(value) ? [] : formatErrors(validate.errors ?? []);
}

/** Counts one record and reports its problems. */
function check(ctx: Ctx, prefix: string, shape: Shape, key: string, value: unknown, version?: GraphVersion): Problem[] {
  ctx.stats.records++;
  return record(ctx, prefix, schemaProblems(shape, key, value, version));
}

function record(ctx: Ctx, prefix: string, problems: SchemaProblem[]): Problem[] {
  if (problems.length === 0) return [];
  ctx.stats.invalid++;
  ctx.stats.problems += problems.length;
  return problems.map((p) => ({ file: ctx.file, line: ctx.line, pointer: prefix + p.pointer, message: p.message }));
}

function fail(ctx: Ctx, pointer: string, message: string): Problem[] {
  ctx.stats.records++;
  return record(ctx, '', [{ pointer, message }]);
}

function checkDiagnostic(ctx: Ctx, prefix: string, rec: unknown): Problem[] {
  if (!isObject(rec)) return fail(ctx, prefix, `diagnostic record must be an object (got ${rec === null ? 'null' : Array.isArray(rec) ? 'array' : typeof rec})`);
  const category = rec.category;
  if (typeof category !== 'string') return fail(ctx, `${prefix}/category`, 'required property is missing (cannot pick a schema)');
  if (!findSchemaEntry('diagnostic', category)) return fail(ctx, `${prefix}/category`, `no schema for diagnostic category ${JSON.stringify(category)}`);
  return check(ctx, prefix, 'diagnostic', category, rec);
}

function checkValue(ctx: Ctx, prefix: string, value: unknown): Problem[] {
  if (Array.isArray(value)) {
    // A bare array (some docs examples): judge each element on its own.
    return value.flatMap((v, i) => checkValue(at(ctx, prefix, i), `${prefix}/${i}`, v));
  }
  if (!isObject(value)) return fail(ctx, prefix, `expected a JSON object (got ${value === null ? 'null' : typeof value})`);
  if (Array.isArray(value.records)) {
    return value.records.flatMap((r, i) => checkDiagnostic(at(ctx, `${prefix}/records`, i), `${prefix}/records/${i}`, r));
  }
  const context = value['@odata.context'];
  if (Array.isArray(value.value) && (typeof context === 'string' || value.category === undefined)) {
    const hinted = ctx.hint?.shape === 'graph' ? ctx.hint : undefined;
    const fromContext = typeof context === 'string' ? entityFromContext(context, hinted?.version ?? versionFromPath(ctx.file)) : undefined;
    const target = fromContext ?? (hinted ? { entityType: hinted.entityType, version: hinted.version } : undefined);
    if (!target) {
      return fail(
        ctx,
        `${prefix}/@odata.context`,
        typeof context === 'string' ? `cannot infer the Graph entity type from ${JSON.stringify(context)}` : 'Graph page without @odata.context: cannot infer the entity type',
      );
    }
    if (!findSchemaEntry('graph', target.entityType, target.version)) {
      return fail(ctx, `${prefix}/@odata.context`, `no Graph ${target.version} schema for ${target.entityType}`);
    }
    return value.value.flatMap((v, i) => check(at(ctx, `${prefix}/value`, i), `${prefix}/value/${i}`, 'graph', target.entityType, v, target.version));
  }
  if (typeof context === 'string' && context.includes('#')) {
    // A single entity (`…/$metadata#auditLogs/signIns/$entity`).
    const target = entityFromContext(context, versionFromPath(ctx.file));
    if (target && findSchemaEntry('graph', target.entityType, target.version)) {
      return check(ctx, prefix, 'graph', target.entityType, value, target.version);
    }
  }
  if (typeof value.category === 'string' && ('properties' in value || 'resourceId' in value || 'time' in value)) {
    return checkDiagnostic(ctx, prefix, value);
  }
  const rowType = typeof value.Type === 'string' ? value.Type : undefined;
  if (rowType && loadSchemas().entries.some((e) => e.shape === 'loganalytics' && e.table === rowType)) {
    return check(ctx, prefix, 'loganalytics', rowType, value);
  }
  if (ctx.hint?.shape === 'graph') return check(ctx, prefix, 'graph', ctx.hint.entityType, value, ctx.hint.version);
  if (ctx.hint?.shape === 'loganalytics') return check(ctx, prefix, 'loganalytics', ctx.hint.table, value);
  // Wrong casing of a table name: validate against it so the Type const reports the mismatch.
  if (rowType && findSchemaEntry('loganalytics', rowType)) return check(ctx, prefix, 'loganalytics', rowType, value);
  return fail(ctx, prefix, 'cannot tell which schema applies (no "category", "records", "value" or "Type", and the file name names no entity type or table)');
}

// ---------------------------------------------------------------------------------------------
// Readers
// ---------------------------------------------------------------------------------------------

interface Line {
  line: number;
  text: string;
  tooLong: boolean;
}

/** Splits a file into lines (LF or CRLF) without ever holding more than one line. */
async function* readLines(file: string, maxLineBytes: number): AsyncGenerator<Line> {
  let buf = '';
  let line = 1;
  let dropping = false;
  let first = true;
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    let s = chunk as string;
    if (first) {
      first = false;
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    let start = 0;
    for (let nl = s.indexOf('\n'); nl >= 0; nl = s.indexOf('\n', start)) {
      const piece = s.slice(start, nl);
      start = nl + 1;
      if (dropping) {
        dropping = false;
        yield { line, text: '', tooLong: true };
      } else {
        const text = (buf + piece).replace(/\r$/, '');
        buf = '';
        yield { line, text, tooLong: false };
      }
      line++;
    }
    if (!dropping) {
      buf += s.slice(start);
      if (buf.length > maxLineBytes) {
        buf = '';
        dropping = true;
      }
    }
  }
  if (dropping) yield { line, text: '', tooLong: true };
  else if (buf.length > 0) yield { line, text: buf.replace(/\r$/, ''), tooLong: false };
}

function jsonError(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

async function* validateJsonFile(file: string, stats: ValidateSummary, opts: Required<ValidateOptions>): AsyncGenerator<Problem> {
  const hint = hintFromPath(file);
  let firstLine = true;
  for await (const l of readLines(file, opts.maxLineBytes)) {
    const ctx: Ctx = { file, line: l.line, hint, stats };
    if (l.tooLong) {
      yield* fail(ctx, '', `line longer than ${opts.maxLineBytes} characters: not validated`);
      continue;
    }
    const text = l.text.trim();
    if (text.length === 0) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      if (firstLine && (text.startsWith('{') || text.startsWith('['))) {
        // Probably one pretty-printed document (e.g. a Graph page).
        const doc = await readDocument(file, opts.maxDocumentBytes);
        if (doc.ok) {
          yield* checkValue({ file, line: l.line, hint, stats, elementLines: elementLines(doc.text, l.line) }, '', doc.value);
          return;
        }
        if (doc.tooBig) {
          yield* fail({ file, line: 1, hint, stats }, '', `multi-line JSON document larger than ${opts.maxDocumentBytes} bytes: not validated (write JSON Lines instead)`);
          return;
        }
      }
      firstLine = false;
      yield* fail(ctx, '', `not valid JSON: ${jsonError(err)}`);
      continue;
    }
    firstLine = false;
    yield* checkValue(ctx, '', value);
  }
}

async function readDocument(file: string, max: number): Promise<{ ok: true; value: unknown; text: string } | { ok: false; tooBig: boolean }> {
  const st = await stat(file);
  if (st.size > max) return { ok: false, tooBig: true };
  try {
    let text = await readFile(file, 'utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { ok: true, value: JSON.parse(text) as unknown, text };
  } catch {
    return { ok: false, tooBig: false };
  }
}

/**
 * Start lines of the elements of the root array, or of the `value` / `records` array of a root
 * object, in a (valid, already parsed) JSON text — so problems in pretty-printed pages point at
 * the right line.
 */
export function elementLines(text: string, firstLine = 1): Map<string, number[]> {
  const out = new Map<string, number[]>();
  let line = firstLine;
  let depth = 0;
  let key: string | undefined; // last string seen at depth 1 in key position
  let current: number[] | undefined; // element lines of the array being tracked
  let trackDepth = -1; // depth of the tracked array's elements
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      line++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') continue;
    if (expectElement && c !== ']') {
      current?.push(line);
      expectElement = false;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (depth === 1) key = text.slice(i + 1, j);
      i = j;
      continue;
    }
    if (c === '[' || c === '{') {
      depth++;
      if (c === '[' && ((depth === 1 && i === text.search(/\S/)) || (depth === 2 && (key === 'value' || key === 'records')))) {
        current = [];
        out.set(depth === 1 ? '' : `/${key}`, current);
        trackDepth = depth;
        expectElement = true;
      }
    } else if (c === ']' || c === '}') {
      if (depth === trackDepth && c === ']') {
        current = undefined;
        trackDepth = -1;
      }
      depth--;
      expectElement = false;
    } else if (c === ',' && depth === trackDepth) {
      expectElement = true;
    }
  }
  return out;
}

/** Typed value of a CSV cell per the column's Kusto type; unparseable cells stay strings so the schema reports them. */
export function convertCell(cell: string, type: KustoColumn['type'] | undefined): unknown {
  switch (type) {
    case undefined:
    case 'string':
    case 'guid':
      return cell;
    case 'datetime':
      return cell === '' ? null : cell;
    case 'bool':
      if (cell === '') return null;
      if (/^true$/i.test(cell)) return true;
      if (/^false$/i.test(cell)) return false;
      return cell;
    case 'int':
    case 'long':
      if (cell === '') return null;
      return /^-?[0-9]+$/.test(cell) ? Number(cell) : cell;
    case 'real': {
      if (cell === '') return null;
      const n = Number(cell);
      return cell.trim() !== '' && Number.isFinite(n) ? n : cell;
    }
    case 'dynamic':
      if (cell === '') return null;
      try {
        return JSON.parse(cell) as unknown;
      } catch {
        return cell;
      }
  }
}

async function* validateCsvFile(file: string, stats: ValidateSummary): AsyncGenerator<Problem> {
  const hint = hintFromPath(file);
  const fileTable = hint?.shape === 'loganalytics' ? hint.table : undefined;
  const parser = new CsvParser();
  let header: string[] | undefined;
  let unusable = false; // no way to tell the table: reported once, rows skipped
  const typesByTable = new Map<string, Map<string, KustoColumn['type']>>();
  const typesFor = (table: string): Map<string, KustoColumn['type']> => {
    let m = typesByTable.get(table);
    if (!m) {
      m = new Map(laColumns(table).map((c) => [c.name, c.type]));
      typesByTable.set(table, m);
    }
    return m;
  };
  const handle = (row: CsvRow): Problem[] => {
    const ctx: Ctx = { file, line: row.line, hint, stats };
    if (!header) {
      header = row.fields.map((f, i) => (i === 0 ? f.replace(/^\uFEFF/, '') : f));
      if (!fileTable && !header.includes('Type')) {
        unusable = true;
        return fail(ctx, '', 'cannot tell the Log Analytics table: name the file <Table>.csv or include a Type column');
      }
      return [];
    }
    if (unusable) return [];
    if (row.unterminated) return fail(ctx, '', 'unterminated quoted field at end of file');
    const typeIdx = header.indexOf('Type');
    const rowType = typeIdx >= 0 ? row.fields[typeIdx] : undefined;
    const table = fileTable ?? (rowType && findSchemaEntry('loganalytics', rowType) ? rowType : undefined);
    if (!table) return fail(ctx, typeIdx >= 0 ? '/Type' : '', `unknown Log Analytics table ${JSON.stringify(rowType ?? '')}`);
    const types = typesFor(table);
    const obj: Record<string, unknown> = {};
    header.forEach((name, i) => {
      if (i < row.fields.length) obj[name] = convertCell(row.fields[i], types.get(name));
    });
    const problems = schemaProblems('loganalytics', table, obj);
    if (row.fields.length > header.length) {
      problems.push({ pointer: '', message: `row has ${row.fields.length} fields, the header ${header.length}` });
    }
    stats.records++;
    return record(ctx, '', problems);
  };
  let first = true;
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    let s = chunk as string;
    if (first) {
      first = false;
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    for (const row of parser.push(s)) yield* handle(row);
  }
  for (const row of parser.end()) yield* handle(row);
}

/**
 * Validates every record in the given files/directories. Yields problems as they are found and
 * returns the summary (use `for await` for problems only, or `.next()` until done for both).
 * Throws UsageError (before yielding anything) when a path does not exist.
 */
export async function* validatePaths(paths: readonly string[], opts: ValidateOptions = {}): AsyncGenerator<Problem, ValidateSummary, undefined> {
  const options: Required<ValidateOptions> = {
    maxDocumentBytes: opts.maxDocumentBytes ?? 64 * 1024 * 1024,
    maxLineBytes: opts.maxLineBytes ?? 256 * 1024 * 1024,
  };
  const files = await collectFiles(paths);
  loadSchemas();
  const stats: ValidateSummary = { files: 0, records: 0, invalid: 0, problems: 0 };
  for (const file of files) {
    stats.files++;
    try {
      if (/\.csv$/i.test(file)) yield* validateCsvFile(file, stats);
      else yield* validateJsonFile(file, stats, options);
    } catch (err) {
      // An unreadable file is a finding about that file, not a crash of the whole run.
      yield* fail({ file, line: 0, hint: undefined, stats }, '', `cannot read file: ${jsonError(err)}`);
    }
  }
  return stats;
}

function write(out: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (out.write(text)) resolve();
    else out.once('drain', () => resolve());
  });
}

/** `entrasim validate` body: prints problems and a summary; returns the exit code (0 ok, 1 invalid, 2 usage). */
export async function runValidate(paths: string[], out: NodeJS.WritableStream): Promise<number> {
  const it = validatePaths(paths);
  try {
    for (;;) {
      const r = await it.next();
      if (r.done) {
        const s = r.value;
        await write(out, `${s.records} records checked in ${s.files} files, ${s.invalid} invalid\n`);
        return s.invalid > 0 ? 1 : 0;
      }
      const p = r.value;
      await write(out, `${p.file}:${p.line} ${p.pointer === '' ? '(root)' : p.pointer} ${p.message}\n`);
    }
  } catch (err) {
    await write(out, `entrasim validate: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
}
