/**
 * Builds directory-audit events: one activity from the catalogue (drawn by baseline weight or
 * forced by a story), with the companion records Entra writes for it.
 */
import type { BuildContext } from '../../core/activity.ts';
import { AUDIT_ACTIVITIES, type AuditActivityName } from '../../data/audit-activities.ts';
import { SHAPES, type ShapeEnv } from './shapes/index.ts';
import { AUDIT_ROW, AuditEmitter } from './emit.ts';
import { auditLookups } from './lookups.ts';
import type { DirectoryAuditActivity } from './model.ts';
import type { AuditEventSpec } from './spec.ts';

const BASELINE_MIX: ReadonlyArray<readonly [AuditActivityName, number]> = AUDIT_ACTIVITIES.filter((r) => r.weight > 0).map(
  (r) => [r.name, r.weight] as const,
);

const byTime = (a: DirectoryAuditActivity, b: DirectoryAuditActivity): number => a.time - b.time || a.tick - b.tick;

/**
 * One audit event at `time` (epoch ms): the primary record plus its companions, sorted by
 * time. Spec overrides (result, reason, targets, modified properties…) apply to the primary
 * record only.
 */
export function buildAuditEvent(ctx: BuildContext, time: number, spec: AuditEventSpec = {}): DirectoryAuditActivity[] {
  const name = spec.activity ?? ctx.rng.weighted(BASELINE_MIX);
  const row = AUDIT_ROW.get(name);
  if (!row) throw new RangeError(`unknown audit activity ${JSON.stringify(name)}`);
  const em = new AuditEmitter(ctx, time, spec.correlationId ?? ctx.rng.uuid(), 'AuditLogs', {
    result: spec.result,
    resultReason: spec.resultReason,
    modifiedProperties: spec.modifiedProperties,
    targetResources: spec.targetResources,
    userAgent: spec.userAgent,
    additionalDetails: spec.additionalDetails,
  });
  const env: ShapeEnv = {
    ctx,
    rng: ctx.rng,
    tenant: ctx.tenant,
    lookups: auditLookups(ctx.tenant),
    spec,
    em,
    name,
    companions: spec.companions ?? true,
  };
  SHAPES[row.shape](env);
  return em.records.length > 1 ? em.records.sort(byTime) : em.records;
}
