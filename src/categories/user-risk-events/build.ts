/**
 * Builds UserRiskEvents activities. A scenario links a detection to a real sign-in by
 * passing that sign-in's id (`requestId`), correlationId, IP, user agent and time; the
 * baseline invents a plausible sign-in context (IP from a tenant network of the kind the
 * detection implies, location from `tenant.networkOfIp`).
 */
import type { BuildContext } from '../../core/activity.ts';
import type { Rng } from '../../core/random.ts';
import { HOUR, MINUTE } from '../../core/time.ts';
import type { User } from '../../tenant/types.ts';
import { DEVICE_PROFILES } from '../../data/user-agents.ts';
import {
  legacyRiskType,
  USER_RISK_MIX,
  userRiskDetection,
  type DetectionTiming,
  type UserRiskDetectionRow,
} from '../../data/risk-detections.ts';
import type { RiskDetail, RiskDetectionTimingType, RiskLevel, RiskState, TokenIssuerType } from '../identity-protection/enums.ts';
import type { RiskInfoEntry } from '../identity-protection/additional-info.ts';
import { firstTechnique, rewriteDetection } from '../identity-protection/detection.ts';
import { detectionId, signInRequestId } from '../identity-protection/ids.ts';
import { hasUserRiskDetail } from '../identity-protection/licence.ts';
import { locationOfIp, type RiskLocation } from '../identity-protection/location.ts';
import { ipOf, riskNetwork } from '../identity-protection/networks.ts';
import { resolveUser } from '../identity-protection/subjects.ts';
import type { UserRiskDetectionActivity } from './activity.ts';

export interface UserRiskDetectionSpec {
  /** The user (object or index); default random (guests only for real-time sign-in risk). */
  readonly user?: User | number;
  /** Detection type as Entra writes it; default drawn from the baseline mix. */
  readonly riskEventType?: string;
  /** `signin` or `user` (types such as anomalousToken exist as both). */
  readonly activity?: 'signin' | 'user';
  readonly detectionTimingType?: DetectionTiming;
  readonly riskLevel?: RiskLevel;
  /** Default `atRisk`. */
  readonly riskState?: RiskState;
  /** Default `none` (atRisk) or the detail that closes the given state. */
  readonly riskDetail?: RiskDetail;
  readonly source?: string;
  /** The detection id (64 hex); default random. */
  readonly id?: string;
  /** The linked sign-in's id; null for a detection not tied to a sign-in. */
  readonly requestId?: string | null;
  readonly correlationId?: string | null;
  /** The sign-in's IP; its location comes from `tenant.networkOfIp` unless `location` is given. */
  readonly ipAddress?: string | null;
  readonly location?: RiskLocation | null;
  readonly userAgent?: string | null;
  /** The sign-in's createdDateTime (epoch ms) and ticks. */
  readonly activityTime?: number;
  readonly activityTick?: number;
  /** When the detection was last changed (default: the detection time). */
  readonly lastUpdatedTime?: number;
  readonly tokenIssuerType?: TokenIssuerType;
  /** Replaces the generated additionalInfo entries. */
  readonly additionalInfo?: ReadonlyArray<RiskInfoEntry>;
  /** Whether the envelope carries callerIpAddress (default: real-time detections with an IP). */
  readonly callerIpAddress?: boolean;
}

/** For a riskEventType the table does not know (a scenario's own): a neutral profile. */
function fallbackRow(riskEventType: string, activity: 'signin' | 'user'): UserRiskDetectionRow {
  return {
    riskEventType,
    displayName: riskEventType,
    activity,
    timing: [['offline', 1]],
    premium: true,
    source: 'IdentityProtection',
    levels: [['medium', 1]],
    signInLinked: activity === 'signin',
    network: 'unfamiliar',
    mitre: 'T1078',
    weight: 0,
  };
}

/** How long before detection the risky activity happened, by timing type. */
function activityLag(rng: Rng, timing: RiskDetectionTimingType): number {
  switch (timing) {
    case 'realtime':
      return 0;
    case 'nearRealtime':
      return rng.range(30_000, 10 * MINUTE);
    default:
      // Offline detections trail by minutes to two days (real record: 8 h).
      return Math.min(48 * HOUR, 10 * MINUTE + Math.round(rng.exponential(6 * HOUR)));
  }
}

const PROFILE_TABLE = DEVICE_PROFILES.map((p) => [p.userAgent, p.weight] as const);

/** The sign-in's user agent: the user's own device, or (often, off their networks) another. */
function userAgentFor(rng: Rng, user: User, familiar: boolean): string {
  if (familiar || rng.bool(0.6)) return rng.pick(user.devices).userAgent;
  return rng.weighted(PROFILE_TABLE);
}

/**
 * additionalInfo keys in the order real records write them (2025: riskReasons, userAgent,
 * alertUrl "", mitreTechniques).
 */
function additionalInfoFor(row: UserRiskDetectionRow, userAgent: string | null): RiskInfoEntry[] {
  const info: RiskInfoEntry[] = [];
  if (row.riskReasons) info.push({ Key: 'riskReasons', Value: row.riskReasons });
  if (userAgent !== null) info.push({ Key: 'userAgent', Value: userAgent });
  if (row.alertUrl) info.push({ Key: 'alertUrl', Value: '' });
  info.push({ Key: 'mitreTechniques', Value: row.mitre });
  return info;
}

/** The detail written on a detection when the caller names only its state. */
const DEFAULT_DETAIL: Partial<Record<RiskState, RiskDetail>> = {
  remediated: 'userPerformedSecuredPasswordReset',
  dismissed: 'adminDismissedAllRiskForUser',
  confirmedCompromised: 'adminConfirmedUserCompromised',
  confirmedSafe: 'adminConfirmedSigninSafe',
};

/** One risk detection detected at `time` (epoch ms). */
export function buildUserRiskDetection(ctx: BuildContext, time: number, spec: UserRiskDetectionSpec = {}): UserRiskDetectionActivity {
  const { rng, tenant } = ctx;
  const known = spec.riskEventType === undefined ? undefined : userRiskDetection(spec.riskEventType, spec.activity);
  const row =
    spec.riskEventType === undefined
      ? rng.weighted(USER_RISK_MIX)
      : known ?? fallbackRow(spec.riskEventType, spec.activity ?? 'signin');
  const activity = spec.activity ?? row.activity;
  const timing: RiskDetectionTimingType = spec.detectionTimingType ?? rng.weighted(row.timing);
  // Guests' user risk lives in their home tenant; only real-time sign-in risk is
  // evaluated here (concept-identity-protection-b2b.md).
  const user = resolveUser(ctx, spec.user, !(activity === 'signin' && timing === 'realtime'));
  const guest = user.userType === 'Guest';
  const linked = spec.requestId !== undefined ? spec.requestId !== null : row.signInLinked;

  let ipAddress: string | null;
  let familiar = row.network === 'familiar';
  if (spec.ipAddress !== undefined) ipAddress = spec.ipAddress;
  else if (linked) {
    const net = riskNetwork(rng, tenant, user, row.network);
    familiar = net === user.homeNetwork || net === user.officeLocation.network || net === user.mobileNetwork;
    ipAddress = ipOf(rng, tenant, net);
  } else ipAddress = null;
  const location = spec.location !== undefined ? spec.location : ipAddress === null ? null : (locationOfIp(tenant, ipAddress) ?? null);
  const userAgent = spec.userAgent !== undefined ? spec.userAgent : linked ? userAgentFor(rng, user, familiar) : null;

  const detectedTick = rng.int(10000);
  const activityTime = spec.activityTime ?? time - activityLag(rng, timing);
  const activityTick = spec.activityTick ?? (activityTime === time ? detectedTick : rng.int(10000));
  const lastUpdated = spec.lastUpdatedTime ?? time;
  const lastTick = lastUpdated === time ? detectedTick : rng.int(10000);

  let riskEventType = spec.riskEventType ?? row.riskEventType;
  let riskLevel: RiskLevel = spec.riskLevel ?? rng.weighted(row.levels);
  const riskState: RiskState = spec.riskState ?? 'atRisk';
  let riskDetail: RiskDetail = spec.riskDetail ?? DEFAULT_DETAIL[riskState] ?? 'none';
  if (!hasUserRiskDetail(tenant)) {
    // Without P2: premium detections read `generic`, level and detail `hidden` (licence.ts).
    if (row.premium) riskEventType = 'generic';
    riskLevel = 'hidden';
    riskDetail = 'hidden';
  }
  return {
    category: 'UserRiskEvents',
    id: spec.id ?? detectionId(rng),
    time: lastUpdated,
    tick: lastTick,
    // Real records: envelope time = lastUpdatedDateTime to the second (no further delay).
    envelopeTime: lastUpdated,
    envelopeTick: lastTick,
    requestId: spec.requestId !== undefined ? spec.requestId : linked ? signInRequestId(rng) : null,
    correlationId: spec.correlationId !== undefined ? spec.correlationId : linked ? rng.uuid() : null,
    riskEventType,
    riskType: legacyRiskType(riskEventType),
    riskState,
    riskLevel,
    riskDetail,
    source: spec.source ?? row.source,
    detectionTimingType: timing,
    activity,
    tokenIssuerType: spec.tokenIssuerType ?? row.tokenIssuerType ?? 'AzureAD',
    ipAddress,
    location,
    activityTime,
    activityTick,
    detectedTime: time,
    detectedTick,
    userId: user.id,
    userDisplayName: user.displayName,
    userPrincipalName: user.userPrincipalName,
    userType: guest ? 'guest' : 'member',
    homeTenantId: user.homeTenantId,
    crossTenantAccessType: guest ? 'b2bCollaboration' : 'none',
    additionalInfo: spec.additionalInfo ?? additionalInfoFor(row, userAgent),
    mitreTechniqueId: firstTechnique(row.mitre),
    envelopeCallerIp: spec.callerIpAddress ?? (timing === 'realtime' && ipAddress !== null),
  };
}

/** A detection as Identity Protection rewrites it after a state change (same id, new lastUpdated). */
export function updateUserRiskDetection(
  d: UserRiskDetectionActivity,
  time: number,
  tick: number,
  change: { readonly riskState: RiskState; readonly riskDetail: RiskDetail; readonly riskLevel?: RiskLevel },
): UserRiskDetectionActivity {
  // Without P2 the level and detail stay hidden.
  const riskDetail = d.riskDetail === 'hidden' ? 'hidden' : change.riskDetail;
  const riskLevel = d.riskLevel === 'hidden' ? 'hidden' : (change.riskLevel ?? d.riskLevel);
  return rewriteDetection(d, time, tick, change.riskState, riskDetail, riskLevel);
}
