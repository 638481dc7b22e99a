/**
 * Turns the parts of one audit record into a `DirectoryAuditActivity`: ids, times and the
 * shared fields. One emitter per event; companion records share its correlation id and the
 * 5-character id token, with increasing id digits, as Entra writes them
 * (`Directory_fb54…_HK10L_86239180`, `…_86239198`, `…_86239227` [obs, Datadog 2025]).
 */
import type { BuildContext } from '../../core/activity.ts';
import { AUDIT_ACTIVITIES, ID_PREFIX, type AuditActivityRow, type LoggedByService } from '../../data/audit-activities.ts';
import { auditLookups } from './lookups.ts';
import type { ResolvedActor } from './actors.ts';
import type { AuditKeyValue, AuditModifiedProperty, AuditResult, AuditTarget, DirectoryAuditActivity } from './model.ts';

export const AUDIT_ROW: ReadonlyMap<string, AuditActivityRow> = new Map(AUDIT_ACTIVITIES.map((r) => [r.name, r]));

const TOKEN_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Overrides a story forces on the primary record. */
export interface PrimaryOverrides {
  readonly result?: AuditResult;
  readonly resultReason?: string;
  readonly modifiedProperties?: ReadonlyArray<AuditModifiedProperty>;
  readonly targetResources?: ReadonlyArray<AuditTarget>;
  readonly userAgent?: string;
  readonly additionalDetails?: ReadonlyArray<AuditKeyValue>;
}

export interface RecordParts {
  /** Activity name from the catalogue (or a free name with `row` given). */
  readonly name: string;
  readonly row?: Pick<AuditActivityRow, 'category' | 'service' | 'operationType'>;
  readonly actor: ResolvedActor;
  readonly targets: ReadonlyArray<AuditTarget>;
  readonly details?: ReadonlyArray<AuditKeyValue>;
  readonly resultReason?: string;
  readonly result?: AuditResult;
  /** `properties.userAgent` (null unless the service fills it). */
  readonly userAgent?: string | null;
  /** Milliseconds after the event time (companions come a few ms to minutes apart). */
  readonly offsetMs?: number;
  /** Companion records of another flow get their own correlation id [obs: SSPR vs Directory]. */
  readonly correlationId?: string;
  /** The record the story is about: spec overrides apply to it. */
  readonly primary?: boolean;
}

export class AuditEmitter {
  readonly records: DirectoryAuditActivity[] = [];
  private readonly tokens = new Map<string, { token: string; next: number }>();

  constructor(
    private readonly ctx: BuildContext,
    readonly time: number,
    readonly correlationId: string,
    private readonly diagnosticCategory: 'AuditLogs' | 'CustomSecurityAttributeAuditLogs' = 'AuditLogs',
    private readonly overrides: PrimaryOverrides = {},
  ) {}

  /** A fresh correlation id for a companion flow. */
  newCorrelation(): string {
    return this.ctx.rng.uuid();
  }

  private recordId(service: string, correlationId: string): string {
    const { rng } = this.ctx;
    let t = this.tokens.get(correlationId);
    if (!t) {
      let token = '';
      for (let i = 0; i < 5; i++) token += TOKEN_CHARS[rng.int(36)];
      t = { token, next: rng.range(1_000_000, 99_000_000) };
      this.tokens.set(correlationId, t);
    } else {
      t.next += rng.range(8, 190);
    }
    const prefix = ID_PREFIX[service as LoggedByService] ?? service;
    return `${prefix}_${correlationId}_${t.token}_${t.next}`;
  }

  emit(parts: RecordParts): DirectoryAuditActivity {
    const { rng, tenant } = this.ctx;
    const row = parts.row ?? AUDIT_ROW.get(parts.name);
    if (!row) throw new RangeError(`unknown audit activity ${JSON.stringify(parts.name)}`);
    const o = parts.primary ? this.overrides : {};
    let time = this.time + (parts.offsetMs ?? 0);
    let tick = rng.int(10000);
    // "Authentication Methods" stamps whole seconds: no fraction at all [obs, notes §A.2].
    if (row.service === 'Authentication Methods') {
      time -= ((time % 1000) + 1000) % 1000;
      tick = 0;
    }
    const correlationId = parts.correlationId ?? this.correlationId;
    let targets = o.targetResources ?? parts.targets;
    if (o.modifiedProperties && !o.targetResources && targets.length > 0) {
      targets = [{ ...targets[0]!, modifiedProperties: o.modifiedProperties }, ...targets.slice(1)];
    }
    const record: DirectoryAuditActivity = {
      category: this.diagnosticCategory,
      id: this.recordId(row.service, correlationId),
      time,
      tick,
      // Audit records reach the hub with envelope time == activityDateTime [obs, notes §A.5].
      envelopeTime: time,
      envelopeTick: tick,
      auditCategory: row.category,
      activityDisplayName: parts.name,
      loggedByService: row.service,
      operationType: row.operationType,
      result: o.result ?? parts.result ?? 'success',
      resultReason: o.resultReason ?? parts.resultReason ?? '',
      correlationId,
      initiatedBy: parts.actor.initiatedBy,
      callerIpAddress: parts.actor.callerIpAddress,
      identity: parts.actor.identity,
      targetResources: targets,
      additionalDetails: o.additionalDetails ?? parts.details ?? [],
      userAgent: o.userAgent ?? parts.userAgent ?? null,
      tenantGeo: auditLookups(tenant).tenantGeo,
    };
    this.records.push(record);
    return record;
  }
}
