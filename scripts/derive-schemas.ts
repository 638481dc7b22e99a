/**
 * Derives the JSON Schemas in `schemas/` from the reference facts in `../shared/reference`
 * (override with ENTRASIM_REFERENCE). Run: `npm run derive-schemas`.
 *
 * Inputs (never generator output):
 *   graph/v1.0-reporting.xml, graph/beta-reporting.xml   Graph CSDL  -> schemas/graph/<version>/<entityType>.schema.json
 *   log-analytics/tables/entra-tables-compared.json      LA columns  -> schemas/loganalytics/<Table>.schema.json
 *   log-analytics/tables/category-to-table.json          category -> table map
 *   notes/diagnostic-format.md                           envelope facts, encoded by hand in ENVELOPES below
 *                                                       -> schemas/diagnostic/<Category>.schema.json
 *
 * Dialect: JSON Schema draft 2020-12 (validate with `ajv/dist/2020`). Vendor keywords start with `x-`
 * and are pure annotations (x-columns, x-key-order, x-unverified, x-flags, x-members, ...).
 * Output is deterministic: same input -> byte-identical files (2-space JSON, trailing newline).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { XMLParser } from 'fast-xml-parser';

export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export const SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';
export const ID_BASE = 'https://entrasim.dev/schemas/';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Where the reference facts live: ENTRASIM_REFERENCE, else ../shared/reference next to the repo. */
export function referenceDir(): string {
  const env = process.env.ENTRASIM_REFERENCE;
  return env && env.length > 0 ? resolve(env) : resolve(REPO_ROOT, '..', 'shared', 'reference');
}

// ---------------------------------------------------------------------------------------------
// Shared value patterns
// ---------------------------------------------------------------------------------------------

const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const GUID_LOWER = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const GUID_UPPER = '[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}';
/** Graph and Log Analytics datetimes: UTC with `Z`, 0-7 fraction digits (Graph trims trailing zeros). */
const DT_UTC_Z = '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,7})?Z$';
/** Datetimes nested in diagnostic `properties`: trimmed fraction and `+00:00` (or `Z`). */
const DT_DIAG = '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,7})?(Z|\\+00:00)$';
/** Risk records also carry unpadded hours (`2022-09-09T9:59:27.958Z`). */
const DT_DIAG_RISK = '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,7})?(Z|\\+00:00)$';
/** Envelope `time`: exactly 7 fraction digits (trailing zeros kept) or none at all. */
const TIME_ISO = '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{7})?Z$';
/** Envelope `time` of the risk categories: US `M/D/YYYY h:mm:ss AM`. */
const TIME_US = '^(1[0-2]|[1-9])/(3[01]|[12][0-9]|[1-9])/[0-9]{4} (1[0-2]|[1-9]):[0-5][0-9]:[0-5][0-9] (AM|PM)$';

type DateTimeStyle = 'graph' | 'diag' | 'diag-risk' | 'la';

function dateTimeSchema(style: DateTimeStyle): JsonObject {
  switch (style) {
    case 'graph':
    case 'la':
      return { type: 'string', format: 'date-time', pattern: DT_UTC_Z };
    case 'diag':
      return { type: 'string', pattern: DT_DIAG };
    case 'diag-risk':
      return { type: 'string', pattern: DT_DIAG_RISK };
  }
}

const IP_ADDRESS: JsonObject = { type: 'string', anyOf: [{ format: 'ipv4' }, { format: 'ipv6' }] };

/**
 * "null or <ref>" as if/else rather than anyOf, so that errors inside the referenced schema keep
 * their exact JSON pointer (anyOf would fold them into one combined error).
 */
function nullableRef(ref: JsonObject): JsonObject {
  return { if: { type: 'null' }, else: ref };
}

function nullable(schema: JsonObject): JsonObject {
  const t = schema.type;
  if (typeof t === 'string' && schema.enum === undefined && schema.const === undefined) {
    return { ...schema, type: [t, 'null'] };
  }
  if (Array.isArray(schema.enum) && typeof t === 'string' && !schema.pattern) {
    return { ...schema, type: [t, 'null'], enum: [...schema.enum, null] };
  }
  return { anyOf: [{ type: 'null' }, schema] };
}

// ---------------------------------------------------------------------------------------------
// CSDL model
// ---------------------------------------------------------------------------------------------

interface CsdlProperty {
  name: string;
  type: string; // fully qualified, Collection(...) kept
  nullable: boolean;
}
interface CsdlStructured {
  kind: 'entity' | 'complex';
  fqn: string;
  namespace: string;
  name: string;
  baseType?: string;
  abstract: boolean;
  open: boolean;
  keys: string[];
  properties: CsdlProperty[];
  navigation: { name: string; type: string; containsTarget: boolean }[];
}
interface CsdlEnum {
  kind: 'enum';
  fqn: string;
  namespace: string;
  name: string;
  flags: boolean;
  members: string[];
}
type CsdlType = CsdlStructured | CsdlEnum;

export interface CsdlModel {
  version: 'v1.0' | 'beta';
  source: string;
  types: Map<string, CsdlType>;
  /** container children: singleton/entity set name -> entity type fqn */
  roots: Map<string, string>;
}

type XmlNode = Record<string, unknown>;

function asArray(v: unknown): XmlNode[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]) as XmlNode[];
}

function attr(node: XmlNode, name: string): string | undefined {
  const v = node[`@_${name}`];
  return typeof v === 'string' ? v : undefined;
}

export function parseCsdl(xml: string, version: 'v1.0' | 'beta'): CsdlModel {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseAttributeValue: false,
    removeNSPrefix: true,
  });
  const doc = parser.parse(xml) as XmlNode;
  const edmx = doc.Edmx as XmlNode;
  const services = edmx.DataServices as XmlNode;
  const schemas = asArray(services.Schema);
  const aliases = new Map<string, string>();
  for (const s of schemas) {
    const ns = attr(s, 'Namespace');
    const alias = attr(s, 'Alias');
    if (ns && alias) aliases.set(alias, ns);
  }
  const qualify = (t: string): string => {
    const coll = /^Collection\((.*)\)$/.exec(t);
    if (coll) return `Collection(${qualify(coll[1])})`;
    if (t.startsWith('Edm.')) return t;
    const dot = t.indexOf('.');
    const head = t.slice(0, dot);
    const alias = aliases.get(head);
    return alias ? alias + t.slice(dot) : t;
  };
  const types = new Map<string, CsdlType>();
  const roots = new Map<string, string>();
  for (const s of schemas) {
    const ns = attr(s, 'Namespace') ?? '';
    for (const e of asArray(s.EnumType)) {
      const name = attr(e, 'Name') ?? '';
      types.set(`${ns}.${name}`, {
        kind: 'enum',
        fqn: `${ns}.${name}`,
        namespace: ns,
        name,
        flags: attr(e, 'IsFlags') === 'true',
        members: asArray(e.Member).map((m) => attr(m, 'Name') ?? ''),
      });
    }
    for (const [tag, kind] of [
      ['ComplexType', 'complex'],
      ['EntityType', 'entity'],
    ] as const) {
      for (const e of asArray(s[tag])) {
        const name = attr(e, 'Name') ?? '';
        const base = attr(e, 'BaseType');
        const key = e.Key as XmlNode | undefined;
        types.set(`${ns}.${name}`, {
          kind,
          fqn: `${ns}.${name}`,
          namespace: ns,
          name,
          baseType: base ? qualify(base) : undefined,
          abstract: attr(e, 'Abstract') === 'true',
          open: attr(e, 'OpenType') === 'true',
          keys: key ? asArray(key.PropertyRef).map((p) => attr(p, 'Name') ?? '') : [],
          properties: asArray(e.Property).map((p) => ({
            name: attr(p, 'Name') ?? '',
            type: qualify(attr(p, 'Type') ?? 'Edm.String'),
            nullable: attr(p, 'Nullable') !== 'false',
          })),
          navigation: asArray(e.NavigationProperty).map((p) => ({
            name: attr(p, 'Name') ?? '',
            type: qualify(attr(p, 'Type') ?? ''),
            containsTarget: attr(p, 'ContainsTarget') === 'true',
          })),
        });
      }
    }
    const container = s.EntityContainer as XmlNode | undefined;
    if (container) {
      for (const st of asArray(container.Singleton)) roots.set(attr(st, 'Name') ?? '', qualify(attr(st, 'Type') ?? ''));
      for (const es of asArray(container.EntitySet)) roots.set(attr(es, 'Name') ?? '', qualify(attr(es, 'EntityType') ?? ''));
    }
  }
  const source = (/Source:\s*([^\n]*)/.exec(xml)?.[1]?.trim() ?? 'msgraph-metadata').replace(/\.$/, '');
  return { version, source, types, roots };
}

function structured(model: CsdlModel, fqn: string): CsdlStructured | undefined {
  const t = model.types.get(fqn);
  return t && t.kind !== 'enum' ? t : undefined;
}

/** Own + inherited properties, base first (BaseType inheritance, e.g. entity -> id). */
function allProperties(model: CsdlModel, fqn: string): CsdlProperty[] {
  const t = structured(model, fqn);
  if (!t) return [];
  const inherited = t.baseType ? allProperties(model, t.baseType) : [];
  return [...inherited, ...t.properties];
}

function derivedTypes(model: CsdlModel, fqn: string): string[] {
  const out: string[] = [];
  for (const t of model.types.values()) {
    if (t.kind !== 'enum' && t.baseType === fqn) out.push(t.fqn, ...derivedTypes(model, t.fqn));
  }
  return out.sort();
}

function keyOf(model: CsdlModel, fqn: string): string[] {
  const t = structured(model, fqn);
  if (!t) return [];
  if (t.keys.length > 0) return t.keys;
  return t.baseType ? keyOf(model, t.baseType) : [];
}

/** `$defs` key: short name inside microsoft.graph, `<sub-namespace>.<name>` elsewhere. */
function defName(fqn: string): string {
  return fqn.startsWith('microsoft.graph.') ? fqn.slice('microsoft.graph.'.length) : fqn;
}

interface GraphSchemaOptions {
  /** Graph shape: closed types; diagnostic `properties`: every object open (Entra adds keys). */
  dialect: 'graph' | 'diagnostic';
  dateTime: DateTimeStyle;
}

/** Builds schemas for CSDL types; collects the complex/enum types it touches into `defs`. */
class CsdlSchemaBuilder {
  readonly defs = new Map<string, JsonObject>();
  private readonly pending = new Set<string>();

  private readonly model: CsdlModel;
  private readonly opts: GraphSchemaOptions;

  constructor(model: CsdlModel, opts: GraphSchemaOptions) {
    this.model = model;
    this.opts = opts;
  }

  typeSchema(type: string): JsonObject {
    const coll = /^Collection\((.*)\)$/.exec(type);
    if (coll) return { type: 'array', items: this.typeSchema(coll[1]) };
    switch (type) {
      case 'Edm.String':
        return { type: 'string' };
      case 'Edm.Boolean':
        return { type: 'boolean' };
      case 'Edm.Int16':
      case 'Edm.Int32':
      case 'Edm.Int64':
      case 'Edm.Byte':
      case 'Edm.SByte':
        return { type: 'integer' };
      case 'Edm.Double':
      case 'Edm.Single':
      case 'Edm.Decimal':
        return { type: 'number' };
      case 'Edm.DateTimeOffset':
        return dateTimeSchema(this.opts.dateTime);
      case 'Edm.Guid':
        return { type: 'string', pattern: `^${GUID}$` };
      case 'Edm.Binary':
        return { type: 'string' };
      case 'Edm.Date':
        return { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' };
      case 'Edm.Duration':
        return { type: 'string', pattern: '^-?P' };
      default:
        break;
    }
    const t = this.model.types.get(type);
    if (!t) {
      // Referenced but not in the extract (see graph/README.md): accept any value.
      return { description: `${type} (not in the CSDL extract)` };
    }
    const name = defName(type);
    if (!this.defs.has(name) && !this.pending.has(name)) {
      this.pending.add(name);
      this.defs.set(name, t.kind === 'enum' ? this.enumDef(t) : this.complexDef(t));
      this.pending.delete(name);
    }
    return { $ref: `#/$defs/${name}` };
  }

  propertySchema(p: CsdlProperty): JsonObject {
    const s = this.typeSchema(p.type);
    if (!p.nullable) return s;
    if (s.type === 'array') return { ...s, type: ['array', 'null'] };
    if (s.$ref !== undefined) return nullableRef(s);
    if (s.type === undefined) return s;
    return nullable(s);
  }

  private enumDef(t: CsdlEnum): JsonObject {
    const sentinel = t.members.findIndex((m) => m.toLowerCase() === 'unknownfuturevalue');
    const evolvable = sentinel >= 0 ? t.members.slice(sentinel + 1) : [];
    const base: JsonObject = { title: t.fqn };
    if (t.flags) {
      // OData flags enums serialise a combination as a comma-separated list of member names.
      const alt = `(${t.members.map(escapeRegex).join('|')})`;
      Object.assign(base, {
        type: 'string',
        pattern: `^${alt}(, ?${alt})*$`,
        'x-flags': true,
        'x-members': t.members,
      });
    } else {
      Object.assign(base, { type: 'string', enum: t.members });
    }
    if (evolvable.length > 0) base['x-include-unknown-enum-members'] = evolvable;
    return base;
  }

  private complexDef(t: CsdlStructured): JsonObject {
    // A value typed T may be any derived type: accept the union of their properties.
    const derived = t.kind === 'complex' ? derivedTypes(this.model, t.fqn) : [];
    const props = allProperties(this.model, t.fqn);
    const seen = new Set(props.map((p) => p.name));
    const extra: CsdlProperty[] = [];
    for (const d of derived) {
      for (const p of allProperties(this.model, d)) {
        if (!seen.has(p.name)) {
          seen.add(p.name);
          extra.push({ ...p, nullable: true });
        }
      }
    }
    const open =
      this.opts.dialect === 'diagnostic' ||
      t.open ||
      derived.some((d) => structured(this.model, d)?.open === true) ||
      (t.abstract && derived.length === 0);
    const schema: JsonObject = { title: t.fqn, type: 'object' };
    if (derived.length > 0) schema['x-derived-types'] = derived;
    if (t.open) schema['x-open-type'] = true;
    this.fillObject(schema, [...props, ...extra], props.filter((p) => !p.nullable).map((p) => p.name), open);
    return schema;
  }

  fillObject(schema: JsonObject, props: CsdlProperty[], required: string[], open: boolean): void {
    const properties: JsonObject = {};
    for (const p of props) properties[p.name] = this.propertySchema(p);
    schema.properties = properties;
    if (required.length > 0) schema.required = required;
    if (!open) {
      // Instance/property annotations (`@odata.type`, `prop@odata.type`) are always allowed.
      schema.patternProperties = { '@': {} };
      schema.additionalProperties = false;
    }
  }

  sortedDefs(): JsonObject {
    const out: JsonObject = {};
    for (const k of [...this.defs.keys()].sort()) out[k] = this.defs.get(k) as JsonObject;
    return out;
  }
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The Graph resources we emit; namespace fallback covers microsoft.graph.networkaccess. */
export const GRAPH_ENTITY_TYPES = [
  'signIn',
  'directoryAudit',
  'provisioningObjectSummary',
  'customSecurityAttributeAudit',
  'riskyUser',
  'riskyUserHistoryItem',
  'riskDetection',
  'riskyServicePrincipal',
  'riskyServicePrincipalHistoryItem',
  'servicePrincipalRiskDetection',
  'networkAccessTraffic',
  'remoteNetworkHealthEvent',
] as const;

function findEntity(model: CsdlModel, name: string): CsdlStructured | undefined {
  for (const ns of ['microsoft.graph', 'microsoft.graph.networkaccess']) {
    const t = structured(model, `${ns}.${name}`);
    if (t && t.kind === 'entity') return t;
  }
  return undefined;
}

/**
 * OData resource paths per entity type, from the container (singletons, entity sets) and
 * contained navigation properties, two levels deep (`identityProtection/riskyUsers/history`).
 * `networkAccess` is typed `networkaccess.networkAccessRoot`, which the extract omits; its
 * `logs` child is the `networkaccess.logs` entity, so that root is added by hand.
 */
function odataPaths(model: CsdlModel): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (fqn: string, path: string): void => {
    const list = out.get(fqn) ?? [];
    if (!list.includes(path)) list.push(path);
    out.set(fqn, list);
  };
  const walk = (fqn: string, prefix: string, depth: number): void => {
    const t = structured(model, fqn);
    if (!t || depth > 2) return;
    const navs = [t, ...ancestors(model, fqn)].flatMap((x) => x.navigation);
    for (const nav of navs) {
      // history items inherit riskyUser's own `history` navigation: do not recurse into it.
      if (!nav.containsTarget || prefix.endsWith(`/${nav.name}`)) continue;
      const target = /^Collection\((.*)\)$/.exec(nav.type)?.[1] ?? nav.type;
      const path = `${prefix}/${nav.name}`;
      add(target, path);
      walk(target, path, depth + 1);
    }
  };
  const roots = new Map(model.roots);
  if (model.types.has('microsoft.graph.networkaccess.logs')) roots.set('networkAccess/logs', 'microsoft.graph.networkaccess.logs');
  for (const [name, fqn] of [...roots.entries()].sort()) {
    const t = structured(model, fqn);
    if (t && GRAPH_ENTITY_TYPES.some((g) => `${t.namespace}.${g}` === fqn)) add(fqn, name);
    walk(fqn, name, 1);
  }
  for (const list of out.values()) list.sort();
  return out;
}

function ancestors(model: CsdlModel, fqn: string): CsdlStructured[] {
  const t = structured(model, fqn);
  if (!t?.baseType) return [];
  const b = structured(model, t.baseType);
  return b ? [b, ...ancestors(model, b.fqn)] : [];
}

function graphEntitySchema(model: CsdlModel, entity: CsdlStructured, paths: string[]): JsonObject {
  const b = new CsdlSchemaBuilder(model, { dialect: 'graph', dateTime: 'graph' });
  const props = allProperties(model, entity.fqn);
  const schema: JsonObject = {
    $schema: SCHEMA_DIALECT,
    $id: `${ID_BASE}graph/${model.version}/${entity.name}.schema.json`,
    title: `Microsoft Graph ${model.version} ${entity.fqn}`,
    description:
      `Microsoft Graph ${model.version} resource ${entity.fqn}, derived from the CSDL extract ` +
      `reference/graph/${model.version}-reporting.xml (${model.source}). Non-nullable properties are required; ` +
      `navigation properties are omitted; instance annotations (keys containing '@') are allowed. ` +
      `Enum members after unknownFutureValue are only returned with 'Prefer: include-unknown-enum-members'.`,
    'x-entity-type': entity.fqn,
    'x-key': keyOf(model, entity.fqn),
    'x-odata-paths': paths,
    type: 'object',
  };
  if (entity.abstract) schema['x-abstract'] = true;
  b.fillObject(
    schema,
    props,
    props.filter((p) => !p.nullable).map((p) => p.name),
    entity.open,
  );
  schema.$defs = b.sortedDefs();
  return schema;
}

// ---------------------------------------------------------------------------------------------
// Log Analytics tables
// ---------------------------------------------------------------------------------------------

interface ComparedColumn {
  name: string;
  current?: string | null;
  docs2024?: string | null;
  sentinel_ct?: string | null;
}
interface ComparedTable {
  sources_present: string[];
  columns: ComparedColumn[];
}
export interface LaColumn {
  name: string;
  type: string;
  hidden?: boolean;
}

const SOURCE_PREFERENCE = ['current', 'docs2024', 'sentinel_ct'] as const;
/** Every Log Analytics table carries these (reference log-analytics/README.md §5). */
const STANDARD_COLUMNS: LaColumn[] = [
  { name: 'SourceSystem', type: 'string' },
  { name: 'TenantId', type: 'string' },
  { name: 'TimeGenerated', type: 'datetime' },
  { name: 'Type', type: 'string' },
];

function normaliseKustoType(t: string): string {
  const l = t.toLowerCase();
  if (l === 'boolean') return 'bool';
  if (l === 'double' || l === 'decimal') return 'real';
  if (l === 'int32') return 'int';
  if (l === 'int64') return 'long';
  if (l === 'uniqueidentifier') return 'guid';
  return l;
}

/** Column name order of the compared file: case-insensitive, ignoring a leading `_`. */
function columnOrderKey(name: string): string {
  return name.replace(/^_/, '').toLowerCase();
}

/**
 * Columns seen in the real sample rows (reference/log-analytics/samples) but missing from all three
 * column sources: allowed, never required. AuditLogs.UserAgent sits in the table's physical column
 * order (right after Type) in the OTRF query-API export and is also in the training-lab CSV.
 */
const LA_OBSERVED_COLUMNS: Record<string, LaColumn[]> = {
  AuditLogs: [{ name: 'UserAgent', type: 'string' }],
};

export function laColumnsFor(table: ComparedTable, tableName = ''): { columns: LaColumn[]; required: string[]; preferred: string } {
  const preferred = SOURCE_PREFERENCE.find((s) => table.sources_present.includes(s)) ?? 'current';
  const columns: LaColumn[] = [];
  const required: string[] = [];
  for (const c of table.columns) {
    let type: string | undefined;
    for (const s of SOURCE_PREFERENCE) {
      const v = c[s];
      if (typeof v === 'string' && v.length > 0) {
        type = normaliseKustoType(v);
        break;
      }
    }
    const col: LaColumn = { name: c.name, type: type ?? 'string' };
    if (c.name.startsWith('_')) col.hidden = true;
    columns.push(col);
    const inPreferred = typeof c[preferred] === 'string';
    if (inPreferred && !c.name.startsWith('_')) required.push(c.name);
  }
  const insertSorted = (col: LaColumn): void => {
    if (columns.some((c) => c.name === col.name)) return;
    const at = columns.findIndex((c) => columnOrderKey(c.name) > columnOrderKey(col.name));
    columns.splice(at < 0 ? columns.length : at, 0, { ...col });
  };
  for (const extra of LA_OBSERVED_COLUMNS[tableName] ?? []) insertSorted(extra);
  for (const std of STANDARD_COLUMNS) {
    insertSorted(std);
    if (!required.includes(std.name)) required.push(std.name);
  }
  const order = new Map(columns.map((c, i) => [c.name, i]));
  required.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return { columns, required, preferred };
}

function laValueSchema(type: string): JsonObject {
  switch (type) {
    case 'string':
    case 'guid':
      return { type: ['string', 'null'] };
    case 'datetime':
      return { type: ['string', 'null'], format: 'date-time', pattern: DT_UTC_Z };
    case 'bool':
      return { type: ['boolean', 'null'] };
    case 'int':
    case 'long':
      return { type: ['integer', 'null'] };
    case 'real':
      return { type: ['number', 'null'] };
    case 'dynamic':
      // Native JSON value; the query API and CSV exports render it as JSON text, so strings pass too.
      return {};
    default:
      return {};
  }
}

function laTableSchema(table: string, data: ComparedTable, categories: string[]): JsonObject {
  const { columns, required, preferred } = laColumnsFor(data, table);
  const properties: JsonObject = {};
  for (const c of columns) {
    let s: JsonObject = laValueSchema(c.type);
    if (c.name === 'Type') s = { const: table };
    else if (c.name === 'TimeGenerated') s = { type: 'string', format: 'date-time', pattern: DT_UTC_Z };
    else if (c.name === 'TenantId' || c.name === 'SourceSystem') s = { type: 'string' };
    properties[c.name] = { ...s, 'x-kusto-type': c.type };
  }
  return {
    $schema: SCHEMA_DIALECT,
    $id: `${ID_BASE}loganalytics/${table}.schema.json`,
    title: `Log Analytics table ${table}`,
    description:
      `One row of the Log Analytics table ${table} (diagnostic categor${categories.length === 1 ? 'y' : 'ies'} ` +
      `${categories.join(', ')}), as returned by the query API. Columns and types from ` +
      `reference/log-analytics/tables/entra-tables-compared.json (type preference current > docs2024 > sentinel_ct; ` +
      `columns = union of the sources). Required: every column of the '${preferred}' source except hidden '_' columns, ` +
      `plus TenantId, TimeGenerated, Type and SourceSystem` +
      ((LA_OBSERVED_COLUMNS[table] ?? []).length > 0
        ? ` (also allowed, from the sample rows in reference/log-analytics/samples: ${(LA_OBSERVED_COLUMNS[table] ?? []).map((c) => c.name).join(', ')}). `
        : '. ') +
      `datetime = ISO-8601 UTC with 'Z' and 0-7 fraction digits; ` +
      `dynamic = any JSON value (JSON text accepted, as the query API and CSV exports render it).`,
    'x-table': table,
    'x-categories': categories,
    'x-required-source': preferred,
    'x-columns': columns.map((c) => {
      const o: JsonObject = { name: c.name, type: c.type };
      if (c.hidden) o.hidden = true;
      return o;
    }),
    type: 'object',
    properties,
    required,
    additionalProperties: false,
  };
}

// ---------------------------------------------------------------------------------------------
// Diagnostic-settings records (facts: notes/diagnostic-format.md §A)
// ---------------------------------------------------------------------------------------------

type Presence = 'always' | 'sometimes' | 'never';
interface Field {
  presence: Presence;
  schema: JsonObject;
}
type EnvelopeKey =
  | 'time'
  | 'resourceId'
  | 'operationName'
  | 'operationVersion'
  | 'category'
  | 'tenantId'
  | 'resultType'
  | 'resultSignature'
  | 'resultDescription'
  | 'durationMs'
  | 'callerIpAddress'
  | 'correlationId'
  | 'identity'
  | 'location'
  | 'properties';

type PropertiesSource =
  | { kind: 'graph'; entityType: string; key: string; time: string; risk: boolean }
  | { kind: 'provisioning' }
  | { kind: 'graphActivity' }
  | { kind: 'la'; key: string; time?: string };

interface EnvelopeSpec {
  category: string;
  /** No public sample: everything here is the note's best guess. */
  unverified: boolean;
  fields: Partial<Record<Exclude<EnvelopeKey, 'category' | 'properties' | 'tenantId'>, Field>>;
  /** Accepted spellings of the level key; exactly one must be present. */
  levels: { key: 'Level' | 'level'; schema: JsonObject }[];
  keyOrder: string[];
  properties: PropertiesSource;
  notes: string[];
}

const always = (schema: JsonObject): Field => ({ presence: 'always', schema });
const sometimes = (schema: JsonObject): Field => ({ presence: 'sometimes', schema });
const str = (extra: JsonObject = {}): JsonObject => ({ type: 'string', ...extra });
const constStr = (v: string): JsonObject => ({ type: 'string', const: v });

const TIME: Record<'iso' | 'us' | 'iso-or-us', JsonObject> = {
  iso: { type: 'string', pattern: TIME_ISO, description: 'UTC, 7 fraction digits with trailing zeros kept, or no fraction for whole-second events' },
  us: { type: 'string', pattern: TIME_US, description: 'US format M/D/YYYY h:mm:ss AM|PM (UTC)' },
  'iso-or-us': {
    type: 'string',
    anyOf: [{ pattern: TIME_ISO }, { pattern: TIME_US }],
    description: 'ISO (7 fraction digits + Z) or US M/D/YYYY h:mm:ss AM|PM — the only sample is ambiguous',
  },
};
const RESOURCE_ID = {
  mixed: constPattern(`^/tenants/${GUID_LOWER}/providers/Microsoft\\.aadiam$`, '/tenants/<tenant guid>/providers/Microsoft.aadiam'),
  lower: constPattern(`^/tenants/${GUID_LOWER}/providers/microsoft\\.aadiam$`, '/tenants/<tenant guid>/providers/microsoft.aadiam (lower-case provider)'),
  upper: constPattern(`^/TENANTS/${GUID_UPPER}/PROVIDERS/MICROSOFT\\.AADIAM$`, '/TENANTS/<TENANT GUID>/PROVIDERS/MICROSOFT.AADIAM (all caps)'),
  anyCase: constPattern(`^/(tenants|TENANTS)/${GUID}/(providers|PROVIDERS)/(Microsoft\\.aadiam|microsoft\\.aadiam|MICROSOFT\\.AADIAM)$`, 'unverified casing'),
};
function constPattern(pattern: string, description: string): JsonObject {
  return { type: 'string', pattern, description };
}
const GUID_STR: JsonObject = { type: 'string', pattern: `^${GUID}$` };
const SIGNIN_RESULT_TYPE = str({ pattern: '^[0-9]+$', description: '"0" or the AADSTS error code, as a string' });
const SIGNIN_RESULT_SIGNATURE = str({ enum: ['SUCCESS', 'FAILURE', 'None'], description: 'SUCCESS/FAILURE from Apr 2025; None in older records' });
const ZERO: JsonObject = { type: 'integer', const: 0, description: 'always 0 in real records' };
const MS: JsonObject = { type: 'integer', minimum: 0 };
const LOWER_NAME = str({ pattern: '^[^A-Z]*$', description: 'display name, lower-cased' });

const DEFAULT_ORDER = [
  'time',
  'resourceId',
  'operationName',
  'operationVersion',
  'category',
  'tenantId',
  'resultType',
  'resultSignature',
  'resultDescription',
  'durationMs',
  'callerIpAddress',
  'correlationId',
  'identity',
  'Level',
  'level',
  'location',
  'properties',
];
const GRAPH_ACTIVITY_ORDER = [
  'time',
  'resourceId',
  'operationName',
  'operationVersion',
  'category',
  'resultSignature',
  'durationMs',
  'callerIpAddress',
  'correlationId',
  'level',
  'location',
  'properties',
  'tenantId',
];

function signInEnvelope(
  category: string,
  opts: { callerIp: Presence; identity: Presence; location: Presence },
): EnvelopeSpec {
  const fields: EnvelopeSpec['fields'] = {
    time: always(TIME.iso),
    resourceId: always(RESOURCE_ID.mixed),
    operationName: always(constStr('Sign-in activity')),
    operationVersion: always(constStr('1.0')),
    resultType: always(SIGNIN_RESULT_TYPE),
    resultSignature: always(SIGNIN_RESULT_SIGNATURE),
    resultDescription: sometimes(str({ description: 'failure reason; only on failures' })),
    durationMs: always(ZERO),
    correlationId: always(GUID_STR),
  };
  if (opts.callerIp !== 'never') fields.callerIpAddress = { presence: opts.callerIp, schema: IP_ADDRESS };
  if (opts.identity !== 'never') fields.identity = { presence: opts.identity, schema: str({ description: 'user display name' }) };
  if (opts.location !== 'never') fields.location = { presence: opts.location, schema: str({ pattern: '^[A-Z]{2}$', description: '2-letter country code' }) };
  return {
    category,
    unverified: false,
    fields,
    levels: [{ key: 'Level', schema: { type: 'integer', const: 4 } }],
    keyOrder: DEFAULT_ORDER.filter((k) => k !== 'level'),
    properties: { kind: 'graph', entityType: 'signIn', key: 'id', time: 'createdDateTime', risk: false },
    notes: [],
  };
}

function auditEnvelope(category: string, entityType: string, unverified: boolean): EnvelopeSpec {
  return {
    category,
    unverified,
    fields: {
      time: always(TIME.iso),
      resourceId: always(RESOURCE_ID.mixed),
      operationName: always(str({ minLength: 1, description: 'equals properties.activityDisplayName' })),
      operationVersion: always(constStr('1.0')),
      resultSignature: always(constStr('None')),
      resultDescription: sometimes(str()),
      durationMs: always(ZERO),
      callerIpAddress: sometimes(IP_ADDRESS),
      correlationId: always(GUID_STR),
      identity: sometimes(str({ description: 'initiator display name' })),
    },
    levels: [
      { key: 'Level', schema: { type: 'integer', const: 4 } },
      { key: 'level', schema: constStr('Informational') },
    ],
    keyOrder: DEFAULT_ORDER,
    properties: { kind: 'graph', entityType, key: 'id', time: 'activityDateTime', risk: false },
    notes: ['Level 4 since 2022; 2019 records carry level "Informational" instead.'],
  };
}

function riskEnvelope(
  category: string,
  entityType: string,
  opts: { operationName: JsonObject; callerIp: Presence; time: string; unverified: boolean },
): EnvelopeSpec {
  const fields: EnvelopeSpec['fields'] = {
    time: always(TIME.us),
    resourceId: always(RESOURCE_ID.lower),
    operationName: always(opts.operationName),
    operationVersion: always(constStr('1.0')),
    resultSignature: always(constStr('None')),
    durationMs: always(opts.unverified ? MS : ZERO),
    correlationId: always(str({ pattern: `^(${GUID}|[0-9a-fA-F]{32,64})$`, description: 'GUID, or a 64-hex detection id' })),
    identity: always(LOWER_NAME),
    location: always(str({ description: 'short region (wus, neu) or lower-case country (de)' })),
  };
  if (opts.callerIp !== 'never') fields.callerIpAddress = { presence: opts.callerIp, schema: IP_ADDRESS };
  return {
    category,
    unverified: opts.unverified,
    fields,
    levels: [{ key: 'Level', schema: { enum: [4, 'Information'], description: '4 in 2022, "Information" from late 2024' } }],
    keyOrder: DEFAULT_ORDER.filter((k) => k !== 'level'),
    properties: { kind: 'graph', entityType, key: 'id', time: opts.time, risk: true },
    notes: [],
  };
}

/** One re-serialised Elastic sample; the note marks its `level` and `time` with (?). */
function adfsEnvelope(): EnvelopeSpec {
  const base = signInEnvelope('ADFSSignInLogs', { callerIp: 'always', identity: 'always', location: 'never' });
  return {
    ...base,
    unverified: true,
    fields: { ...base.fields, time: always(TIME['iso-or-us']), durationMs: always(MS) },
    levels: [
      { key: 'Level', schema: { type: 'integer', const: 4 } },
      { key: 'level', schema: { enum: ['4', 4] } },
    ],
    keyOrder: DEFAULT_ORDER,
    notes: ['One re-serialised Elastic sample: "level":"4" and a US-format time, both marked (?) in the note.'],
  };
}

/** Global Secure Access / Enriched M365: no public sample; only the common-schema keys are allowed. */
function unsampledEnvelope(category: string, properties: PropertiesSource): EnvelopeSpec {
  return {
    category,
    unverified: true,
    fields: {
      time: always(TIME.iso),
      resourceId: always(RESOURCE_ID.anyCase),
      operationName: always(str({ minLength: 1 })),
      operationVersion: sometimes(str()),
      resultType: sometimes(str()),
      resultSignature: sometimes(str()),
      resultDescription: sometimes(str()),
      durationMs: sometimes({ type: ['integer', 'string'] }),
      callerIpAddress: sometimes(IP_ADDRESS),
      correlationId: sometimes(str()),
      identity: sometimes(str()),
      location: sometimes(str()),
    },
    levels: [
      { key: 'Level', schema: { enum: [4, 'Information', 'Informational'] } },
      { key: 'level', schema: { enum: [4, '4', 'Information', 'Informational'] } },
    ],
    keyOrder: DEFAULT_ORDER,
    properties,
    notes: ['No public sample: envelope keys limited to the Azure Monitor common schema, values loosely typed.'],
  };
}

export const ENVELOPES: EnvelopeSpec[] = [
  auditEnvelope('AuditLogs', 'directoryAudit', false),
  signInEnvelope('SignInLogs', { callerIp: 'always', identity: 'always', location: 'sometimes' }),
  signInEnvelope('NonInteractiveUserSignInLogs', { callerIp: 'always', identity: 'always', location: 'always' }),
  signInEnvelope('ServicePrincipalSignInLogs', { callerIp: 'always', identity: 'never', location: 'sometimes' }),
  signInEnvelope('ManagedIdentitySignInLogs', { callerIp: 'never', identity: 'never', location: 'never' }),
  {
    category: 'ProvisioningLogs',
    unverified: false,
    fields: {
      time: always(TIME.iso),
      resourceId: always(RESOURCE_ID.mixed),
      operationName: always(constStr('Provisioning activity')),
      operationVersion: always(constStr('1.0')),
      resultType: always(str({ enum: ['Success', 'Skipped', 'Failure'] })),
      resultDescription: sometimes(str()),
      durationMs: always({ ...MS, description: 'real milliseconds' }),
      correlationId: always(str()),
      identity: always(str({ description: 'the record GUID (properties.id)' })),
    },
    levels: [{ key: 'Level', schema: { type: 'integer', const: 4 } }],
    keyOrder: DEFAULT_ORDER.filter((k) => k !== 'level'),
    properties: { kind: 'provisioning' },
    notes: ['Only 3 re-serialised Elastic samples; no resultSignature, callerIpAddress or location.'],
  },
  adfsEnvelope(),
  riskEnvelope('RiskyUsers', 'riskyUser', {
    operationName: constStr('Risky user'),
    callerIp: 'never',
    time: 'riskLastUpdatedDateTime',
    unverified: false,
  }),
  riskEnvelope('UserRiskEvents', 'riskDetection', {
    operationName: constStr('User Risk Detection'),
    callerIp: 'sometimes',
    time: 'detectedDateTime',
    unverified: false,
  }),
  riskEnvelope('RiskyServicePrincipals', 'riskyServicePrincipal', {
    operationName: str({ minLength: 1 }),
    callerIp: 'never',
    time: 'riskLastUpdatedDateTime',
    unverified: true,
  }),
  riskEnvelope('ServicePrincipalRiskEvents', 'servicePrincipalRiskDetection', {
    operationName: str({ minLength: 1 }),
    callerIp: 'sometimes',
    time: 'detectedDateTime',
    unverified: true,
  }),
  // EnrichedOffice365AuditLogs / NetworkAccessTrafficLogs / RemoteNetworkHealthLogs: the note's best
  // guess is that they "mirror their Log Analytics tables", so their properties come from the table
  // columns (see laPropertiesSchema) rather than from the Graph networkaccess types: the LA tables are
  // flat like every other category's properties, are newer and have many more fields (95 vs 45 for
  // traffic), and Enriched M365 has no Graph type at all. Marked x-unverified.
  unsampledEnvelope('EnrichedOffice365AuditLogs', { kind: 'la', key: 'id' }),
  {
    category: 'MicrosoftGraphActivityLogs',
    unverified: false,
    fields: {
      time: always(TIME.iso),
      resourceId: always(RESOURCE_ID.upper),
      operationName: always(constStr('Microsoft Graph Activity')),
      operationVersion: always(str({ enum: ['v1.0', 'beta'], description: 'the Graph API version of the request' })),
      resultSignature: always(str({ pattern: '^[1-5][0-9]{2}$', description: 'HTTP status as a string' })),
      durationMs: always(str({ pattern: '^[0-9]+$', description: 'a string of digits (unlike every other category)' })),
      callerIpAddress: always(IP_ADDRESS),
      correlationId: always(GUID_STR),
      location: always(str({ description: 'Azure region display name, e.g. "East US 2"' })),
    },
    levels: [{ key: 'level', schema: constStr('Informational') }],
    keyOrder: GRAPH_ACTIVITY_ORDER,
    properties: { kind: 'graphActivity' },
    notes: ['tenantId is the last key, after properties.'],
  },
  unsampledEnvelope('NetworkAccessTrafficLogs', { kind: 'la', key: 'transactionId' }),
  unsampledEnvelope('RemoteNetworkHealthLogs', { kind: 'la', key: 'id', time: 'createdDateTime' }),
  auditEnvelope('CustomSecurityAttributeAuditLogs', 'customSecurityAttributeAudit', true),
];

/** LA column -> camelCase property: lower-case the leading capital run, keeping the capital that starts the next word (IPAddress -> ipAddress, AIAgentId -> aiAgentId, SourceIp -> sourceIp). */
export function camelCaseColumn(name: string): string {
  const m = /^[A-Z]+/.exec(name);
  if (!m) return name;
  const run = m[0];
  if (run.length === name.length) return name.toLowerCase();
  if (run.length === 1) return name[0].toLowerCase() + name.slice(1);
  const next = name[run.length];
  const keep = /[a-z]/.test(next) ? 1 : 0;
  return run.slice(0, run.length - keep).toLowerCase() + run.slice(run.length - keep) + name.slice(run.length);
}

/** Columns that are Log Analytics bookkeeping, not record content. */
const LA_SYSTEM_COLUMNS = new Set(['SourceSystem', 'TenantId', 'TimeGenerated', 'Type']);
/** Sentinel's CustomTables copy of EnrichedMicrosoft365AuditLogs has this typo (log-analytics/README.md §5). */
const LA_TYPO_COLUMNS = new Set(['antId']);

function laValueSchemaDiag(type: string): JsonObject {
  if (type === 'datetime') return nullable(dateTimeSchema('diag'));
  return laValueSchema(type);
}

function diagnosticPropertiesSchema(
  spec: EnvelopeSpec,
  beta: CsdlModel,
  compared: Record<string, ComparedTable>,
  table: string,
): { schema: JsonObject; defs: JsonObject; source: string } {
  const src = spec.properties;
  if (src.kind === 'graph') return graphDiagnosticProperties(beta, src);
  if (src.kind === 'provisioning') return provisioningProperties(beta);
  if (src.kind === 'graphActivity') return graphActivityProperties();
  // LA-mirrored categories.
  const { columns } = laColumnsFor(compared[table], table);
  const properties: JsonObject = {};
  for (const c of columns) {
    if (c.hidden || LA_SYSTEM_COLUMNS.has(c.name) || LA_TYPO_COLUMNS.has(c.name)) continue;
    properties[camelCaseColumn(c.name)] = { ...laValueSchemaDiag(c.type), 'x-la-column': c.name };
  }
  const required = [src.key, ...(src.time ? [src.time] : [])];
  for (const r of required) {
    const p = properties[r] as JsonObject | undefined;
    if (p && Array.isArray(p.type)) properties[r] = { ...p, type: p.type.filter((t) => t !== 'null') };
  }
  return {
    schema: {
      type: 'object',
      description:
        `Unverified: mirrors the Log Analytics table ${table} (columns camelCased, LA bookkeeping columns ` +
        `TenantId/TimeGenerated/Type/SourceSystem and hidden '_' columns dropped).`,
      'x-unverified': true,
      properties,
      required,
    },
    defs: {},
    source: `reference/log-analytics/tables/entra-tables-compared.json table ${table}`,
  };
}

function graphDiagnosticProperties(
  beta: CsdlModel,
  src: Extract<PropertiesSource, { kind: 'graph' }>,
): { schema: JsonObject; defs: JsonObject; source: string } {
  const entity = findEntity(beta, src.entityType);
  if (!entity) throw new Error(`beta CSDL has no entity type ${src.entityType}`);
  const b = new CsdlSchemaBuilder(beta, { dialect: 'diagnostic', dateTime: src.risk ? 'diag-risk' : 'diag' });
  const props = allProperties(beta, entity.fqn);
  const schema: JsonObject = { type: 'object' };
  b.fillObject(schema, props, [src.key, src.time], true);
  const properties = schema.properties as JsonObject;
  // Required keys are never null.
  for (const r of [src.key, src.time]) {
    const p = props.find((x) => x.name === r);
    if (p) properties[r] = b.propertySchema({ ...p, nullable: false });
  }
  const defs = b.sortedDefs();
  const patchDef = (name: string, extra: JsonObject): void => {
    const d = defs[name] as JsonObject | undefined;
    if (!d) return;
    d.properties = { ...(d.properties as JsonObject), ...extra };
  };
  if (src.entityType === 'signIn') {
    // §A.4 differences from Graph JSON.
    properties.userId = { type: ['string', 'null'], description: 'null on service-principal and managed-identity sign-ins' };
    properties.userType = { type: ['string', 'null'], enum: ['Member', 'Guest', null], description: 'capitalised, unlike the Graph enum' };
    properties.riskEventTypes = { type: ['array', 'null'], items: { type: 'string' } };
    patchDef('authenticationDetail', {
      StatusSequence: { type: ['number', 'null'], description: 'PascalCase, diagnostic records only' },
      RequestSequence: { type: ['number', 'null'], description: 'PascalCase, diagnostic records only' },
    });
    // Real 2025 records (DataDog storage fixtures) write the CA condition flags as numbers
    // ("conditionsSatisfied":1) and the audiences as objects ({"applicationId","audienceReasons"}).
    patchDef('appliedConditionalAccessPolicy', {
      conditionsSatisfied: { type: ['integer', 'string', 'null'] },
      conditionsNotSatisfied: { type: ['integer', 'string', 'null'] },
    });
    properties.conditionalAccessAudiences = {
      type: ['array', 'null'],
      items: { anyOf: [{ type: 'string' }, { type: 'object', properties: { applicationId: { type: 'string' }, audienceReasons: { type: 'string' } } }] },
    };
  }
  if (src.entityType === 'directoryAudit' || src.entityType === 'customSecurityAttributeAudit') {
    // Since Jan 2025 audit properties repeat envelope fields and add tenantGeo.
    Object.assign(properties, {
      tenantId: { type: ['string', 'null'] },
      resultType: { type: ['string', 'null'], description: 'observed ""' },
      resultDescription: { type: ['string', 'null'] },
      operationName: { type: ['string', 'null'] },
      identity: { type: ['string', 'null'] },
      tenantGeo: { type: ['string', 'null'], description: 'e.g. "NA"' },
    });
  }
  if (src.entityType === 'riskyUser') {
    properties.isGuest = { type: ['boolean', 'null'] };
  }
  return {
    schema,
    defs,
    source: `Graph beta ${entity.fqn} (reference/graph/beta-reporting.xml) with the diagnostic-record differences of notes/diagnostic-format.md §A.4`,
  };
}

function provisioningProperties(beta: CsdlModel): { schema: JsonObject; defs: JsonObject; source: string } {
  const base = graphDiagnosticProperties(beta, {
    kind: 'graph',
    entityType: 'provisioningObjectSummary',
    key: 'id',
    time: 'activityDateTime',
    risk: false,
  });
  const properties = base.schema.properties as JsonObject;
  const s = { type: ['string', 'null'] };
  const pascal = (keys: string[], extra: JsonObject = {}): JsonObject => {
    const p: JsonObject = {};
    for (const k of keys) p[k] = s;
    return { type: ['object', 'null'], properties: { ...p, ...extra } };
  };
  // §A.4: nested objects use PascalCase Id/Name/Type/Status.
  properties.servicePrincipal = pascal(['Id', 'Name']);
  properties.initiatedBy = pascal(['Type', 'Id', 'Name']);
  properties.provisioningStatusInfo = pascal(['Status'], {
    errorInformation: nullableRef({ $ref: '#/$defs/provisioningErrorInfo' }),
  });
  properties.statusInfo = { type: ['object', 'null'], properties: { Status: { enum: [0, 1, 2] } } };
  for (const k of ['sourceIdentity', 'targetIdentity', 'sourceSystem', 'targetSystem']) {
    // Unverified: assumed to follow the same PascalCase rule; details stays a free-form object.
    properties[k] = {
      ...pascal(['Id', 'Name', 'Type']),
      'x-unverified': true,
    };
  }
  // provisioningSteps[].details holds free-text keys; Elastic's raw Event Hubs sample carries
  // provisioningStepType and status as numbers (0-5, 0-2) where Graph writes enum names.
  properties.provisioningSteps = {
    type: ['array', 'null'],
    items: {
      type: 'object',
      properties: {
        name: s,
        description: s,
        provisioningStepType: { type: ['integer', 'string', 'null'] },
        status: { type: ['integer', 'string', 'null'] },
        details: { type: ['object', 'null'] },
      },
    },
  };
  const defs = base.defs;
  // Keep only defs still referenced.
  pruneDefs(base.schema, defs);
  return {
    schema: base.schema,
    defs,
    source:
      'Graph beta microsoft.graph.provisioningObjectSummary (reference/graph/beta-reporting.xml) with the PascalCase nested objects of notes/diagnostic-format.md §A.4',
  };
}

function pruneDefs(root: JsonObject, defs: JsonObject): void {
  const used = new Set<string>();
  const visit = (v: Json): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === '$ref' && typeof x === 'string' && x.startsWith('#/$defs/')) {
          const name = x.slice('#/$defs/'.length);
          if (!used.has(name)) {
            used.add(name);
            const d = defs[name];
            if (d !== undefined) visit(d);
          }
        } else visit(x);
      }
    }
  };
  visit(root);
  for (const k of Object.keys(defs)) if (!used.has(k)) delete defs[k];
}

function graphActivityProperties(): { schema: JsonObject; defs: JsonObject; source: string } {
  const s = { type: ['string', 'null'] };
  const int = { type: ['integer', 'null'] };
  const dt = nullable(dateTimeSchema('diag'));
  // Field list: notes §A.4; types per note (responseStatusCode, durationMs numbers) and otherwise
  // the MicrosoftGraphActivityLogs table (ResponseSizeBytes, ClientAuthMethod int; Roles/Scopes/Wids strings).
  const properties: JsonObject = {
    requestId: { type: 'string' },
    operationId: s,
    clientRequestId: s,
    apiVersion: s,
    requestMethod: s,
    requestUri: s,
    responseStatusCode: int,
    responseSizeBytes: int,
    durationMs: { ...int, description: 'a number here (a string in the envelope); 10^5-10^7, keep the observed unit' },
    appId: s,
    servicePrincipalId: s,
    userId: s,
    scopes: s,
    roles: s,
    wids: s,
    signInActivityId: s,
    timeGenerated: dateTimeSchema('diag'),
    tokenIssuedAt: dt,
    identityProvider: s,
    ipAddress: s,
    location: s,
    tenantId: s,
    userAgent: s,
    atContent: s,
    atContentH: s,
    atContentP: s,
    // Real records (DataDog storage fixtures, 2025) carry it as a string ("2"); LA types it int.
    clientAuthMethod: { type: ['string', 'integer', 'null'] },
    __UDI_RequiredFields_TenantId: s,
    __UDI_RequiredFields_UniqueId: s,
    // .NET ticks as an unquoted number in real records (638799492563154034).
    __UDI_RequiredFields_EventTime: { type: ['integer', 'string', 'null'] },
    __UDI_RequiredFields_RegionScope: s,
    UserPrincipalObjectID: s,
    C_Iat: { type: ['string', 'integer', 'null'] },
    C_Idtyp: s,
    C_DeviceId: s,
    C_Sid: s,
  };
  return {
    schema: { type: 'object', properties, required: ['requestId', 'timeGenerated'] },
    defs: {},
    source: 'notes/diagnostic-format.md §A.4 field list, cross-checked with the MicrosoftGraphActivityLogs table columns',
  };
}

function diagnosticSchema(
  spec: EnvelopeSpec,
  table: string,
  beta: CsdlModel,
  compared: Record<string, ComparedTable>,
): JsonObject {
  const props = diagnosticPropertiesSchema(spec, beta, compared, table);
  const properties: JsonObject = {};
  const required: string[] = [];
  const order = spec.keyOrder;
  const allowed = new Set<string>(['category', 'tenantId', 'properties', ...spec.levels.map((l) => l.key)]);
  for (const [k, f] of Object.entries(spec.fields)) if (f && f.presence !== 'never') allowed.add(k);
  for (const key of order) {
    if (!allowed.has(key)) continue;
    if (key === 'category') {
      properties.category = { const: spec.category };
      required.push('category');
    } else if (key === 'tenantId') {
      properties.tenantId = GUID_STR;
      required.push('tenantId');
    } else if (key === 'properties') {
      properties.properties = props.schema;
      required.push('properties');
    } else if (key === 'Level' || key === 'level') {
      const l = spec.levels.find((x) => x.key === key);
      if (!l) continue;
      properties[key] = l.schema;
      if (spec.levels.length === 1) required.push(key);
    } else {
      const f = spec.fields[key as keyof EnvelopeSpec['fields']];
      if (!f || f.presence === 'never') continue;
      properties[key] = f.schema;
      if (f.presence === 'always') required.push(key);
    }
  }
  const presence: JsonObject = {};
  for (const key of order) {
    if (['category', 'tenantId', 'properties'].includes(key)) presence[key] = 'always';
    else if (key === 'Level' || key === 'level') {
      if (spec.levels.some((l) => l.key === key)) presence[key] = spec.levels.length === 1 ? 'always' : 'one-of-Level-level';
      else presence[key] = 'never';
    } else presence[key] = spec.fields[key as keyof EnvelopeSpec['fields']]?.presence ?? 'never';
  }
  const schema: JsonObject = {
    $schema: SCHEMA_DIALECT,
    $id: `${ID_BASE}diagnostic/${spec.category}.schema.json`,
    title: `Diagnostic-settings record, category ${spec.category}`,
    description:
      `One record of the Entra ID diagnostic-settings category ${spec.category} as delivered to Event Hubs ` +
      `(inside {"records":[...]}) and storage (PT1H.json, one per line). Envelope from ` +
      `reference/notes/diagnostic-format.md §A.2-A.3${spec.unverified ? " (no public sample: the note's best guess)" : ''}; ` +
      `properties from ${props.source}.` +
      (spec.notes.length > 0 ? ' ' + spec.notes.join(' ') : ''),
    'x-category': spec.category,
    'x-table': table,
  };
  if (spec.unverified) schema['x-unverified'] = true;
  schema['x-key-order'] = order.filter((k) => allowed.has(k));
  schema['x-presence'] = presence;
  schema.type = 'object';
  schema.properties = properties;
  schema.required = required;
  if (spec.levels.length > 1) schema.oneOf = spec.levels.map((l) => ({ required: [l.key] }));
  schema.additionalProperties = false;
  if (Object.keys(props.defs).length > 0) schema.$defs = props.defs;
  return schema;
}

// ---------------------------------------------------------------------------------------------
// Driver
// ---------------------------------------------------------------------------------------------

export interface IndexEntry {
  shape: 'diagnostic' | 'graph' | 'loganalytics';
  file: string;
  $id: string;
  category?: string;
  table?: string;
  entityType?: string;
  version?: 'v1.0' | 'beta';
  odataPaths?: string[];
  unverified?: boolean;
}

function entityGraphVersion(spec: EnvelopeSpec): string | undefined {
  const p = spec.properties;
  if (p.kind === 'graph') return p.entityType;
  if (p.kind === 'provisioning') return 'provisioningObjectSummary';
  return undefined;
}

/** Returns every output file (path relative to schemas/ -> content). */
export function deriveSchemas(refDir: string = referenceDir()): Map<string, string> {
  const files = new Map<string, string>();
  const index: IndexEntry[] = [];
  const put = (rel: string, schema: JsonObject): void => {
    files.set(rel, JSON.stringify(schema, null, 2) + '\n');
  };

  const models = (['v1.0', 'beta'] as const).map((v) =>
    parseCsdl(readFileSync(join(refDir, 'graph', `${v}-reporting.xml`), 'utf8'), v),
  );
  for (const model of models) {
    const paths = odataPaths(model);
    for (const name of GRAPH_ENTITY_TYPES) {
      const entity = findEntity(model, name);
      if (!entity) continue;
      const rel = `graph/${model.version}/${name}.schema.json`;
      const p = paths.get(entity.fqn) ?? [];
      put(rel, graphEntitySchema(model, entity, p));
      index.push({ shape: 'graph', file: rel, $id: ID_BASE + rel, entityType: name, version: model.version, odataPaths: p });
    }
  }
  const beta = models[1];

  const compared = JSON.parse(readFileSync(join(refDir, 'log-analytics', 'tables', 'entra-tables-compared.json'), 'utf8')) as Record<
    string,
    ComparedTable
  >;
  const catMap = JSON.parse(readFileSync(join(refDir, 'log-analytics', 'tables', 'category-to-table.json'), 'utf8')) as {
    ga_or_documented: Record<string, string>;
  };
  const tableOf = (category: string): string => {
    const t = catMap.ga_or_documented[category];
    if (!t) throw new Error(`category-to-table.json has no table for ${category}`);
    return t;
  };

  for (const spec of ENVELOPES) {
    const table = tableOf(spec.category);
    if (!compared[table]) throw new Error(`entra-tables-compared.json has no table ${table}`);
    const rel = `diagnostic/${spec.category}.schema.json`;
    put(rel, diagnosticSchema(spec, table, beta, compared));
    const e: IndexEntry = { shape: 'diagnostic', file: rel, $id: ID_BASE + rel, category: spec.category, table };
    const et = entityGraphVersion(spec);
    if (et) {
      e.entityType = et;
      e.version = 'beta';
    }
    if (spec.unverified) e.unverified = true;
    index.push(e);
  }

  for (const spec of ENVELOPES) {
    const table = tableOf(spec.category);
    const rel = `loganalytics/${table}.schema.json`;
    put(rel, laTableSchema(table, compared[table], [spec.category]));
    index.push({ shape: 'loganalytics', file: rel, $id: ID_BASE + rel, category: spec.category, table });
  }

  const shapeOrder = { diagnostic: 0, graph: 1, loganalytics: 2 };
  index.sort((a, b) => shapeOrder[a.shape] - shapeOrder[b.shape] || a.file.localeCompare(b.file));
  files.set(
    'index.json',
    JSON.stringify(
      {
        $comment: 'Generated by scripts/derive-schemas.ts from ../shared/reference; do not edit.',
        dialect: SCHEMA_DIALECT,
        schemas: index as unknown as Json,
      },
      null,
      2,
    ) + '\n',
  );
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function writeSchemas(files: Map<string, string>, outDir: string): void {
  for (const sub of ['diagnostic', 'graph', 'loganalytics']) rmSync(join(outDir, sub), { recursive: true, force: true });
  for (const [rel, content] of files) {
    const path = join(outDir, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
}

/** Relative paths of every file under dir (for up-to-date checks). */
export function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listFiles(join(dir, e.name), rel));
    else out.push(rel);
  }
  return out.sort();
}

function main(): void {
  const ref = referenceDir();
  if (!existsSync(ref)) {
    process.stderr.write(`derive-schemas: reference directory not found: ${ref} (set ENTRASIM_REFERENCE)\n`);
    process.exit(2);
  }
  const files = deriveSchemas(ref);
  const out = join(REPO_ROOT, 'schemas');
  writeSchemas(files, out);
  process.stdout.write(`derive-schemas: wrote ${files.size} files to ${out}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
