/**
 * Recursive-descent `$filter` parser (OData v4 subset Graph's reporting APIs accept):
 *
 *   or      := and ('or' and)*
 *   and     := unary ('and' unary)*
 *   unary   := 'not' unary | '(' or ')' | predicate
 *   predicate := function | operand (cmp operand)?      — a bare operand must be boolean
 *   operand := literal | path | path '/' ('any'|'all') '(' [var ':' or] ')'
 *
 * Keywords and function names are case-insensitive (`startsWith` and `startswith` both
 * appear in Microsoft's examples); property names keep their case for validation.
 */
import type {
  ComparisonOperator,
  FilterExpression,
  Literal,
  LiteralNode,
  Operand,
  PathNode,
  StringFunction,
} from './ast.ts';
import { FilterSyntaxError, tokenize, type Token } from './tokenizer.ts';

const COMPARISONS = new Set<string>(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const FUNCTIONS = new Set<string>(['startswith', 'endswith', 'contains']);

export function parseFilter(text: string): FilterExpression {
  if (text.trim() === '') throw new FilterSyntaxError('empty filter', 0);
  const parser = new Parser(tokenize(text));
  const expr = parser.parseOr();
  parser.expectEnd();
  return expr;
}

class Parser {
  private index = 0;
  /** Lambda range variables in scope, innermost last. */
  private readonly variables: string[] = [];

  constructor(private readonly tokens: ReadonlyArray<Token>) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const t = this.peek();
    if (t.type !== 'end') this.index++;
    return t;
  }

  private isKeyword(t: Token, word: string): boolean {
    return t.type === 'identifier' && t.value.toLowerCase() === word;
  }

  private isPunct(t: Token, p: string): boolean {
    return t.type === 'punct' && t.value === p;
  }

  private expectPunct(p: string): void {
    const t = this.next();
    if (!this.isPunct(t, p)) throw new FilterSyntaxError(`expected '${p}'`, t.position);
  }

  expectEnd(): void {
    const t = this.peek();
    if (t.type !== 'end') throw new FilterSyntaxError('unexpected token after expression', t.position);
  }

  parseOr(): FilterExpression {
    let left = this.parseAnd();
    while (this.isKeyword(this.peek(), 'or')) {
      this.next();
      left = { kind: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): FilterExpression {
    let left = this.parseUnary();
    while (this.isKeyword(this.peek(), 'and')) {
      this.next();
      left = { kind: 'and', left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): FilterExpression {
    const t = this.peek();
    if (this.isKeyword(t, 'not')) {
      this.next();
      return { kind: 'not', operand: this.parseUnary() };
    }
    if (this.isPunct(t, '(')) {
      this.next();
      const inner = this.parseOr();
      this.expectPunct(')');
      return inner;
    }
    return this.parsePredicate();
  }

  private parsePredicate(): FilterExpression {
    const t = this.peek();
    if (t.type === 'identifier' && FUNCTIONS.has(t.value.toLowerCase()) && this.isPunct(this.peek(1), '(')) {
      return this.parseFunction();
    }
    const left = this.parseOperandOrLambda();
    if (left.kind === 'lambda') return left;
    const op = this.peek();
    if (op.type === 'identifier' && COMPARISONS.has(op.value.toLowerCase())) {
      this.next();
      const right = this.parseOperandOrLambda();
      if (right.kind === 'lambda') throw new FilterSyntaxError('a lambda cannot be compared', op.position);
      return { kind: 'compare', op: op.value.toLowerCase() as ComparisonOperator, left, right };
    }
    return { kind: 'value', operand: left };
  }

  private parseFunction(): FilterExpression {
    const name = this.next() as Extract<Token, { type: 'identifier' }>;
    this.expectPunct('(');
    const target = this.parseOperandOrLambda();
    if (target.kind !== 'path') throw new FilterSyntaxError(`${name.value}: first argument must be a property`, name.position);
    this.expectPunct(',');
    const argument = this.parseOperandOrLambda();
    if (argument.kind !== 'literal' || (argument.literal.kind !== 'string' && argument.literal.kind !== 'guid')) {
      throw new FilterSyntaxError(`${name.value}: second argument must be a string`, name.position);
    }
    this.expectPunct(')');
    return { kind: 'function', name: name.value.toLowerCase() as StringFunction, target, argument };
  }

  private parseOperandOrLambda(): Operand | Extract<FilterExpression, { kind: 'lambda' }> {
    const t = this.next();
    switch (t.type) {
      case 'string':
        return literal({ kind: 'string', value: t.value }, t.position);
      case 'number':
        return literal({ kind: 'number', value: t.value, raw: t.raw }, t.position);
      case 'datetime':
        return literal({ kind: 'datetime', value: t.value, raw: t.raw }, t.position);
      case 'guid':
        return literal({ kind: 'guid', value: t.value }, t.position);
      case 'enum':
        return literal({ kind: 'enum', enumType: t.enumType, value: t.value }, t.position);
      case 'identifier':
        return this.parsePathFrom(t);
      default:
        throw new FilterSyntaxError('expected a property or a literal', t.position);
    }
  }

  private parsePathFrom(first: Extract<Token, { type: 'identifier' }>): Operand | Extract<FilterExpression, { kind: 'lambda' }> {
    const word = first.value.toLowerCase();
    if (!this.isPunct(this.peek(), '/')) {
      if (word === 'true' || word === 'false') return literal({ kind: 'boolean', value: word === 'true' }, first.position);
      if (word === 'null') return literal({ kind: 'null' }, first.position);
    }
    const inScope = this.variables.includes(first.value);
    const segments: string[] = inScope ? [] : [first.value];
    const path = (): PathNode =>
      inScope
        ? { kind: 'path', variable: first.value, segments: [...segments], position: first.position }
        : { kind: 'path', segments: [...segments], position: first.position };
    while (this.isPunct(this.peek(), '/')) {
      this.next();
      const seg = this.next();
      if (seg.type !== 'identifier') throw new FilterSyntaxError("expected a property name after '/'", seg.position);
      const lower = seg.value.toLowerCase();
      if ((lower === 'any' || lower === 'all') && this.isPunct(this.peek(), '(')) {
        return this.parseLambda(lower, path(), seg.position);
      }
      segments.push(seg.value);
    }
    return path();
  }

  private parseLambda(op: 'any' | 'all', collection: PathNode, position: number): Extract<FilterExpression, { kind: 'lambda' }> {
    this.expectPunct('(');
    if (this.isPunct(this.peek(), ')')) {
      this.next();
      if (op === 'all') throw new FilterSyntaxError('all() needs a predicate', position);
      return { kind: 'lambda', op, collection };
    }
    const variable = this.next();
    if (variable.type !== 'identifier') throw new FilterSyntaxError('expected a lambda variable', variable.position);
    this.expectPunct(':');
    this.variables.push(variable.value);
    const predicate = this.parseOr();
    this.variables.pop();
    this.expectPunct(')');
    return { kind: 'lambda', op, collection, variable: variable.value, predicate };
  }
}

function literal(value: Literal, position: number): LiteralNode {
  return { kind: 'literal', literal: value, position };
}
