/**
 * What user (UserRiskEvents) and workload (ServicePrincipalRiskEvents) risk detections
 * share: the canonical fields, the rewrite on a state change, and the runs of the
 * diagnostic `properties` and the Graph resource that are the same in both (key order
 * as each renderer documents it; only the subject fields differ).
 */
import type { ActivityBase, DiagnosticRecord, GraphResource, JsonObject, RenderContext } from '../../core/activity.ts';
import type { Category, GraphVersion } from '../../core/categories.ts';
import { graphTime, riskNestedTime } from '../../core/time.ts';
import { encodeAdditionalInfo, type RiskInfoEntry } from './additional-info.ts';
import type { RiskDetail, RiskDetectionTimingType, RiskLevel, RiskState, TokenIssuerType } from './enums.ts';
import { riskEnvelope } from './envelope.ts';
import { diagnosticLocation, graphLocation, type RiskLocation } from './location.ts';

/** `id` is 64 hex digits; `time`/`tick` are lastUpdatedDateTime. */
export interface RiskDetectionBase extends ActivityBase {
  /** The sign-in that raised it (its `id`), or null when not tied to a sign-in. */
  readonly requestId: string | null;
  /** That sign-in's correlationId. */
  readonly correlationId: string | null;
  /** The detection type as a plain string (`unfamiliarFeatures`, `anomalousToken`, …). */
  readonly riskEventType: string;
  readonly riskState: RiskState;
  readonly riskLevel: RiskLevel;
  readonly riskDetail: RiskDetail;
  /** `IdentityProtection`, `MicrosoftCloudAppSecurity`, … */
  readonly source: string;
  readonly detectionTimingType: RiskDetectionTimingType;
  readonly activity: 'signin' | 'user' | 'servicePrincipal';
  readonly tokenIssuerType: TokenIssuerType;
  readonly ipAddress: string | null;
  readonly location: RiskLocation | null;
  /** When the risky activity happened (for sign-ins, the sign-in's createdDateTime). */
  readonly activityTime: number;
  readonly activityTick: number;
  readonly detectedTime: number;
  readonly detectedTick: number;
  readonly additionalInfo: ReadonlyArray<RiskInfoEntry>;
  readonly mitreTechniqueId: string | null;
  /** Whether the envelope repeats the IP as callerIpAddress (2022 records did, 2025 offline ones did not). */
  readonly envelopeCallerIp: boolean;
}

/** `mitreTechniqueId`: the first of the row's comma-separated techniques. */
export function firstTechnique(mitre: string): string {
  const comma = mitre.indexOf(',');
  return comma < 0 ? mitre : mitre.slice(0, comma);
}

/** A detection as Identity Protection rewrites it after a state change (same id, new lastUpdated). */
export function rewriteDetection<D extends RiskDetectionBase>(
  d: D,
  time: number,
  tick: number,
  riskState: RiskState,
  riskDetail: RiskDetail,
  riskLevel: RiskLevel,
): D {
  return { ...d, time, tick, envelopeTime: time, envelopeTick: tick, riskState, riskDetail, riskLevel };
}

/** The diagnostic envelope of a detection: correlationId is the 64-hex detection id (notes §A.2). */
export function detectionEnvelope(
  a: RiskDetectionBase,
  ctx: RenderContext,
  category: Category,
  operationName: string,
  identity: string,
  properties: JsonObject,
): DiagnosticRecord {
  return riskEnvelope(ctx.tenant, {
    category,
    operationName,
    time: a.envelopeTime,
    callerIpAddress: a.envelopeCallerIp ? a.ipAddress : null,
    correlationId: a.id,
    identity,
    properties,
  });
}

/**
 * Diagnostic `properties` from `id` to `lastUpdatedDateTime`; `riskType` (after
 * correlationId) only when given. The caller appends the subject fields.
 */
export function diagnosticDetectionHead(a: RiskDetectionBase, riskType?: string): JsonObject {
  const p: JsonObject = { id: a.id, requestId: a.requestId, correlationId: a.correlationId };
  if (riskType !== undefined) p.riskType = riskType;
  p.riskEventType = a.riskEventType;
  p.riskState = a.riskState;
  p.riskLevel = a.riskLevel;
  p.riskDetail = a.riskDetail;
  p.source = a.source;
  p.detectionTimingType = a.detectionTimingType;
  p.activity = a.activity;
  p.ipAddress = a.ipAddress;
  p.location = diagnosticLocation(a.location);
  // notes §A.4: milliseconds, Z, unpadded hour (`2025-04-14T3:15:37.008Z`).
  p.activityDateTime = riskNestedTime(a.activityTime);
  p.detectedDateTime = riskNestedTime(a.detectedTime);
  p.lastUpdatedDateTime = riskNestedTime(a.time);
  return p;
}

/**
 * The Graph resource from `id` to `lastUpdatedDateTime` (Microsoft's v1.0 examples);
 * `riskType` (after correlationId) only when given. The caller appends the subject
 * fields, then {@link graphDetectionTail}.
 */
export function graphDetectionHead(a: RiskDetectionBase, riskType?: string): GraphResource {
  const g: GraphResource = { id: a.id, requestId: a.requestId, correlationId: a.correlationId };
  if (riskType !== undefined) g.riskType = riskType;
  g.riskEventType = a.riskEventType;
  g.riskState = a.riskState;
  g.riskLevel = a.riskLevel;
  g.riskDetail = a.riskDetail;
  g.source = a.source;
  g.detectionTimingType = a.detectionTimingType;
  g.activity = a.activity;
  g.tokenIssuerType = a.tokenIssuerType;
  g.ipAddress = a.ipAddress;
  g.location = graphLocation(a.location);
  g.activityDateTime = graphTime(a.activityTime, a.activityTick);
  g.detectedDateTime = graphTime(a.detectedTime, a.detectedTick);
  g.lastUpdatedDateTime = graphTime(a.time, a.tick);
  return g;
}

/** `additionalInfo` (JSON string), then beta's `mitreTechniqueId`. */
export function graphDetectionTail(g: GraphResource, a: RiskDetectionBase, version: GraphVersion): GraphResource {
  g.additionalInfo = encodeAdditionalInfo(a.additionalInfo);
  if (version === 'beta') g.mitreTechniqueId = a.mitreTechniqueId;
  return g;
}
