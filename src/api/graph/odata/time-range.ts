/**
 * Pulls `time ge X and time le Y` bounds out of a filter so the source can seek to the
 * window instead of scanning (Microsoft's advice for big pulls is exactly such time
 * slices, notes §2.3). Only top-level `and` conjuncts count; the full predicate is still
 * applied, so the bounds only need to be a superset (millisecond precision).
 */
import type { FilterExpression, Instant, Literal } from './ast.ts';

export interface TimeRange {
  /** Inclusive lower bound, epoch ms. */
  readonly from?: number;
  /** Inclusive upper bound, epoch ms. */
  readonly to?: number;
}

export function timeRangeOf(expr: FilterExpression | undefined, timeProperty: string): TimeRange {
  let from: number | undefined;
  let to: number | undefined;
  const lower = timeProperty.toLowerCase();
  const visit = (e: FilterExpression): void => {
    if (e.kind === 'and') {
      visit(e.left);
      visit(e.right);
      return;
    }
    if (e.kind !== 'compare') return;
    let op = e.op;
    let instant: Instant | undefined;
    if (isTimePath(e.left, lower) && e.right.kind === 'literal') instant = datetime(e.right.literal);
    else if (isTimePath(e.right, lower) && e.left.kind === 'literal') {
      instant = datetime(e.left.literal);
      op = op === 'ge' ? 'le' : op === 'le' ? 'ge' : op === 'gt' ? 'lt' : op === 'lt' ? 'gt' : op;
    }
    if (!instant) return;
    const ms = instant.ms;
    if (op === 'ge' || op === 'gt' || op === 'eq') from = from === undefined ? ms : Math.max(from, ms);
    if (op === 'le' || op === 'lt' || op === 'eq') to = to === undefined ? ms : Math.min(to, ms);
  };
  if (expr) visit(expr);
  return { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
}

function isTimePath(o: { kind: string; segments?: ReadonlyArray<string>; variable?: string }, lower: string): boolean {
  return o.kind === 'path' && o.variable === undefined && o.segments?.length === 1 && o.segments[0]!.toLowerCase() === lower;
}

function datetime(lit: Literal): Instant | undefined {
  return lit.kind === 'datetime' ? lit.value : undefined;
}
