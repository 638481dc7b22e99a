/**
 * Builds provisioning events: outbound app provisioning (Entra ID → Salesforce, ServiceNow,
 * Slack… via SCIM or the app's connector) and inbound HR provisioning (Workday /
 * SuccessFactors → Active Directory or Entra ID). Each event is one object processed by a
 * job cycle, with the steps Entra logs (import, scoping, matching or skip, export).
 */
import type { BuildContext } from '../../core/activity.ts';
import { hash32, mix32, type Rng, stableUuid } from '../../core/random.ts';
import type { Tenant, User } from '../../tenant/types.ts';
import {
  ENTRA_SYSTEM_NAME,
  PROVISIONING_CONNECTORS,
  PROVISIONING_ERRORS,
  PROVISIONING_SERVICE_NAME,
  SKIP_REASONS,
  type ProvisioningConnectorKey,
  type ProvisioningConnectorRow,
} from '../../data/provisioning-values.ts';
import type {
  ProvisionedIdentity,
  ProvisioningActivity,
  ProvisioningDetails,
  ProvisioningErrorInfo,
  ProvisioningModifiedProperty,
  ProvisioningStep,
  ProvisioningSystem,
} from './model.ts';

export type ProvisioningSpecAction = 'create' | 'update' | 'disable' | 'delete';
export type ProvisioningSpecResult = 'success' | 'failure' | 'skipped';

export interface ProvisioningSpec {
  /** Which job: an outbound app (`salesforce`, `slack`, …) or an HR source (`workday-ad`, …). */
  readonly connector?: ProvisioningConnectorKey;
  readonly action?: ProvisioningSpecAction;
  readonly result?: ProvisioningSpecResult;
  /** Tenant user index of the provisioned person. */
  readonly user?: number;
  /** Forced failure details (result defaults to failure when given). */
  readonly error?: {
    readonly code: string;
    readonly reason: string;
    readonly category?: 'failure' | 'nonServiceFailure';
    readonly recommendedAction?: string | null;
    readonly additionalDetails?: string | null;
  };
  /** Skip reason for skipped results (`NotEffectivelyEntitled`, `RedundantExport`, `AttributeValidationFailed`). */
  readonly skipReason?: string;
  /** On-demand provisioning by an admin (tenant user index) instead of the scheduled cycle. */
  readonly initiator?: { readonly user: number };
  readonly changeId?: string;
}

interface ConnectorState {
  readonly row: ProvisioningConnectorRow;
  readonly jobId: string;
  readonly servicePrincipalId: string;
  readonly applicationId: string;
  /** Salt for ids derived from the user in this connector's external system. */
  readonly salt: number;
  /** Last cycle seen and its id (cycles change every 40 min). */
  cycle: number;
  cycleId: string;
}

const states = new WeakMap<Tenant, Map<string, ConnectorState>>();

/** Job ids look like `<template>.<tenant id without dashes>.<guid>` [obs]. */
function connectorState(tenant: Tenant, row: ProvisioningConnectorRow): ConnectorState {
  let m = states.get(tenant);
  if (!m) {
    m = new Map();
    states.set(tenant, m);
  }
  let s = m.get(row.key);
  if (!s) {
    const app = tenant.applications.find((a) => a.displayName === row.servicePrincipalName);
    s = {
      row,
      jobId: `${row.jobTemplate}.${tenant.id.replace(/-/g, '')}.${stableUuid(`${tenant.id}/provisioning-job/${row.key}`)}`,
      servicePrincipalId: app?.servicePrincipalId ?? stableUuid(`${tenant.id}/provisioning-sp/${row.key}`),
      applicationId: app?.appId ?? stableUuid(`provisioning-app/${row.key}`),
      salt: hash32(row.key),
      cycle: -1,
      cycleId: '',
    };
    m.set(row.key, s);
  }
  return s;
}

const CONNECTOR_MIX = PROVISIONING_CONNECTORS.map((r) => [r as ProvisioningConnectorRow, r.weight] as const);
const ERROR_ROWS = {
  outbound: PROVISIONING_ERRORS.filter((e) => e.direction !== 'inbound').map((e) => [e, e.weight] as const),
  inbound: PROVISIONING_ERRORS.filter((e) => e.direction !== 'outbound').map((e) => [e, e.weight] as const),
};
const SKIP_MIX = SKIP_REASONS.map((r) => [r, r.weight] as const);

/** Cycles run every 40 minutes; records of one cycle share its cycleId. */
const CYCLE_MS = 40 * 60_000;

/** Record ids are GUID-shaped hashes without the v4 marker [obs: `d6cbb0bd-c3ec-6455-…`]. */
function hashGuid(rng: Rng): string {
  const h = rng.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const HEX = '0123456789abcdef';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * 32 hex digits derived from a user's object id and a salt: stable ids of the same person in
 * other systems without a per-record string hash (hot path).
 */
function derivedHex(userId: string, salt: number): string {
  let out = '';
  for (let i = 0; i < 4; i++) {
    const start = i === 0 ? 0 : i === 1 ? 9 : i === 2 ? 19 : 28;
    const chunk = i === 1 ? userId.slice(9, 13) + userId.slice(14, 18) : i === 2 ? userId.slice(19, 23) + userId.slice(24, 28) : userId.slice(start, start + 8);
    let x = mix32((parseInt(chunk, 16) ^ Math.imul(salt, i + 1)) >>> 0);
    for (let k = 0; k < 8; k++) {
      out += HEX[x & 15];
      x >>>= 4;
    }
  }
  return out;
}

function asGuid(h: string): string {
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${HEX[8 + (parseInt(h[16]!, 16) & 3)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function alnum(h: string, n: number, upper: boolean): string {
  let out = '';
  for (let i = 0; i < n; i++) {
    const v = parseInt(h.slice((i * 2) % 30, ((i * 2) % 30) + 2), 16);
    out += ALNUM[v % (upper ? 36 : 62)];
  }
  return out;
}

function externalId(st: ConnectorState, user: User): string {
  const h = derivedHex(user.id, st.salt);
  switch (st.row.externalIdFormat) {
    case 'salesforce':
      return `0058c0000${alnum(h, 9, false)}`;
    case 'servicenow':
    case 'workday':
      return h;
    case 'slack':
      return `U0${alnum(h, 9, true)}`;
    default:
      return asGuid(h);
  }
}

function cycleIdOf(st: ConnectorState, time: number): string {
  const cycle = Math.floor(time / CYCLE_MS);
  if (cycle !== st.cycle) {
    st.cycle = cycle;
    st.cycleId = stableUuid(`${st.jobId}/cycle/${cycle}`);
  }
  return st.cycleId;
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const tf = (b: boolean): string => (b ? 'True' : 'False');

function fill(template: string, vars: Readonly<Record<string, string>>): string {
  let out = template;
  for (const k in vars) out = out.split(`{${k}}`).join(vars[k]!);
  return out;
}

function mailNickname(user: User): string {
  return user.userPrincipalName.slice(0, user.userPrincipalName.indexOf('@'));
}

/** One provisioning event at `time`. */
export function buildProvisioningEvent(ctx: BuildContext, time: number, spec: ProvisioningSpec = {}): ProvisioningActivity[] {
  const { rng, tenant } = ctx;
  const row: ProvisioningConnectorRow = spec.connector
    ? (PROVISIONING_CONNECTORS.find((c) => c.key === spec.connector) ?? CONNECTOR_MIX[0]![0])
    : rng.weighted(CONNECTOR_MIX);
  if (spec.connector && row.key !== spec.connector) throw new RangeError(`unknown provisioning connector ${spec.connector}`);
  const st = connectorState(tenant, row);
  const inbound = row.direction === 'inbound';
  const user = spec.user !== undefined ? tenant.user(spec.user) : tenant.user(rng.int(tenant.memberCount));

  const action: ProvisioningSpecAction =
    spec.action ??
    rng.weighted<ProvisioningSpecAction>(
      inbound
        ? [['update', 70], ['create', 16], ['disable', 14]]
        : [['update', 60], ['create', 20], ['disable', 15], ['delete', 5]],
    );
  const result: ProvisioningSpecResult =
    spec.result ?? (spec.error ? 'failure' : rng.weighted<ProvisioningSpecResult>([['success', 75], ['skipped', inbound ? 10 : 21], ['failure', 3]]));

  const S = inbound ? row.systemName : ENTRA_SYSTEM_NAME;
  const T = inbound ? row.inboundTarget! : row.systemName;
  const upn = user.userPrincipalName;
  const extId = externalId(st, user);

  const sourceSystem: ProvisioningSystem = { id: rng.uuid(), name: S, details: {} };
  const targetSystem: ProvisioningSystem = {
    id: rng.uuid(),
    name: T,
    details: { ApplicationId: st.applicationId, ServicePrincipalId: st.servicePrincipalId, ServicePrincipalDisplayName: row.servicePrincipalName },
  };
  const sourceIdentity: ProvisionedIdentity = inbound
    ? { identityType: 'User', details: {}, id: extId, name: user.displayName }
    : {
        identityType: 'User',
        details: { id: user.id, odatatype: 'User', DisplayName: user.displayName, UserPrincipalName: upn },
        id: user.id,
        name: user.displayName,
      };
  const created = action === 'create';
  const exists = !created || result === 'success';
  const targetId = inbound ? (row.inboundTarget === 'Azure Active Directory' ? user.id : asGuid(derivedHex(user.id, st.salt ^ 0x5bd1e995))) : extId;
  const targetIdentity: ProvisionedIdentity = {
    identityType: inbound ? 'User' : row.externalIdentityType,
    details: {},
    id: exists && result !== 'skipped' ? targetId : action === 'create' ? '' : targetId,
    name: inbound && exists ? user.displayName : '',
  };

  // --- steps ---
  const steps: ProvisioningStep[] = [];
  const verb = action === 'create' ? 'Add' : action === 'delete' ? 'Delete' : 'Update';
  if (inbound) {
    steps.push({
      name: 'EntryImport',
      type: 'import',
      status: 'success',
      description: `Retrieved User '${extId}' from ${S}`,
      details: { employeeID: String(100000 + user.index), displayName: user.displayName, givenName: user.givenName, surname: user.surname, department: user.department, jobTitle: user.jobTitle, Active: tf(action !== 'disable') },
    });
  } else {
    steps.push({
      name: `EntryImport${verb}`,
      type: 'import',
      status: 'success',
      description: `Received User '${upn}' change of type (${verb}) from ${S}`,
      details: {
        objectId: user.id,
        accountEnabled: tf(action !== 'disable'),
        displayName: user.displayName,
        givenName: user.givenName,
        mailNickname: mailNickname(user),
        surname: user.surname,
        userPrincipalName: upn,
        IsSoftDeleted: tf(action === 'delete'),
        appRoleAssignments: 'User',
      },
    });
  }
  const skip = result === 'skipped' ? (spec.skipReason ? SKIP_REASONS.find((s) => s.reason === spec.skipReason) ?? { reason: spec.skipReason, description: `User '{name}' was skipped.`, weight: 1 } : rng.weighted(SKIP_MIX)) : null;
  const entitled = skip?.reason !== 'NotEffectivelyEntitled';
  if (action !== 'delete') {
    steps.push({
      name: 'EntrySynchronizationScoping',
      type: 'scoping',
      status: 'success',
      description: 'Determine if User in scope by evaluating against each scoping filter',
      details: {
        'Active in the source system': tf(action !== 'disable'),
        ...(inbound ? {} : { 'Assigned to the application': tf(entitled), 'User has the required role': tf(entitled) }),
        'Scoping filter evaluation passed': tf(entitled),
        ScopeEvaluationResult: '{}',
      },
    });
  }
  let error: ProvisioningErrorInfo | null = null;
  const displayRef = inbound ? user.displayName : upn;
  if (skip) {
    const property = 'name.familyName';
    steps.push({
      name: 'EntrySynchronizationSkip',
      type: 'processing',
      status: 'skipped',
      description: fill(skip.description, { name: displayRef, system: T, property }),
      details: { ...(skip.reason === 'AttributeValidationFailed' ? { PropertyName: property } : {}), SkipReason: skip.reason, ReportableIdentifier: displayRef },
    });
  } else {
    const matchDesc =
      action === 'create'
        ? `User '${displayRef}' will be created in ${T} (User is active and assigned in ${S}, but no matching User was found in ${T})`
        : action === 'delete'
          ? `User '${displayRef}' will be deleted from ${T} (User is no longer assigned in ${S}, and a matching User was found in ${T})`
          : action === 'disable'
            ? `User '${displayRef}' will be disabled in ${T} (User is not active in ${S}, and a matching User was found in ${T})`
            : `User '${displayRef}' will be updated in ${T} (User is active and assigned in ${S}, and a matching User was found in ${T})`;
    steps.push({ name: `EntrySynchronization${verb}`, type: 'matching', status: 'success', description: matchDesc, details: {} });
    const past = action === 'create' ? 'created' : action === 'delete' ? 'deleted' : 'updated';
    if (result === 'failure') {
      const forced = spec.error;
      if (forced) {
        error = {
          errorCode: forced.code,
          reason: forced.reason,
          additionalDetails: forced.additionalDetails ?? null,
          errorCategory: forced.category ?? 'nonServiceFailure',
          recommendedAction: forced.recommendedAction ?? null,
        };
      } else {
        const e = rng.weighted(inbound ? ERROR_ROWS.inbound : ERROR_ROWS.outbound);
        const vars = { system: T, systemId: T.replace(/[^A-Za-z0-9]/g, ''), upn, name: user.displayName };
        error = { errorCode: fill(e.code, vars), reason: fill(e.reason, vars), additionalDetails: null, errorCategory: e.category, recommendedAction: e.recommendedAction };
      }
      steps.push({
        name: `EntryExport${verb}`,
        type: 'export',
        status: 'failure',
        description: `Failed to ${action === 'create' ? 'create' : action === 'delete' ? 'delete' : 'update'} User '${displayRef}' in ${T}`,
        details: { ReportableIdentifier: displayRef },
      });
    } else {
      const exportDetails: ProvisioningDetails = inbound
        ? { ReportableIdentifier: upn }
        : {
            externalId: user.id,
            userName: upn,
            namegivenName: user.givenName,
            namefamilyName: user.surname,
            active: tf(action !== 'disable' && action !== 'delete'),
            ReportableIdentifier: upn,
          };
      steps.push({ name: `EntryExport${verb}`, type: 'export', status: 'success', description: `User '${displayRef}' was ${past} in ${T}`, details: exportDetails });
    }
  }

  // --- modified properties (plain values) [obs] ---
  const mods: ProvisioningModifiedProperty[] = [];
  const add = (displayName: string, newValue: string, oldValue: string | null = null): void => {
    mods.push({ displayName, oldValue, newValue });
  };
  if (!skip && action !== 'delete') {
    if (inbound) {
      const toAd = row.inboundTarget === 'Active Directory';
      if (action === 'create') {
        if (toAd) {
          add('accountDisabled', 'False');
          add('cn', user.displayName);
          add('displayName', user.displayName);
          add('givenName', user.givenName);
          add('sn', user.surname);
          add('sAMAccountName', mailNickname(user).replace(/\./g, '').slice(0, 20));
          add('userPrincipalName', upn);
          add('employeeID', String(100000 + user.index));
          add('department', user.department);
          add('title', user.jobTitle);
          add('parentDistinguishedName', `OU=Users,DC=corp,DC=${tenant.domains[0]!.split('.')[0]},DC=com`);
        } else {
          add('accountEnabled', 'True');
          add('displayName', user.displayName);
          add('givenName', user.givenName);
          add('surname', user.surname);
          add('userPrincipalName', upn);
          add('employeeId', String(100000 + user.index));
          add('department', user.department);
          add('jobTitle', user.jobTitle);
          add('mailNickname', mailNickname(user));
        }
      } else if (action === 'disable') add(toAd ? 'accountDisabled' : 'accountEnabled', toAd ? 'True' : 'False');
      else add(rng.bool(0.5) ? (toAd ? 'title' : 'jobTitle') : 'department', rng.bool(0.5) ? user.jobTitle : user.department);
    } else if (action === 'create') {
      add('externalId', user.id);
      add('userName', upn);
      add('name.givenName', user.givenName);
      add('name.familyName', user.surname);
      add('active', 'True');
    } else if (action === 'disable') add('active', 'False');
    else add(rng.bool(0.5) ? 'title' : 'displayName', rng.bool(0.5) ? user.jobTitle : user.displayName);
  }

  const durationMs =
    result === 'skipped' ? rng.range(90, 1200) : result === 'failure' ? rng.range(1500, 9000) : action === 'create' ? rng.range(1200, 6000) : rng.range(350, 3200);
  const tick = rng.int(10000);
  const initiator = spec.initiator ? tenant.user(spec.initiator.user) : null;
  const status = result;
  return [
    {
      category: 'ProvisioningLogs',
      id: hashGuid(rng),
      time,
      tick,
      // Envelope time equals activityDateTime in the samples [obs].
      envelopeTime: time,
      envelopeTick: tick,
      jobId: st.jobId,
      cycleId: cycleIdOf(st, time),
      changeId: spec.changeId ?? rng.uuid(),
      action: action === 'delete' ? 'Delete' : cap(action),
      provisioningAction: action,
      durationMs,
      servicePrincipal: { id: st.servicePrincipalId, name: row.servicePrincipalName },
      sourceSystem,
      targetSystem,
      initiatedBy: initiator
        ? { type: 'user', id: initiator.id, name: initiator.displayName }
        : { type: 'system', id: '', name: PROVISIONING_SERVICE_NAME },
      sourceIdentity,
      targetIdentity,
      status,
      error,
      steps,
      modifiedProperties: mods,
    },
  ];
}
