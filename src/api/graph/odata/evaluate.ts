/**
 * Compiles a `$filter` tree into a predicate over Graph JSON objects. Compiling once
 * per request (closures, literals pre-folded) keeps evaluation cheap enough to scan
 * hundreds of thousands of records per second.
 *
 * Semantics follow what Graph's reporting APIs do: string comparison ignores case
 * (except where the collection is case-sensitive, provisioning), datetimes compare as
 * instants, a missing or null property only equals `null`.
 */
import type { Json } from '../../../core/activity.ts';
import type { ComparisonOperator, FilterExpression, Instant, Literal, Operand, PathNode } from './ast.ts';
import { compareInstants, parseInstant } from './instant.ts';

export type JsonPredicate = (item: Json) => boolean;

export interface CompileOptions {
  /** Graph compares strings case-insensitively on these APIs; provisioning does not. */
  readonly caseSensitive?: boolean;
}

/** Lambda range variables bound while evaluating, innermost last. */
type Scope = ReadonlyMap<string, Json>;
type Getter = (item: Json, scope: Scope) => Json | undefined;
type Compiled = (item: Json, scope: Scope) => boolean;

const EMPTY_SCOPE: Scope = new Map();

export function compileFilter(expr: FilterExpression, options: CompileOptions = {}): JsonPredicate {
  const fold = options.caseSensitive ? (s: string) => s : (s: string) => s.toLowerCase();
  const run = compile(expr, fold);
  return (item) => run(item, EMPTY_SCOPE);
}

function compile(expr: FilterExpression, fold: (s: string) => string): Compiled {
  switch (expr.kind) {
    case 'and': {
      const l = compile(expr.left, fold);
      const r = compile(expr.right, fold);
      return (item, scope) => l(item, scope) && r(item, scope);
    }
    case 'or': {
      const l = compile(expr.left, fold);
      const r = compile(expr.right, fold);
      return (item, scope) => l(item, scope) || r(item, scope);
    }
    case 'not': {
      const inner = compile(expr.operand, fold);
      return (item, scope) => !inner(item, scope);
    }
    case 'compare':
      return compileComparison(expr.op, expr.left, expr.right, fold);
    case 'function': {
      const get = getter(expr.target);
      const arg = fold(expr.argument.literal.kind === 'string' || expr.argument.literal.kind === 'guid' ? expr.argument.literal.value : '');
      const test =
        expr.name === 'startswith'
          ? (s: string) => s.startsWith(arg)
          : expr.name === 'endswith'
            ? (s: string) => s.endsWith(arg)
            : (s: string) => s.includes(arg);
      return (item, scope) => {
        const v = get(item, scope);
        return typeof v === 'string' && test(fold(v));
      };
    }
    case 'lambda': {
      const collection = getter(expr.collection);
      const variable = expr.variable;
      if (!expr.predicate || variable === undefined) {
        return (item, scope) => {
          const v = collection(item, scope);
          return Array.isArray(v) && v.length > 0;
        };
      }
      const predicate = compile(expr.predicate, fold);
      const any = expr.op === 'any';
      return (item, scope) => {
        const v = collection(item, scope);
        if (!Array.isArray(v)) return !any && v === undefined ? true : false;
        const inner = new Map(scope);
        for (const element of v) {
          inner.set(variable, element);
          const hit = predicate(item, inner);
          if (any && hit) return true;
          if (!any && !hit) return false;
        }
        return !any;
      };
    }
    case 'value': {
      if (expr.operand.kind === 'literal') {
        const value = expr.operand.literal.kind === 'boolean' && expr.operand.literal.value;
        return () => value;
      }
      const get = getter(expr.operand);
      return (item, scope) => get(item, scope) === true;
    }
  }
}

function getter(path: PathNode): Getter {
  const segments = path.segments;
  const variable = path.variable;
  return (item, scope) => {
    let v: Json | undefined = variable !== undefined ? scope.get(variable) : item;
    for (let i = 0; i < segments.length; i++) {
      if (v === null || v === undefined || typeof v !== 'object' || Array.isArray(v)) return undefined;
      v = v[segments[i]!];
    }
    return v;
  };
}

const FLIP: Readonly<Record<ComparisonOperator, ComparisonOperator>> = {
  eq: 'eq',
  ne: 'ne',
  gt: 'lt',
  ge: 'le',
  lt: 'gt',
  le: 'ge',
};

function holds(op: ComparisonOperator, order: number): boolean {
  switch (op) {
    case 'eq':
      return order === 0;
    case 'ne':
      return order !== 0;
    case 'gt':
      return order > 0;
    case 'ge':
      return order >= 0;
    case 'lt':
      return order < 0;
    case 'le':
      return order <= 0;
  }
}

function compileComparison(op: ComparisonOperator, left: Operand, right: Operand, fold: (s: string) => string): Compiled {
  // Normalise to `path op literal`; validation rejects other shapes for real collections,
  // but literal-vs-literal and path-vs-path still evaluate sensibly here.
  if (left.kind === 'literal' && right.kind === 'path') return compileComparison(FLIP[op], right, left, fold);
  if (left.kind === 'literal' && right.kind === 'literal') {
    const result = compareValues(op, literalValue(left.literal), right.literal, fold);
    return () => result;
  }
  if (right.kind === 'path') {
    const l = getter(left as PathNode);
    const r = getter(right);
    return (item, scope) => {
      const a = l(item, scope);
      const b = r(item, scope);
      if (typeof b === 'string') return compareValues(op, a, { kind: 'string', value: b }, fold);
      if (typeof b === 'number') return compareValues(op, a, { kind: 'number', value: b, raw: String(b) }, fold);
      if (typeof b === 'boolean') return compareValues(op, a, { kind: 'boolean', value: b }, fold);
      return compareValues(op, a, { kind: 'null' }, fold);
    };
  }
  const get = getter(left as PathNode);
  const lit = right.literal;
  if (lit.kind === 'datetime') {
    const instant = lit.value;
    return (item, scope) => compareDatetime(op, get(item, scope), instant);
  }
  if (lit.kind === 'string' || lit.kind === 'guid' || lit.kind === 'enum') {
    const folded = fold(lit.value);
    const raw = lit.value;
    return (item, scope) => {
      const v = get(item, scope);
      if (typeof v === 'string') return holds(op, order(fold(v), folded));
      if (typeof v === 'number') return holds(op, order(String(v), raw));
      return v === null || v === undefined ? op === 'ne' : false;
    };
  }
  return (item, scope) => compareValues(op, get(item, scope), lit, fold);
}

function literalValue(lit: Literal): Json | undefined {
  switch (lit.kind) {
    case 'null':
      return null;
    case 'datetime':
      return lit.raw;
    case 'enum':
    case 'guid':
    case 'string':
      return lit.value;
    case 'number':
    case 'boolean':
      return lit.value;
  }
}

function order(a: string | number, b: string | number): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

function compareDatetime(op: ComparisonOperator, v: Json | undefined, instant: Instant): boolean {
  if (typeof v !== 'string') return v === null || v === undefined ? op === 'ne' : false;
  const parsed = parseInstant(v);
  return parsed !== undefined && holds(op, compareInstants(parsed, instant));
}

function compareValues(op: ComparisonOperator, v: Json | undefined, lit: Literal, fold: (s: string) => string): boolean {
  switch (lit.kind) {
    case 'null': {
      const isNull = v === null || v === undefined;
      return op === 'eq' ? isNull : op === 'ne' ? !isNull : false;
    }
    case 'boolean':
      if (typeof v !== 'boolean') return op === 'ne';
      return op === 'eq' ? v === lit.value : op === 'ne' ? v !== lit.value : false;
    case 'number':
      if (typeof v === 'number') return holds(op, order(v, lit.value));
      if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return holds(op, order(Number(v), lit.value));
      return v === null || v === undefined ? op === 'ne' : false;
    case 'datetime':
      return compareDatetime(op, v, lit.value);
    case 'string':
    case 'guid':
    case 'enum':
      if (typeof v === 'string') return holds(op, order(fold(v), fold(lit.value)));
      if (typeof v === 'number') return holds(op, order(String(v), lit.value));
      return v === null || v === undefined ? op === 'ne' : false;
  }
}
