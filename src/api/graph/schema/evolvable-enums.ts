/**
 * Evolvable enums (notes §2.5): members declared after the `unknownFutureValue` sentinel
 * are sent only to clients that ask with `Prefer: include-unknown-enum-members`; everyone
 * else gets the sentinel. The substitution table is computed from the derived CSDL model:
 * for each entity type, the property paths whose enum has such late members.
 */
import type { Json, JsonObject } from '../../../core/activity.ts';
import type { GraphVersion } from '../../../core/categories.ts';
import { schemaOf, type GraphSchema } from './schema.ts';

interface LateMembers {
  /** `unknownFutureValue`, or `UnknownFutureValue` for the PascalCase tokenIssuerType. */
  readonly sentinel: string;
  readonly late: ReadonlySet<string>;
  readonly flags: boolean;
}

/** A node of the substitution tree: a property holding a late-capable enum, or leading to one. */
interface SiteNode {
  readonly enumMembers?: LateMembers;
  readonly children: Map<string, SiteNode>;
}

/** Late members of an enum, or undefined when it has none. */
export function lateMembersOf(version: GraphVersion, enumType: string): LateMembers | undefined {
  const e = schemaOf(version).enumType(enumType);
  if (!e) return undefined;
  const at = e.members.findIndex((m) => m.toLowerCase() === 'unknownfuturevalue');
  if (at < 0 || at === e.members.length - 1) return undefined;
  return { sentinel: e.members[at]!, late: new Set(e.members.slice(at + 1)), flags: e.flags };
}

function buildTree(schema: GraphSchema, typeName: string, seen: ReadonlySet<string>): SiteNode | undefined {
  const children = new Map<string, SiteNode>();
  for (const p of schema.properties(typeName)) {
    const enumMembers = lateMembersOf(schema.version, p.type);
    if (enumMembers) {
      children.set(p.name, { enumMembers, children: new Map() });
      continue;
    }
    if (schema.structured(p.type)?.kind === 'complex' && !seen.has(p.type)) {
      const sub = buildTree(schema, p.type, new Set([...seen, p.type]));
      if (sub) children.set(p.name, sub);
    }
  }
  return children.size > 0 ? { children } : undefined;
}

const TREES = new Map<string, SiteNode | null>();

function treeOf(version: GraphVersion, entityType: string): SiteNode | undefined {
  const key = `${version}|${entityType}`;
  let tree = TREES.get(key);
  if (tree === undefined) {
    tree = buildTree(schemaOf(version), entityType, new Set([entityType])) ?? null;
    TREES.set(key, tree);
  }
  return tree ?? undefined;
}

function substituteValue(value: string, m: LateMembers): string {
  if (!m.flags) return m.late.has(value) ? m.sentinel : value;
  const parts = value.split(',');
  if (!parts.some((p) => m.late.has(p.trim()))) return value;
  const out: string[] = [];
  for (const part of parts) {
    const v = m.late.has(part.trim()) ? m.sentinel : part.trim();
    if (!out.includes(v)) out.push(v);
  }
  return out.join(',');
}

/** Copy-on-write: returns the same object when nothing needed substituting. */
function apply(value: Json, node: SiteNode): Json {
  if (Array.isArray(value)) {
    let copy: Json[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const next = apply(value[i]!, node);
      if (next !== value[i]) (copy ??= value.slice())[i] = next;
    }
    return copy ?? value;
  }
  if (node.enumMembers) return typeof value === 'string' ? substituteValue(value, node.enumMembers) : value;
  if (value === null || typeof value !== 'object') return value;
  let copy: JsonObject | undefined;
  for (const [name, child] of node.children) {
    const current = value[name];
    if (current === undefined || current === null) continue;
    const next = apply(current, child);
    if (next !== current) (copy ??= { ...value })[name] = next;
  }
  return copy ?? value;
}

/**
 * A function replacing late enum members in a resource of the given entity type, or
 * undefined when the type has no evolvable enum with late members (nothing to do).
 */
export function enumSubstituter(version: GraphVersion, entityType: string): ((resource: JsonObject) => JsonObject) | undefined {
  const tree = treeOf(version, entityType);
  if (!tree) return undefined;
  return (resource) => apply(resource, tree) as JsonObject;
}
