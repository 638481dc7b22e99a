/**
 * OData system query options of a collection request, parsed and checked against the
 * collection's capabilities. Everything refused here becomes the 400 Graph sends.
 */
import type { GraphVersion } from '../../core/categories.ts';
import type { GraphCollectionInfo } from './collections.ts';
import { GraphErrors } from './errors.ts';
import type { FilterExpression } from './odata/ast.ts';
import { compileFilter, type JsonPredicate } from './odata/evaluate.ts';
import { parseFilter } from './odata/parser.ts';
import { timeRangeOf, type TimeRange } from './odata/time-range.ts';
import { FilterSyntaxError } from './odata/tokenizer.ts';
import { FilterNotSupportedError, mentionsProperty, validateFilter } from './odata/validate.ts';
import { schemaOf } from './schema/schema.ts';
import type { GraphLogOrder } from './source.ts';

const KNOWN = new Set(['filter', 'top', 'skip', 'skiptoken', 'select', 'orderby', 'count', 'expand', 'search', 'format', 'deltatoken']);

/** The raw option values (decoded), by lower-case name without `$`. */
export type RawQueryOptions = ReadonlyMap<string, string>;

/**
 * Reads system query options. Names are case-insensitive; beta also accepts them
 * without `$` (Graph's "dollar-optional" beta behaviour). A leading `&` is harmless
 * (`signIns?&$filter=…` appears in Microsoft's examples).
 */
export function readQueryOptions(url: URL, version: GraphVersion): RawQueryOptions {
  const options = new Map<string, string>();
  for (const [name, value] of url.searchParams) {
    const lower = name.toLowerCase();
    let option: string | undefined;
    if (lower.startsWith('$')) option = lower.slice(1);
    else if (version === 'beta' && KNOWN.has(lower)) option = lower;
    if (option === undefined) continue;
    if (!KNOWN.has(option)) throw GraphErrors.unsupportedQuery(`The query parameter '${name}' is not supported.`);
    if (options.has(option)) throw GraphErrors.duplicateOption(`$${option}`);
    options.set(option, value);
  }
  return options;
}

export interface CollectionQuery {
  readonly filterText?: string;
  readonly filter?: FilterExpression;
  /** Compiled filter plus implicit conditions (beta sign-ins: interactive only). */
  readonly predicate?: JsonPredicate;
  readonly range: TimeRange;
  readonly order: GraphLogOrder;
  readonly orderByText?: string;
  readonly top: number;
  /** Canonical property names, in request order. */
  readonly select?: ReadonlyArray<string>;
  readonly count: boolean;
  readonly skipToken?: string;
}

const INTERACTIVE_ONLY: JsonPredicate = (item) => {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return false;
  const types = item.signInEventTypes;
  if (Array.isArray(types)) return types.includes('interactiveUser');
  return item.isInteractive !== false;
};

export function resolveCollectionQuery(
  options: RawQueryOptions,
  info: GraphCollectionInfo,
  version: GraphVersion,
): CollectionQuery {
  const caps = info.capabilities;
  const schema = schemaOf(version);
  if (options.has('skip')) throw GraphErrors.skipNotSupported();
  if (options.has('search')) throw GraphErrors.unsupportedQuery('Search is not supported for this resource.');
  if (options.has('expand')) throw GraphErrors.unsupportedQuery('Expand is not supported for this resource.');
  if (options.has('deltatoken')) throw GraphErrors.unsupportedQuery('Delta query is not supported for this resource.');
  const format = options.get('format');
  if (format !== undefined && format.toLowerCase() !== 'json' && !format.toLowerCase().startsWith('application/json')) {
    throw GraphErrors.unsupportedQuery(`The format '${format}' is not supported.`);
  }

  // $top
  let top = caps.top.default;
  const topText = options.get('top');
  if (topText !== undefined) {
    const n = /^\d+$/.test(topText.trim()) ? Number(topText.trim()) : NaN;
    if (!Number.isInteger(n) || n < 1 || n > caps.top.max) throw GraphErrors.invalidTop(topText, caps.top.max);
    top = n;
  }

  // $count
  let count = false;
  const countText = options.get('count');
  if (countText !== undefined) {
    const lower = countText.trim().toLowerCase();
    if (lower !== 'true' && lower !== 'false') throw GraphErrors.unsupportedQuery(`'${countText}' is not a valid count option.`);
    count = lower === 'true';
    if (count && !caps.count) throw GraphErrors.unsupportedQuery('$count is not supported on this resource.');
  }

  // $select
  let select: string[] | undefined;
  const selectText = options.get('select');
  if (selectText !== undefined) {
    if (!caps.select) throw GraphErrors.unsupportedQuery('$select is not supported on this resource.');
    select = [];
    for (const raw of selectText.split(',')) {
      const name = raw.trim();
      if (name === '') continue;
      const p = schema.property(info.entityType, name);
      if (!p || p.navigation) throw GraphErrors.unknownProperty(name, info.entityType);
      if (!select.includes(p.name)) select.push(p.name);
    }
    if (select.length === 0) select = undefined;
  }

  // $orderby: the time key, asc or desc (keyset paging runs on it).
  let order: GraphLogOrder = 'desc';
  const orderByText = options.get('orderby');
  if (orderByText !== undefined) {
    const m = /^\s*([\w/]+)(?:\s+(asc|desc))?\s*$/i.exec(orderByText);
    const property = m ? caps.orderBy.find((p) => p.toLowerCase() === m[1]!.toLowerCase()) : undefined;
    if (!m || !property) throw GraphErrors.invalidOrderBy(`$orderby supports ${caps.orderBy.join(', ')} only`);
    order = (m[2] ?? 'asc').toLowerCase() === 'desc' ? 'desc' : 'asc';
  }

  // $filter
  const filterText = options.get('filter');
  let filter: FilterExpression | undefined;
  if (filterText !== undefined) {
    try {
      filter = parseFilter(filterText);
      validateFilter(filter, { schema, entityType: info.entityType, capability: caps.filter });
    } catch (e) {
      if (e instanceof FilterSyntaxError || e instanceof FilterNotSupportedError) throw GraphErrors.invalidFilter(e.message);
      throw e;
    }
  }
  let predicate = filter ? compileFilter(filter, { caseSensitive: caps.caseSensitive }) : undefined;
  // Beta sign-ins list interactive sign-ins unless signInEventTypes is filtered (notes §3).
  if (info.collection === 'signIns' && version === 'beta' && !(filter && mentionsProperty(filter, 'signInEventTypes'))) {
    const explicit = predicate;
    predicate = explicit ? (item) => INTERACTIVE_ONLY(item) && explicit(item) : INTERACTIVE_ONLY;
  }

  return {
    ...(filterText !== undefined ? { filterText } : {}),
    ...(filter ? { filter } : {}),
    ...(predicate ? { predicate } : {}),
    range: timeRangeOf(filter, info.timeProperty),
    order,
    ...(orderByText !== undefined ? { orderByText } : {}),
    top,
    ...(select ? { select } : {}),
    count,
    ...(options.has('skiptoken') ? { skipToken: options.get('skiptoken')! } : {}),
  };
}
