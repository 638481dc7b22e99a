/**
 * Builds ServicePrincipalRiskEvents activities. Workload detections are all computed
 * offline (concept-workload-identity-risk.md); Microsoft's example has no request,
 * correlation, IP or location, activity and detection at UTC midnight and the record
 * updated later that day, `additionalInfo` `[{"Key":"alertUrl","Value":null}]`.
 * Suspicious sign-ins carry "a timestamp for the suspicious activity" and, here, the IP.
 */
import type { BuildContext } from '../../core/activity.ts';
import { DAY, HOUR, MINUTE } from '../../core/time.ts';
import type { Application } from '../../tenant/types.ts';
import {
  SERVICE_PRINCIPAL_RISK_MIX,
  servicePrincipalRiskDetection,
  type ServicePrincipalRiskDetectionRow,
} from '../../data/risk-detections.ts';
import type { RiskDetail, RiskLevel, RiskState } from '../identity-protection/enums.ts';
import type { RiskInfoEntry } from '../identity-protection/additional-info.ts';
import { firstTechnique, rewriteDetection } from '../identity-protection/detection.ts';
import { detectionId } from '../identity-protection/ids.ts';
import { locationOfIp, type RiskLocation } from '../identity-protection/location.ts';
import { ipOf, workloadRiskNetwork } from '../identity-protection/networks.ts';
import { resolveServicePrincipal } from '../identity-protection/subjects.ts';
import type { ServicePrincipalRiskDetectionActivity } from './activity.ts';

export interface ServicePrincipalRiskDetectionSpec {
  /** The application (object, appId or SP object id); default random. */
  readonly servicePrincipal?: Application | string;
  readonly riskEventType?: string;
  readonly riskLevel?: RiskLevel;
  /** Default `atRisk`. */
  readonly riskState?: RiskState;
  /** Default `none`. */
  readonly riskDetail?: RiskDetail;
  readonly id?: string;
  /** A linked service-principal sign-in, where there is one. */
  readonly requestId?: string | null;
  readonly correlationId?: string | null;
  readonly ipAddress?: string | null;
  readonly location?: RiskLocation | null;
  /** keyIds of the credentials involved; default one of the app's credentials where the type names one. */
  readonly keyIds?: ReadonlyArray<string>;
  readonly activityTime?: number;
  readonly activityTick?: number;
  readonly lastUpdatedTime?: number;
  readonly additionalInfo?: ReadonlyArray<RiskInfoEntry>;
  readonly callerIpAddress?: boolean;
}

function fallbackRow(riskEventType: string): ServicePrincipalRiskDetectionRow {
  return { riskEventType, displayName: riskEventType, levels: [['medium', 1]], withIp: false, withKeyId: false, mitre: 'T1078.004', weight: 0 };
}

/** One workload-identity risk detection detected at `time` (epoch ms). */
export function buildServicePrincipalRiskDetection(
  ctx: BuildContext,
  time: number,
  spec: ServicePrincipalRiskDetectionSpec = {},
): ServicePrincipalRiskDetectionActivity {
  const { rng, tenant } = ctx;
  const row =
    spec.riskEventType === undefined
      ? rng.weighted(SERVICE_PRINCIPAL_RISK_MIX)
      : (servicePrincipalRiskDetection(spec.riskEventType) ?? fallbackRow(spec.riskEventType));
  const app = resolveServicePrincipal(ctx, spec.servicePrincipal);

  let ipAddress: string | null;
  if (spec.ipAddress !== undefined) ipAddress = spec.ipAddress;
  else if (row.withIp) {
    // Suspicious workload sign-ins come from cloud hosts and VPN ranges.
    ipAddress = ipOf(rng, tenant, workloadRiskNetwork(rng, tenant));
  } else ipAddress = null;
  const location = spec.location !== undefined ? spec.location : ipAddress === null ? null : (locationOfIp(tenant, ipAddress) ?? null);

  // Day-granular offline detections stamp activity and detection at UTC midnight (Microsoft's example).
  const dayGranular = !row.withIp && spec.activityTime === undefined;
  const detectedTime = dayGranular ? time - (((time % DAY) + DAY) % DAY) : time;
  const detectedTick = dayGranular ? 0 : rng.int(10000);
  const activityTime = spec.activityTime ?? (dayGranular ? detectedTime : time - rng.range(10 * MINUTE, 12 * HOUR));
  const activityTick = spec.activityTick ?? (dayGranular ? 0 : rng.int(10000));
  const lastUpdated = spec.lastUpdatedTime ?? time;
  const lastTick = lastUpdated === detectedTime ? detectedTick : rng.int(10000);

  const creds = app.credentials;
  const keyIds = spec.keyIds ?? (row.withKeyId && creds.length > 0 ? [rng.pick(creds).keyId] : []);
  return {
    category: 'ServicePrincipalRiskEvents',
    id: spec.id ?? detectionId(rng),
    time: lastUpdated,
    tick: lastTick,
    envelopeTime: lastUpdated,
    envelopeTick: lastTick,
    requestId: spec.requestId ?? null,
    correlationId: spec.correlationId ?? null,
    riskEventType: spec.riskEventType ?? row.riskEventType,
    riskState: spec.riskState ?? 'atRisk',
    riskLevel: spec.riskLevel ?? rng.weighted(row.levels),
    riskDetail: spec.riskDetail ?? 'none',
    source: 'IdentityProtection',
    detectionTimingType: 'offline',
    activity: 'servicePrincipal',
    tokenIssuerType: 'AzureAD',
    ipAddress,
    location,
    activityTime,
    activityTick,
    detectedTime,
    detectedTick,
    servicePrincipalId: app.servicePrincipalId,
    servicePrincipalDisplayName: app.displayName,
    appId: app.appId,
    keyIds,
    additionalInfo: spec.additionalInfo ?? [
      { Key: 'alertUrl', Value: null },
      { Key: 'mitreTechniques', Value: row.mitre },
    ],
    mitreTechniqueId: firstTechnique(row.mitre),
    envelopeCallerIp: spec.callerIpAddress ?? false,
  };
}

/** A detection rewritten after a state change (same id, new lastUpdated). */
export function updateServicePrincipalRiskDetection(
  d: ServicePrincipalRiskDetectionActivity,
  time: number,
  tick: number,
  change: { readonly riskState: RiskState; readonly riskDetail: RiskDetail; readonly riskLevel?: RiskLevel },
): ServicePrincipalRiskDetectionActivity {
  return rewriteDetection(d, time, tick, change.riskState, change.riskDetail, change.riskLevel ?? d.riskLevel);
}
