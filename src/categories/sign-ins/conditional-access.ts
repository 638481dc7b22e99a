/**
 * Conditional Access as it shows in a sign-in: every tenant policy listed with a result
 * consistent with the sign-in (graph-api.md §3 enums), the overall status, and whether MFA
 * or a block was required.
 *
 * Real records list every policy, including disabled ones (`notEnabled`, no controls, 0/0
 * conditions) and report-only ones (`reportOnly…`, controls listed); `conditionsSatisfied` /
 * `conditionsNotSatisfied` are `conditionalAccessConditions` flags written as numbers in
 * diagnostic records (Datadog 2025 fixtures: 1/2 for a policy whose user condition failed).
 */
import type { ConditionalAccessPolicy } from '../../tenant/types.ts';
import type { AppliedPolicy, ConditionalAccessStatus, PolicyResult, RiskLevel } from './model.ts';

/** `conditionalAccessConditions` flag values (beta CSDL). */
export const CA_CONDITION = {
  application: 1,
  users: 2,
  devicePlatform: 4,
  location: 8,
  clientType: 16,
  signInRisk: 32,
  userRisk: 64,
  deviceState: 256,
} as const;

export interface CaInput {
  readonly isAdmin: boolean;
  readonly isGuest: boolean;
  readonly trustedLocation: boolean;
  readonly legacyClient: boolean;
  /** Windows / macOS / Linux (the device-state policy targets desktops). */
  readonly desktop: boolean;
  readonly deviceCompliantOrHybrid: boolean;
  readonly deviceManaged: boolean;
  readonly resourceId: string;
  readonly riskLevelDuringSignIn: RiskLevel;
  /** Risk-based policies need Entra ID P2. */
  readonly p2: boolean;
}

/**
 * How the MFA requirement went in this record. `notEvaluated`: the sign-in failed before
 * Conditional Access ran (bad password, locked or unknown account), so every policy reads
 * not applied, as the Graph docs' 50126 example shows (`conditionalAccessStatus: notApplied`).
 */
export type MfaOutcome = 'satisfied' | 'failed' | 'pending' | 'none' | 'notEvaluated';

const EXCHANGE = '00000002-0000-0ff1-ce00-000000000000';
const SHAREPOINT = '00000003-0000-0ff1-ce00-000000000000';

interface Applicability {
  readonly applies: boolean;
  /** Conditions the policy evaluates, and those that held (flags). */
  readonly all: number;
  readonly satisfied: number;
}

const BASE = CA_CONDITION.application | CA_CONDITION.users;

function applicability(p: ConditionalAccessPolicy, x: CaInput): Applicability {
  switch (p.target) {
    case 'admins':
      return x.isAdmin ? { applies: true, all: BASE, satisfied: BASE } : { applies: false, all: BASE, satisfied: CA_CONDITION.application };
    case 'guests':
      return x.isGuest ? { applies: true, all: BASE, satisfied: BASE } : { applies: false, all: BASE, satisfied: CA_CONDITION.application };
    case 'legacyAuth': {
      const all = BASE | CA_CONDITION.clientType;
      return { applies: x.legacyClient, all, satisfied: x.legacyClient ? all : BASE };
    }
    case 'untrustedLocations': {
      const all = BASE | CA_CONDITION.location;
      return { applies: !x.trustedLocation, all, satisfied: x.trustedLocation ? BASE : all };
    }
    case 'devices': {
      // Scoped to members on desktops reaching mail and files.
      const all = BASE | CA_CONDITION.devicePlatform;
      const appOk = x.resourceId === EXCHANGE || x.resourceId === SHAREPOINT;
      const usersOk = !x.isGuest;
      const platformOk = x.desktop && !x.legacyClient;
      const satisfied = (appOk ? CA_CONDITION.application : 0) | (usersOk ? CA_CONDITION.users : 0) | (platformOk ? CA_CONDITION.devicePlatform : 0);
      return { applies: satisfied === all, all, satisfied };
    }
    case 'riskySignIns': {
      const all = BASE | CA_CONDITION.signInRisk;
      const risky = x.p2 && (x.riskLevelDuringSignIn === 'medium' || x.riskLevelDuringSignIn === 'high');
      return { applies: risky, all, satisfied: risky ? all : BASE };
    }
    case 'allUsers': {
      // Sign-in frequency for unmanaged devices: a device-state filter.
      const all = BASE | CA_CONDITION.deviceState;
      return { applies: !x.deviceManaged, all, satisfied: x.deviceManaged ? BASE : all };
    }
  }
}

export interface CaRequirements {
  readonly mfa: boolean;
  /** A grant control that cannot be met in this sign-in: block (legacy) or device state. */
  readonly block: 'legacy' | 'device' | null;
}

/** What the enforced policies demand of this sign-in (before its outcome is known). */
export function caRequirements(policies: ReadonlyArray<ConditionalAccessPolicy>, x: CaInput): CaRequirements {
  let mfa = false;
  let block: 'legacy' | 'device' | null = null;
  for (const p of policies) {
    if (p.state !== 'enabled') continue;
    if (!applicability(p, x).applies) continue;
    if (p.grantControls.includes('Block')) block = 'legacy';
    else if (p.grantControls.includes('Mfa')) mfa = true;
    else if (p.grantControls.includes('RequireCompliantDevice') && !x.deviceCompliantOrHybrid && block === null) block = 'device';
  }
  return { mfa, block };
}

export interface CaEvaluation {
  readonly policies: AppliedPolicy[];
  readonly status: ConditionalAccessStatus;
  readonly mfaRequired: boolean;
}

const NO_CONTROLS: ReadonlyArray<string> = [];

/**
 * Every policy with its result for this record. `mfa` says how MFA went; a record that
 * stops at an MFA interrupt (`pending`) shows MFA policies as not (yet) applied, and
 * report-only MFA policies as `reportOnlyInterrupted`.
 */
export function evaluateConditionalAccess(
  policies: ReadonlyArray<ConditionalAccessPolicy>,
  x: CaInput,
  mfa: MfaOutcome,
): CaEvaluation {
  const out: AppliedPolicy[] = [];
  let anySuccess = false;
  let anyFailure = false;
  let mfaRequired = false;
  for (const p of policies) {
    if (p.state === 'disabled') {
      out.push({ id: p.id, displayName: p.displayName, enforcedGrantControls: NO_CONTROLS, enforcedSessionControls: NO_CONTROLS, result: 'notEnabled', conditionsSatisfied: 0, conditionsNotSatisfied: 0 });
      continue;
    }
    const a = applicability(p, x);
    const reportOnly = p.state === 'enabledForReportingButNotEnforced';
    if (mfa === 'notEvaluated') {
      out.push({ id: p.id, displayName: p.displayName, enforcedGrantControls: p.grantControls, enforcedSessionControls: p.sessionControls, result: reportOnly ? 'reportOnlyNotApplied' : 'notApplied', conditionsSatisfied: 0, conditionsNotSatisfied: 0 });
      continue;
    }
    let result: PolicyResult;
    if (!a.applies) {
      result = reportOnly ? 'reportOnlyNotApplied' : 'notApplied';
    } else {
      const grant = grantOutcome(p, x, mfa);
      if (reportOnly) {
        result = grant === 'met' ? 'reportOnlySuccess' : grant === 'interrupted' ? 'reportOnlyInterrupted' : 'reportOnlyFailure';
      } else {
        if (p.grantControls.includes('Mfa')) mfaRequired = true;
        result = grant === 'met' ? 'success' : grant === 'interrupted' ? 'notApplied' : 'failure';
        if (result === 'success') anySuccess = true;
        if (result === 'failure') anyFailure = true;
      }
    }
    out.push({
      id: p.id,
      displayName: p.displayName,
      enforcedGrantControls: p.grantControls,
      enforcedSessionControls: p.sessionControls,
      result,
      conditionsSatisfied: a.satisfied,
      conditionsNotSatisfied: a.all & ~a.satisfied,
    });
  }
  return { policies: out, status: anyFailure ? 'failure' : anySuccess ? 'success' : 'notApplied', mfaRequired };
}

function grantOutcome(p: ConditionalAccessPolicy, x: CaInput, mfa: MfaOutcome): 'met' | 'unmet' | 'interrupted' {
  if (p.grantControls.includes('Block')) return 'unmet';
  if (p.grantControls.includes('Mfa')) {
    if (mfa === 'satisfied') return 'met';
    if (mfa === 'pending') return 'interrupted';
    return 'unmet';
  }
  if (p.grantControls.includes('RequireCompliantDevice') || p.grantControls.includes('RequireDomainJoinedDevice')) {
    return x.deviceCompliantOrHybrid ? 'met' : 'unmet';
  }
  // Session controls only (sign-in frequency): nothing to grant.
  return 'met';
}
