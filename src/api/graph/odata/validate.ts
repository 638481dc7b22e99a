/**
 * Checks a parsed `$filter` against the collection's schema and capability table, the
 * way Graph's reporting APIs refuse anything outside their documented list (e.g.
 * `status/errorCode ge 1`, or a quoted datetime) with "Invalid filter clause".
 */
import type { FilterCapability } from '../capabilities.ts';
import type { GraphSchema, ResolvedProperty } from '../schema/schema.ts';
import type { FilterExpression, FilterOperator, Literal, Operand, PathNode } from './ast.ts';

export class FilterNotSupportedError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'FilterNotSupportedError';
  }
}

export interface FilterTarget {
  readonly schema: GraphSchema;
  /** Fully qualified entity type. */
  readonly entityType: string;
  readonly capability: FilterCapability;
}

/** What a path resolves to plus the key it has in a capability table. */
interface Resolved {
  readonly property: ResolvedProperty | { readonly kind: 'primitive' | 'enum'; readonly type: string; readonly collection: false; readonly enumType?: ResolvedProperty['enumType'] };
  readonly key: string;
}

interface LambdaBinding {
  /** Element type name (structured or primitive/enum). */
  readonly elementType: string;
  readonly element: ResolvedProperty;
  /** Capability key prefix: `collection/any`. */
  readonly key: string;
}

export function validateFilter(expr: FilterExpression, target: FilterTarget): void {
  new Validator(target).check(expr, new Map());
}

/** True when the filter mentions a property path anywhere (e.g. `signInEventTypes`). */
export function mentionsProperty(expr: FilterExpression, property: string): boolean {
  const lower = property.toLowerCase();
  const inPath = (p: PathNode): boolean => p.variable === undefined && p.segments[0]?.toLowerCase() === lower;
  const inOperand = (o: Operand): boolean => o.kind === 'path' && inPath(o);
  switch (expr.kind) {
    case 'and':
    case 'or':
      return mentionsProperty(expr.left, property) || mentionsProperty(expr.right, property);
    case 'not':
      return mentionsProperty(expr.operand, property);
    case 'compare':
      return inOperand(expr.left) || inOperand(expr.right);
    case 'function':
      return inPath(expr.target);
    case 'lambda':
      return inPath(expr.collection) || (expr.predicate !== undefined && mentionsProperty(expr.predicate, property));
    case 'value':
      return inOperand(expr.operand);
  }
}

class Validator {
  constructor(private readonly target: FilterTarget) {}

  check(expr: FilterExpression, scope: ReadonlyMap<string, LambdaBinding>): void {
    switch (expr.kind) {
      case 'and':
      case 'or':
        this.check(expr.left, scope);
        this.check(expr.right, scope);
        return;
      case 'not':
        this.check(expr.operand, scope);
        return;
      case 'compare': {
        const [path, lit] =
          expr.left.kind === 'path' && expr.right.kind === 'literal'
            ? [expr.left, expr.right.literal]
            : expr.right.kind === 'path' && expr.left.kind === 'literal'
              ? [expr.right, expr.left.literal]
              : [undefined, undefined];
        if (!path || !lit) throw new FilterNotSupportedError('a comparison needs one property and one literal');
        const resolved = this.resolvePath(path, scope);
        this.requireOperator(resolved.key, expr.op);
        this.checkLiteral(resolved, lit);
        return;
      }
      case 'function': {
        const resolved = this.resolvePath(expr.target, scope);
        if (resolved.property.type !== 'Edm.String') {
          throw new FilterNotSupportedError(`${expr.name} needs a string property, '${resolved.key}' is ${resolved.property.type}`);
        }
        this.requireOperator(resolved.key, expr.name);
        return;
      }
      case 'lambda': {
        const collection = this.resolveCollection(expr.collection);
        const key = `${collection.key}/${expr.op}`;
        this.requireLambda(key, expr.op);
        if (!expr.predicate || expr.variable === undefined) return;
        const binding: LambdaBinding = { elementType: collection.property.type, element: collection.property, key };
        const inner = new Map(scope);
        inner.set(expr.variable, binding);
        this.check(expr.predicate, inner);
        return;
      }
      case 'value': {
        if (expr.operand.kind === 'literal') {
          if (expr.operand.literal.kind !== 'boolean') throw new FilterNotSupportedError('a filter must be boolean');
          return;
        }
        const resolved = this.resolvePath(expr.operand, scope);
        if (resolved.property.type !== 'Edm.Boolean') throw new FilterNotSupportedError(`'${resolved.key}' is not boolean`);
        this.requireOperator(resolved.key, 'eq');
        return;
      }
    }
  }

  /** Resolves a path to a single primitive or enum value. */
  private resolvePath(path: PathNode, scope: ReadonlyMap<string, LambdaBinding>): Resolved {
    const { schema } = this.target;
    if (path.variable !== undefined) {
      const binding = scope.get(path.variable);
      if (!binding) throw new FilterNotSupportedError(`unknown range variable '${path.variable}'`);
      if (path.segments.length === 0) {
        if (binding.element.kind !== 'primitive' && binding.element.kind !== 'enum') {
          throw new FilterNotSupportedError(`'${path.variable}' ranges over structured values`);
        }
        return {
          property: {
            kind: binding.element.kind,
            type: binding.element.type,
            collection: false,
            ...(binding.element.enumType ? { enumType: binding.element.enumType } : {}),
          },
          key: binding.key,
        };
      }
      const found = schema.resolvePath(binding.elementType, path.segments);
      if (!found) throw new FilterNotSupportedError(`no property '${path.segments.join('/')}' on ${binding.elementType}`);
      this.requireScalar(found.resolved, found.canonical.join('/'));
      return { property: found.resolved, key: `${binding.key}/${found.canonical.join('/')}` };
    }
    const found = schema.resolvePath(this.target.entityType, path.segments);
    if (!found) throw new FilterNotSupportedError(`no property '${path.segments.join('/')}' on ${this.target.entityType}`);
    this.requireScalar(found.resolved, found.canonical.join('/'));
    return { property: found.resolved, key: found.canonical.join('/') };
  }

  private resolveCollection(path: PathNode): { property: ResolvedProperty; key: string } {
    if (path.variable !== undefined) throw new FilterNotSupportedError('nested lambdas are not supported');
    const found = this.target.schema.resolvePath(this.target.entityType, path.segments);
    if (!found || !found.resolved.collection) {
      throw new FilterNotSupportedError(`'${path.segments.join('/')}' is not a collection`);
    }
    return { property: found.resolved, key: found.canonical.join('/') };
  }

  private requireScalar(p: ResolvedProperty, key: string): void {
    if (p.collection) throw new FilterNotSupportedError(`'${key}' is a collection: use any()/all()`);
    if (p.kind !== 'primitive' && p.kind !== 'enum') throw new FilterNotSupportedError(`'${key}' is not a primitive property`);
  }

  private requireOperator(key: string, op: FilterOperator): void {
    const cap = this.target.capability;
    const allowed = cap.kind === 'all' ? cap.operators : cap.properties[key];
    if (!allowed) throw new FilterNotSupportedError(`'${key}' does not support $filter`);
    if (!allowed.includes(op)) throw new FilterNotSupportedError(`'${key}' does not support '${op}'`);
  }

  private requireLambda(key: string, op: 'any' | 'all'): void {
    const cap = this.target.capability;
    if (cap.kind === 'all') {
      if (!cap.lambdas.includes(op)) throw new FilterNotSupportedError(`'${op}' is not supported`);
      return;
    }
    const prefix = key + '/';
    if (!(key in cap.properties) && !Object.keys(cap.properties).some((k) => k.startsWith(prefix))) {
      throw new FilterNotSupportedError(`'${key}' does not support $filter`);
    }
  }

  private checkLiteral(resolved: Resolved, lit: Literal): void {
    const { property, key } = resolved;
    if (lit.kind === 'null') return;
    const type = property.type;
    const bad = (): never => {
      throw new FilterNotSupportedError(`'${key}' (${type}) cannot be compared with a ${lit.kind} literal`);
    };
    if (property.kind === 'enum') {
      if (lit.kind !== 'string' && lit.kind !== 'enum') bad();
      const value = lit.kind === 'string' || lit.kind === 'enum' ? lit.value : '';
      if (lit.kind === 'enum' && lit.enumType.toLowerCase() !== type.toLowerCase()) {
        throw new FilterNotSupportedError(`enum literal of type ${lit.enumType} for '${key}' (${type})`);
      }
      const members = property.enumType?.members ?? [];
      const parts = property.enumType?.flags ? value.split(',').map((s) => s.trim()) : [value];
      for (const part of parts) {
        if (!members.some((m) => m.toLowerCase() === part.toLowerCase())) {
          throw new FilterNotSupportedError(`'${part}' is not a member of ${type}`);
        }
      }
      return;
    }
    switch (type) {
      case 'Edm.DateTimeOffset':
        // Graph rejects quoted datetimes with "Invalid filter clause" (GH microsoft-graph-docs#14173).
        if (lit.kind !== 'datetime') bad();
        return;
      case 'Edm.Int32':
      case 'Edm.Int64':
      case 'Edm.Double':
        if (lit.kind !== 'number') bad();
        return;
      case 'Edm.Boolean':
        if (lit.kind !== 'boolean') bad();
        return;
      case 'Edm.String':
      case 'Edm.Guid':
        if (lit.kind !== 'string' && lit.kind !== 'guid') bad();
        return;
      default:
        return;
    }
  }
}
