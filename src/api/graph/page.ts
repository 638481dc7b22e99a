/**
 * One page of a collection: keyset scan of the source, filter, `$top`, next-page
 * cursor, and the JSON body built by string concatenation (records that the source
 * already holds serialised are copied as-is). Work per request is bounded by a scan
 * budget: a very selective filter over millions of records returns a short (possibly
 * empty) page with a nextLink, as Graph itself does, rather than scanning everything.
 */
import type { GraphResource, JsonObject } from '../../core/activity.ts';
import type { GraphVersion } from '../../core/categories.ts';
import type { GraphCollectionInfo } from './collections.ts';
import type { CollectionQuery } from './query.ts';
import type { GraphLogItem, GraphLogKey, GraphLogScan, GraphLogSource } from './source.ts';

export interface PageRequest {
  readonly source: GraphLogSource;
  readonly info: GraphCollectionInfo;
  readonly version: GraphVersion;
  readonly query: CollectionQuery;
  readonly now: number;
  readonly parentId?: string;
  readonly after?: GraphLogKey;
  /** Maximum records examined for this page. */
  readonly scanBudget: number;
}

export interface Page {
  readonly items: ReadonlyArray<GraphLogItem>;
  /** Where the next page resumes; undefined on the last page. */
  readonly next?: GraphLogKey;
}

function scanOf(req: PageRequest, after: GraphLogKey | undefined): GraphLogScan {
  const { range } = req.query;
  return {
    now: req.now,
    order: req.query.order,
    ...(after ? { after } : {}),
    ...(range.from !== undefined ? { from: range.from } : {}),
    ...(range.to !== undefined ? { to: range.to } : {}),
    ...(req.parentId !== undefined ? { parentId: req.parentId } : {}),
  };
}

export function readPage(req: PageRequest): Page {
  const { predicate, top } = req.query;
  const items: GraphLogItem[] = [];
  const iterator = req.source.scan(req.info.collection, req.version, scanOf(req, req.after))[Symbol.iterator]();
  let scanned = 0;
  let next: GraphLogKey | undefined;
  try {
    for (let r = iterator.next(); !r.done; r = iterator.next()) {
      const item = r.value;
      scanned++;
      const matches = !predicate || predicate(item.resource);
      if (matches) {
        if (items.length === top) {
          // A further match exists: the page is full and there is a next one.
          next = items[items.length - 1];
          break;
        }
        items.push(item);
      }
      if (scanned >= req.scanBudget) {
        // Out of budget: resume after the last record examined (all before it are decided).
        next = item;
        break;
      }
    }
  } finally {
    iterator.return?.();
  }
  return next ? { items, next: { time: next.time, id: next.id } } : { items };
}

/** Counts every matching visible record (first page of `$count=true`). */
export function countMatches(req: Omit<PageRequest, 'after' | 'scanBudget'>): number {
  const { predicate } = req.query;
  let n = 0;
  for (const item of req.source.scan(req.info.collection, req.version, scanOf({ ...req, scanBudget: Infinity }, undefined))) {
    if (!predicate || predicate(item.resource)) n++;
  }
  return n;
}

export interface Serializer {
  /** `$select`ed property names, schema-cased. */
  readonly select?: ReadonlyArray<string>;
  /** Evolvable-enum substitution, or undefined when the client asked for all members. */
  readonly substitute?: (resource: JsonObject) => JsonObject;
}

/** The record as it goes out: projected, enums substituted. */
export function renderItem(item: GraphLogItem, s: Serializer): GraphResource {
  let resource: GraphResource = item.resource;
  if (s.select) resource = project(resource, s.select);
  if (s.substitute) resource = s.substitute(resource);
  return resource;
}

/** The record as JSON text for the response. */
export function serializeItem(item: GraphLogItem, s: Serializer): string {
  const resource = renderItem(item, s);
  if (resource === item.resource && item.json !== undefined) return item.json;
  return JSON.stringify(resource);
}

/**
 * The page's response text. Where no record arrives pre-serialised, one
 * `JSON.stringify` of the whole page writes every byte once; otherwise the stored JSON
 * texts are spliced in.
 */
export function pageBody(context: string, items: ReadonlyArray<GraphLogItem>, s: Serializer, nextLink?: string, count?: number): string {
  if (!items.some((item) => item.json !== undefined)) {
    const page: Record<string, unknown> = { '@odata.context': context };
    if (count !== undefined) page['@odata.count'] = count;
    if (nextLink !== undefined) page['@odata.nextLink'] = nextLink;
    page.value = items.map((item) => renderItem(item, s));
    return JSON.stringify(page);
  }
  return collectionBody(context, items.map((item) => serializeItem(item, s)), nextLink, count);
}

/** `$select`: the chosen top-level properties, in the record's own order. */
export function project(resource: GraphResource, select: ReadonlyArray<string>): GraphResource {
  const wanted = new Set(select);
  const out: JsonObject = {};
  for (const key in resource) if (wanted.has(key)) out[key] = resource[key]!;
  return out;
}

/** The collection response text; records are spliced in as already-serialised JSON. */
export function collectionBody(context: string, items: ReadonlyArray<string>, nextLink?: string, count?: number): string {
  let head = '{"@odata.context":' + JSON.stringify(context);
  if (count !== undefined) head += ',"@odata.count":' + count;
  if (nextLink !== undefined) head += ',"@odata.nextLink":' + JSON.stringify(nextLink);
  return head + ',"value":[' + items.join(',') + ']}';
}
