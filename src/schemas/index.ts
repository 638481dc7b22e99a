/**
 * Loads the generated JSON Schemas (`schemas/`, see scripts/derive-schemas.ts) and validates records
 * against them with ajv (draft 2020-12, all errors, formats from ajv-formats).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { AnySchema, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

export type Shape = 'diagnostic' | 'graph' | 'loganalytics';
export type GraphVersion = 'v1.0' | 'beta';
export type KustoType = 'string' | 'datetime' | 'bool' | 'int' | 'long' | 'real' | 'dynamic' | 'guid';

export interface SchemaIndexEntry {
  shape: Shape;
  /** Path relative to the schemas directory, e.g. `diagnostic/SignInLogs.schema.json`. */
  file: string;
  $id: string;
  /** Diagnostic category (diagnostic and loganalytics entries). */
  category?: string;
  /** Log Analytics table (diagnostic and loganalytics entries). */
  table?: string;
  /** Graph entity type (graph entries; diagnostic entries whose properties derive from it). */
  entityType?: string;
  version?: GraphVersion;
  /** OData resource paths serving this entity type (graph entries). */
  odataPaths?: string[];
  /** No public sample: the schema encodes a best guess. */
  unverified?: boolean;
}

export interface KustoColumn {
  name: string;
  type: KustoType;
  /** Hidden system column (`_BilledSize`, `_ResourceId`, …): allowed, never required. */
  hidden?: boolean;
}

export interface SchemaProblem {
  /** JSON pointer into the validated value ('' = the value itself). */
  pointer: string;
  message: string;
}

/** A parsed JSON Schema document. */
export type JsonSchemaDocument = Readonly<Record<string, unknown>>;

export interface LoadedSchemas {
  dir: string;
  entries: readonly SchemaIndexEntry[];
  /** Parsed schema by index `file`. */
  schemas: ReadonlyMap<string, JsonSchemaDocument>;
}

export type RecordValidator = ValidateFunction<unknown>;

/** `schemas/` at the package root (this file is src/schemas/index.ts). */
export function schemasDir(): string {
  return fileURLToPath(new URL('../../schemas/', import.meta.url));
}

let loaded: LoadedSchemas | undefined;
let ajv: Ajv2020 | undefined;
const validators = new Map<string, RecordValidator>();

export function loadSchemas(): LoadedSchemas {
  if (loaded) return loaded;
  const dir = schemasDir();
  const indexPath = join(dir, 'index.json');
  if (!existsSync(indexPath)) throw new Error(`schema index not found: ${indexPath} (run npm run derive-schemas)`);
  const index = JSON.parse(readFileSync(indexPath, 'utf8')) as { schemas: SchemaIndexEntry[] };
  const schemas = new Map<string, JsonSchemaDocument>();
  for (const e of index.schemas) schemas.set(e.file, JSON.parse(readFileSync(join(dir, e.file), 'utf8')) as JsonSchemaDocument);
  loaded = { dir, entries: index.schemas, schemas };
  return loaded;
}

function collectVendorKeywords(v: unknown, out: Set<string>): void {
  if (Array.isArray(v)) for (const x of v) collectVendorKeywords(x, out);
  else if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (k.startsWith('x-')) out.add(k);
      // Do not descend into `properties`' names as keywords, but do descend into their schemas.
      collectVendorKeywords(x, out);
    }
  }
}

function getAjv(): Ajv2020 {
  if (ajv) return ajv;
  const { schemas } = loadSchemas();
  const instance = new Ajv2020({
    allErrors: true,
    verbose: true,
    strict: true,
    // `required` inside oneOf branches (Level vs level) and formats inside anyOf are intended.
    strictTypes: false,
    strictRequired: false,
    allowUnionTypes: true,
  });
  addFormatsModule.default(instance);
  // x-* keywords are annotations for generators (x-columns, x-key-order, …): accept them.
  const vendor = new Set<string>();
  for (const s of schemas.values()) collectVendorKeywords(s, vendor);
  for (const k of [...vendor].sort()) instance.addKeyword({ keyword: k, schemaType: ['string', 'number', 'boolean', 'object', 'array'] });
  for (const s of schemas.values()) instance.addSchema(s as AnySchema);
  ajv = instance;
  return instance;
}

function sameKey(a: string | undefined, b: string): boolean {
  return a !== undefined && a.toLowerCase() === b.toLowerCase();
}

/** Finds the index entry: diagnostic by category, loganalytics by table, graph by entity type (+ version, default beta). */
export function findSchemaEntry(shape: Shape, key: string, version: GraphVersion = 'beta'): SchemaIndexEntry | undefined {
  const entries = loadSchemas().entries.filter((e) => e.shape === shape && (shape !== 'graph' || e.version === version));
  const field = (e: SchemaIndexEntry): string | undefined =>
    shape === 'diagnostic' ? e.category : shape === 'loganalytics' ? e.table : e.entityType;
  return entries.find((e) => field(e) === key) ?? entries.find((e) => sameKey(field(e), key));
}

const byKey = new Map<string, RecordValidator>();

export function validatorFor(shape: Shape, key: string, version?: GraphVersion): RecordValidator {
  const cacheKey = `${shape}|${key}|${shape === 'graph' ? (version ?? 'beta') : ''}`;
  const hit = byKey.get(cacheKey);
  if (hit) return hit;
  const entry = findSchemaEntry(shape, key, version);
  if (!entry) throw new Error(`no ${shape} schema for ${JSON.stringify(key)}${shape === 'graph' ? ` (${version ?? 'beta'})` : ''}`);
  const cached = validators.get(entry.$id);
  if (cached) {
    byKey.set(cacheKey, cached);
    return cached;
  }
  const fn = getAjv().getSchema<unknown>(entry.$id);
  if (!fn) throw new Error(`schema ${entry.$id} failed to load`);
  validators.set(entry.$id, fn);
  byKey.set(cacheKey, fn);
  return fn;
}

/** Validates one value; returns one problem per failing JSON pointer (empty when valid). */
export function validateRecord(shape: Shape, key: string, record: unknown, version?: GraphVersion): SchemaProblem[] {
  const validate = validatorFor(shape, key, version);
  if (validate(record)) return [];
  return formatErrors(validate.errors ?? []);
}

/** Column order and Kusto types of a Log Analytics table (from the schema's x-columns). */
export function laColumns(table: string): KustoColumn[] {
  const entry = findSchemaEntry('loganalytics', table);
  if (!entry) throw new Error(`no loganalytics schema for ${JSON.stringify(table)}`);
  const schema = loadSchemas().schemas.get(entry.file) as { 'x-columns'?: KustoColumn[] } | undefined;
  return schema?.['x-columns'] ?? [];
}

// ---------------------------------------------------------------------------------------------
// Error formatting
// ---------------------------------------------------------------------------------------------

function escapePointer(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

function show(v: unknown): string {
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function list(values: readonly unknown[]): string {
  const shown = values.slice(0, 12).map(show).join(', ');
  return values.length > 12 ? `${shown}, … (${values.length} values)` : shown;
}

interface Located {
  pointer: string;
  message: string;
}

function describe(e: ErrorObject): Located {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return { pointer: `${e.instancePath}/${escapePointer(String(p.missingProperty))}`, message: 'required property is missing' };
    case 'additionalProperties':
      return {
        pointer: `${e.instancePath}/${escapePointer(String(p.additionalProperty))}`,
        message: 'property is not allowed by the schema',
      };
    case 'type':
      return { pointer: e.instancePath, message: `must be ${String(p.type).split(',').join(' or ')} (got ${typeName(e.data)} ${show(e.data)})` };
    case 'const':
      return { pointer: e.instancePath, message: `must be ${show(p.allowedValue)} (got ${show(e.data)})` };
    case 'enum':
      return { pointer: e.instancePath, message: `must be one of ${list(p.allowedValues as unknown[])} (got ${show(e.data)})` };
    case 'pattern': {
      const parent = (e.parentSchema ?? {}) as { 'x-members'?: string[]; description?: string };
      if (Array.isArray(parent['x-members'])) {
        return { pointer: e.instancePath, message: `must be a comma-separated list of ${list(parent['x-members'])} (got ${show(e.data)})` };
      }
      const why = typeof parent.description === 'string' ? ` (${parent.description})` : '';
      return { pointer: e.instancePath, message: `must match ${String(p.pattern)}${why} (got ${show(e.data)})` };
    }
    case 'format':
      return { pointer: e.instancePath, message: `must be a valid ${String(p.format)} (got ${show(e.data)})` };
    default:
      return { pointer: e.instancePath, message: `${e.message ?? e.keyword}${e.data !== undefined && typeof e.data !== 'object' ? ` (got ${show(e.data)})` : ''}` };
  }
}

/** Folds anyOf/oneOf branch errors into the combinator's own message, one problem per pointer. */
export function formatErrors(errors: readonly ErrorObject[]): SchemaProblem[] {
  const combinators = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const isBranchOf = (e: ErrorObject, c: ErrorObject): boolean => e !== c && e.schemaPath.startsWith(`${c.schemaPath}/`);
  const located: Located[] = [];
  for (const e of errors) {
    // `if: {type: null}, else: {$ref}` encodes "null or T": the else-branch errors say it all.
    if (e.keyword === 'if') continue;
    // Only the outermost combinator reports; nested branch errors are folded into it.
    if (combinators.some((c) => isBranchOf(e, c))) continue;
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf') {
      const p = e.params as { passingSchemas?: number[] | null };
      if (e.keyword === 'oneOf' && Array.isArray(p.passingSchemas)) {
        located.push({ pointer: e.instancePath, message: 'matches more than one alternative (e.g. both Level and level)' });
        continue;
      }
      const parts: string[] = [];
      for (const b of errors.filter((x) => isBranchOf(x, e) && !combinators.some((c) => c !== e && isBranchOf(x, c) && isBranchOf(c, e)))) {
        const d = describe(b);
        const rel = d.pointer.startsWith(e.instancePath) ? d.pointer.slice(e.instancePath.length) : d.pointer;
        const text = rel ? `${rel}: ${d.message}` : d.message;
        if (!parts.includes(text)) parts.push(text);
      }
      located.push({ pointer: e.instancePath, message: parts.length > 0 ? `must satisfy one of: ${parts.join(' | ')}` : (e.message ?? e.keyword) });
      continue;
    }
    located.push(describe(e));
  }
  const byPointer = new Map<string, string[]>();
  for (const l of located) {
    const msgs = byPointer.get(l.pointer) ?? [];
    if (!msgs.includes(l.message)) msgs.push(l.message);
    byPointer.set(l.pointer, msgs);
  }
  return [...byPointer.entries()].map(([pointer, msgs]) => ({ pointer, message: msgs.join('; ') }));
}
