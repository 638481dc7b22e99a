/** The `$filter` syntax tree. Produced by parser.ts, checked by validate.ts, run by evaluate.ts. */

export type ComparisonOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
export type StringFunction = 'startswith' | 'endswith' | 'contains';
export type LambdaOperator = 'any' | 'all';
/** Everything a capability table can allow on a property. */
export type FilterOperator = ComparisonOperator | StringFunction;

/** An instant with the 100-ns ticks below the millisecond, as 7-digit Graph datetimes carry. */
export interface Instant {
  readonly ms: number;
  readonly tick: number;
}

export type Literal =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number; readonly raw: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'null' }
  /** Unquoted `2024-01-01T00:00:00Z` or `2024-01-01`. */
  | { readonly kind: 'datetime'; readonly value: Instant; readonly raw: string }
  /** Unquoted GUID. */
  | { readonly kind: 'guid'; readonly value: string }
  /** Typed enum literal `microsoft.graph.riskLevel'high'`. */
  | { readonly kind: 'enum'; readonly enumType: string; readonly value: string };

/**
 * A property path. `variable` is set when the path starts at a lambda range variable
 * (`t/id` inside `any(t: …)`); `segments` then excludes the variable itself.
 */
export interface PathNode {
  readonly kind: 'path';
  readonly variable?: string;
  readonly segments: ReadonlyArray<string>;
  /** Offset in the filter text, for messages. */
  readonly position: number;
}

export interface LiteralNode {
  readonly kind: 'literal';
  readonly literal: Literal;
  readonly position: number;
}

export type Operand = PathNode | LiteralNode;

export type FilterExpression =
  | { readonly kind: 'and' | 'or'; readonly left: FilterExpression; readonly right: FilterExpression }
  | { readonly kind: 'not'; readonly operand: FilterExpression }
  | { readonly kind: 'compare'; readonly op: ComparisonOperator; readonly left: Operand; readonly right: Operand }
  | { readonly kind: 'function'; readonly name: StringFunction; readonly target: PathNode; readonly argument: LiteralNode }
  | {
      readonly kind: 'lambda';
      readonly op: LambdaOperator;
      /** The collection the lambda ranges over. */
      readonly collection: PathNode;
      /** Absent for `any()` (non-empty test). */
      readonly variable?: string;
      readonly predicate?: FilterExpression;
    }
  /** A bare boolean property (`isInteractive`) or `true`/`false`. */
  | { readonly kind: 'value'; readonly operand: Operand };
