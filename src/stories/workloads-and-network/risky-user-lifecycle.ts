/**
 * risky-user-lifecycle: a user's Identity Protection case from detection to remediation.
 *
 * An attacker with the user's password (and an adversary-in-the-middle proxy that relays
 * the MFA prompt) signs in from an anonymising VPN. Identity Protection raises real-time
 * `unfamiliarFeatures` and `anonymizedIPAddress` detections on that sign-in and, minutes
 * later, an offline one (`unlikelyTravel` against the user's own sign-in from home an hour
 * earlier, or `anomalousToken`). The user becomes at risk; a security admin confirms the
 * account compromised (or dismisses the risk) in the portal, which Identity Protection
 * writes to AuditLogs; the user then resets the password through SSPR, which remediates
 * the risk (`userPerformedSecuredPasswordReset`).
 *
 * Every detection points at the sign-in that raised it: requestId = that request's id
 * (the first record of the MFA flow, whose id the success record carries as
 * originalRequestId), correlationId, ipAddress and location equal the sign-in's.
 */
import type { ActivityBase } from '../../core/activity.ts';
import { hash32 } from '../../core/random.ts';
import { MINUTE } from '../../core/time.ts';
import { buildUserSignIn, buildUserSignInFlow } from '../../categories/sign-ins/index.ts';
import {
  UserRiskStateMachine,
  updateUserRiskDetection,
  type RiskLevel,
  type UserRiskDetectionActivity,
  type UserRiskTransition,
} from '../../categories/identity-protection/index.ts';
import { buildAuditEvent } from '../../categories/audit/index.ts';
import { DEVICE_PROFILES } from '../../data/user-agents.ts';
import type { User } from '../../tenant/types.ts';
import type { Story, StoryContext } from '../types.ts';
import {
  adminPortalSignIn,
  attackerNetwork,
  buildContext,
  byTime,
  identityProtectionAudit,
  ipOfNetwork,
  securityAdmin,
  storyStart,
  storyUser,
  type AttackerNetworkKind,
} from './common.ts';

export interface RiskyUserLifecycleParams {
  /** The user (tenant index); default a random enabled member without admin roles. */
  readonly user?: number;
  /** Where the attacker signs in from. */
  readonly network: AttackerNetworkKind;
  /**
   * Sign-in risk of the attacker's sign-in. `low` leaves the real-time detections at risk;
   * `medium`/`high` trigger the tenant's sign-in risk policy, whose MFA prompt the proxy
   * relays, so Entra closes them as remediated and only the offline detection raises user risk.
   */
  readonly signInRiskLevel: 'low' | 'medium' | 'high';
  /** The offline detection that follows minutes later (`none`: real-time only). */
  readonly offlineDetection: 'unlikelyTravel' | 'anomalousToken' | 'none';
  /** What the security admin does a couple of hours later. */
  readonly adminAction: 'confirmCompromised' | 'dismiss' | 'none';
  /** How the user closes the case: SSPR reset, SSPR change, or nothing. */
  readonly remediation: 'passwordReset' | 'passwordChange' | 'none';
}

const REALTIME_TYPES = ['unfamiliarFeatures', 'anonymizedIPAddress'] as const;

/**
 * A browser the user does not use, on the same OS as the user's computer: the sign-in's
 * deviceDetail (an unregistered device) shows that computer's OS, so the agent agrees.
 */
function foreignAgent(ctx: StoryContext, user: User): string {
  const own = new Set(user.devices.map((d) => d.userAgent));
  const os = user.devices[0]!.operatingSystem;
  const other = DEVICE_PROFILES.filter((p) => !p.mobile && !own.has(p.userAgent));
  const sameOs = other.filter((p) => p.os === os);
  return ctx.rng.pick(sameOs.length > 0 ? sameOs : other.length > 0 ? other : DEVICE_PROFILES).userAgent;
}

function push(out: ActivityBase[], t: UserRiskTransition): void {
  if (t.riskyUser) out.push(t.riskyUser);
  out.push(...t.detections);
}

function run(ctx: StoryContext, p: RiskyUserLifecycleParams): ActivityBase[] {
  const { rng, tenant } = ctx;
  const b = buildContext(ctx);
  const at = storyStart(ctx);
  const out: ActivityBase[] = [];
  const user = storyUser(ctx, p.user);
  const home = tenant.ipIn(user.homeNetwork, 1 + (hash32(user.id) % 254));

  // The user's own sign-in from home an hour or so before: the "previous location" of atypical travel.
  out.push(...buildUserSignInFlow(b, at - rng.range(40 * MINUTE, 100 * MINUTE), { user: user.index, app: 'OfficeHome', ip: home, device: 0 }));

  // The attacker's sign-in: untrusted location, so MFA is asked and relayed (50074, then success).
  const net = attackerNetwork(rng, tenant, p.network, user.homeNetwork.geo.countryOrRegion);
  const ip = ipOfNetwork(rng, tenant, net);
  // Microsoft Graph as the resource: the device-compliance policy guards mail and files only.
  const flow = buildUserSignInFlow(b, at, {
    user: user.index,
    app: 'OfficeHome',
    resource: 'Microsoft Graph',
    ip,
    device: 'unregistered',
    userAgent: foreignAgent(ctx, user),
    primary: 'password',
    interrupt: 50074,
    mfa: 'performed',
    riskLevelDuringSignIn: p.signInRiskLevel,
    riskEventTypes: REALTIME_TYPES,
  });
  out.push(...flow);
  const first = flow[0]!;
  const success = flow[flow.length - 1]!;
  const link = {
    requestId: first.id,
    correlationId: first.correlationId,
    ipAddress: first.ipAddress,
    location: first.location,
    userAgent: first.userAgent,
    activityTime: first.time,
    activityTick: first.tick,
  };

  const machine = new UserRiskStateMachine(b, user);
  // Real-time detections carry the sign-in's own risk state: closed when MFA on the risk policy remediated it.
  const remediatedByMfa = success.risk.state === 'remediated';
  for (const type of REALTIME_TYPES) {
    const spec = {
      ...link,
      riskEventType: type,
      activity: 'signin' as const,
      detectionTimingType: 'realtime' as const,
      riskLevel: p.signInRiskLevel,
      riskState: remediatedByMfa ? ('remediated' as const) : ('atRisk' as const),
      riskDetail: remediatedByMfa ? ('userPassedMFADrivenByRiskBasedPolicy' as const) : ('none' as const),
      ...(remediatedByMfa ? { lastUpdatedTime: success.time } : {}),
    };
    // Identity Protection updates the risky user within a minute or so of a real-time detection.
    push(out, machine.detect(first.time, spec, { riskyUserDelayMs: rng.range(5_000, 90_000) }));
  }

  // What the attacker does with the session: silent token refreshes (Graph: mail and files
  // would need a compliant device).
  let t = success.time;
  for (let i = 0; i < 3; i++) {
    t += rng.range(2 * MINUTE, 15 * MINUTE);
    out.push(
      buildUserSignIn(b, t, {
        category: 'NonInteractiveUserSignInLogs',
        user: user.index,
        app: 'OfficeHome',
        resource: 'Microsoft Graph',
        ip,
        device: 'unregistered',
        userAgent: success.userAgent ?? undefined,
        incomingTokenType: 'refreshToken',
        sessionId: success.sessionId,
      }),
    );
  }

  // The offline detection, within minutes (the Sentinel correlation rule pairs it with unfamiliarFeatures).
  if (p.offlineDetection !== 'none') {
    const level: RiskLevel = p.offlineDetection === 'unlikelyTravel' ? 'medium' : 'high';
    push(
      out,
      machine.detect(success.time + rng.range(4 * MINUTE, 8 * MINUTE) + rng.int(MINUTE), {
        ...link,
        riskEventType: p.offlineDetection,
        activity: 'signin',
        detectionTimingType: 'offline',
        riskLevel: level,
      }),
    );
  }

  // The security admin looks at the case a couple of hours later.
  let actionTime = success.time + rng.range(90 * MINUTE, 180 * MINUTE);
  let confirmation: UserRiskDetectionActivity | undefined;
  if (p.adminAction !== 'none' && machine.riskState === 'atRisk') {
    const admin = securityAdmin(ctx);
    const portal = adminPortalSignIn(ctx, admin, actionTime - rng.range(3 * MINUTE, 12 * MINUTE));
    out.push(...portal.records);
    const confirm = p.adminAction === 'confirmCompromised';
    out.push(identityProtectionAudit(ctx, actionTime, { activity: confirm ? 'ConfirmAccountCompromised' : 'DismissUser', admin, ip: portal.ip, target: { kind: 'user', user } }));
    const tr = confirm ? machine.confirmCompromised(actionTime + rng.range(1_000, 20_000), admin.id) : machine.dismiss(actionTime + rng.range(1_000, 20_000), admin.id);
    push(out, tr);
    if (confirm) confirmation = tr.detections[0];
  } else actionTime = success.time;

  // The user resets (or changes) the password; a secure reset remediates whatever risk is still open.
  if (p.remediation !== 'none') {
    const when = actionTime + rng.range(30 * MINUTE, 120 * MINUTE);
    const change = p.remediation === 'passwordChange';
    if (change) out.push(...buildUserSignInFlow(b, when - rng.range(1 * MINUTE, 4 * MINUTE), { user: user.index, app: 'My Apps', ip: home, device: 0, mfa: 'performed' }));
    const audit = buildAuditEvent(b, when, { activity: change ? 'Change password (self-service)' : 'Reset password (self-service)', target: { user: user.index } });
    out.push(...audit);
    const state = machine.riskState;
    if (state === 'atRisk' || state === 'confirmedCompromised') {
      const done = when + rng.range(5_000, 60_000);
      const detail = change ? 'userPerformedSecuredPasswordChange' : 'userPerformedSecuredPasswordReset';
      push(out, machine.remediate(done, detail, user.id));
      if (confirmation) out.push(updateUserRiskDetection(confirmation, done, rng.int(10000), { riskState: 'remediated', riskDetail: detail }));
    }
    // Back to work with the new password, from home.
    out.push(...buildUserSignInFlow(b, when + rng.range(5 * MINUTE, 20 * MINUTE), { user: user.index, app: 'OfficeHome', ip: home, device: 0, primary: 'password', mfa: 'performed' }));
  }
  return byTime(out);
}

export const riskyUserLifecycle: Story<RiskyUserLifecycleParams> = {
  id: 'risky-user-lifecycle',
  title: 'Risky user: detection, admin triage, secure password reset',
  description:
    'An attacker signs in as a user from an anonymising VPN (MFA relayed); Identity Protection raises unfamiliarFeatures and anonymizedIPAddress on that sign-in, then an offline detection; the user is at risk until an admin confirms the compromise (or dismisses) and the user remediates with a self-service password reset.',
  categories: ['SignInLogs', 'NonInteractiveUserSignInLogs', 'UserRiskEvents', 'RiskyUsers', 'AuditLogs'],
  detections: [
    'Unfamiliar Sign-In Properties (Sigma)',
    'Anonymous IP Address (Sigma)',
    'Atypical Travel (Sigma)',
    'Risky Successful Interactive Entra ID Sign-In From Cloud Hosting Or VPN Provider ASN (Sigma)',
    'Correlate Unfamiliar sign-in properties & atypical travel alerts (Sentinel)',
  ],
  params: {
    properties: {
      user: { type: 'integer', minimum: 0, description: 'Tenant user index; default a random member without admin roles.' },
      network: { enum: ['vpn', 'hosting', 'tor'], description: 'Attacker network kind (the Sigma hosting-ASN rule lists VPN and hosting ASNs, not Tor).' },
      signInRiskLevel: { enum: ['low', 'medium', 'high'], description: 'Risk of the attacker sign-in; medium/high are remediated by the MFA of the risk policy.' },
      offlineDetection: { enum: ['unlikelyTravel', 'anomalousToken', 'none'], description: 'Offline detection minutes after the sign-in.' },
      adminAction: { enum: ['confirmCompromised', 'dismiss', 'none'], description: 'What the security admin does.' },
      remediation: { enum: ['passwordReset', 'passwordChange', 'none'], description: 'How the user remediates.' },
    },
  },
  defaults: { network: 'vpn', signInRiskLevel: 'low', offlineDetection: 'unlikelyTravel', adminAction: 'confirmCompromised', remediation: 'passwordReset' },
  run,
};
