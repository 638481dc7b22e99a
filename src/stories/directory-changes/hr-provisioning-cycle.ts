/**
 * hr-provisioning-cycle: one scheduled cycle of an inbound HR provisioning job (Workday or
 * SuccessFactors → Entra ID or on-premises AD). Every record of the cycle shares the job id
 * and the cycle id; new hires are created, changed people updated, leavers disabled, some
 * objects skipped (scoping, nothing to export, invalid attributes) and a few fail with the
 * errors Entra reports for inbound jobs (duplicate UPN on create, duplicate target entries
 * on update).
 *
 * When the target is Entra ID the provisioning service also writes the changes to
 * AuditLogs ("Add user", "Update user", "Disable account"), initiated by its first-party app
 * Microsoft.Azure.SyncFabric (appId 00000014-…; the display name Entra shows for the
 * initiator is our best guess). An AD target writes nothing to Entra AuditLogs: the user is
 * created on premises and reaches Entra later through directory sync.
 */
import type { ActivityBase } from '../../core/activity.ts';
import { stableUuid, type Rng } from '../../core/random.ts';
import type { Tenant } from '../../tenant/types.ts';
import { buildAuditEvent, type AuditAppInitiator, type DirectoryAuditActivity } from '../../categories/audit/index.ts';
import { buildProvisioningEvent, type ProvisioningActivity, type ProvisioningSpec } from '../../categories/provisioning/index.ts';
import { PROVISIONING_ERRORS } from '../../data/provisioning-values.ts';
import type { Story } from '../types.ts';
import { MINUTE, spread } from './common.ts';

export const HR_CONNECTORS = ['workday-entra', 'workday-ad', 'successfactors-entra', 'successfactors-ad'] as const;
export type HrConnector = (typeof HR_CONNECTORS)[number];

export interface HrProvisioningCycleParams {
  readonly connector: HrConnector;
  readonly creates: number;
  readonly updates: number;
  readonly disables: number;
  /** Objects the cycle skips (out of scope, already up to date, invalid attributes). */
  readonly skips: number;
  /** Objects that fail (half creates with a duplicate UPN, half updates with duplicate target entries). */
  readonly failures: number;
  /** How long the cycle runs (it stays within one 40-minute cycle). */
  readonly durationMinutes: number;
}

const SYNC_FABRIC_APP_ID = '00000014-0000-0000-c000-000000000000';
const SYNC_FABRIC = 'Microsoft.Azure.SyncFabric';
const ATTRIBUTE_CHANGES: ReadonlyArray<readonly [string, ReadonlyArray<string>]> = [
  ['JobTitle', ['Senior Analyst', 'Team Lead', 'Account Manager', 'Engineering Manager', 'Specialist']],
  ['Department', ['Finance', 'Operations', 'Sales', 'Engineering', 'Customer Success']],
  ['OfficeLocation', ['Building 2', 'Floor 5', 'Remote']],
];

function errorOf(code: string, upn: string, name: string): NonNullable<ProvisioningSpec['error']> {
  const row = PROVISIONING_ERRORS.find((e) => e.code === code)!;
  const fill = (s: string): string => s.split('{upn}').join(upn).split('{name}').join(name).split('{system}').join('Azure Active Directory');
  return { code: row.code, reason: fill(row.reason), category: row.category, recommendedAction: row.recommendedAction };
}

/** Distinct enabled members without roles; leavers are the tenant's disabled accounts when it has them. */
function people(rng: Rng, tenant: Tenant, n: number, disabled: boolean, taken: Set<number>): number[] {
  const out: number[] = [];
  for (let tries = 0; out.length < n && tries < n * 200; tries++) {
    const i = tenant.admins.length + rng.int(Math.max(1, tenant.memberCount - tenant.admins.length));
    const u = tenant.user(i);
    if (taken.has(i) || u.roles.length > 0) continue;
    if (disabled ? u.accountEnabled && tries < n * 150 : !u.accountEnabled) continue;
    taken.add(i);
    out.push(i);
  }
  return out;
}

export const hrProvisioningCycle: Story<HrProvisioningCycleParams> = {
  id: 'hr-provisioning-cycle',
  title: 'HR inbound provisioning cycle (Workday / SuccessFactors)',
  description:
    'One cycle of an HR-driven provisioning job: creates, updates and disables with skips and failures, one job and cycle id, and the AuditLogs records the provisioning service writes when the target is Entra ID.',
  categories: ['ProvisioningLogs', 'AuditLogs'],
  // Ordinary traffic: must not trip "Account Created and Deleted in Short Timeframe".
  detections: [],
  params: {
    properties: {
      connector: { enum: [...HR_CONNECTORS], description: 'HR source and target.' },
      creates: { type: 'integer', minimum: 0, maximum: 500, description: 'Users created.' },
      updates: { type: 'integer', minimum: 0, maximum: 2000, description: 'Users updated.' },
      disables: { type: 'integer', minimum: 0, maximum: 500, description: 'Users disabled.' },
      skips: { type: 'integer', minimum: 0, maximum: 2000, description: 'Users skipped.' },
      failures: { type: 'integer', minimum: 0, maximum: 500, description: 'Users that fail.' },
      durationMinutes: { type: 'integer', minimum: 1, maximum: 35, description: 'Cycle duration.' },
    },
  },
  defaults: { connector: 'workday-entra', creates: 4, updates: 30, disables: 3, skips: 8, failures: 2, durationMinutes: 12 },
  run(ctx, p) {
    const { rng, tenant } = ctx;
    const bctx = { rng, tenant };
    const toEntra = p.connector.endsWith('-entra');
    type Item = { action: 'create' | 'update' | 'disable'; result: 'success' | 'failure' | 'skipped'; user: number };
    const taken = new Set<number>();
    const items: Item[] = [
      ...people(rng, tenant, p.creates, false, taken).map((user): Item => ({ action: 'create', result: 'success', user })),
      ...people(rng, tenant, p.updates, false, taken).map((user): Item => ({ action: 'update', result: 'success', user })),
      ...people(rng, tenant, p.disables, true, taken).map((user): Item => ({ action: 'disable', result: 'success', user })),
      ...people(rng, tenant, p.skips, false, taken).map((user): Item => ({ action: 'update', result: 'skipped', user })),
      ...people(rng, tenant, p.failures, false, taken).map((user, i): Item => ({ action: i % 2 === 0 ? 'create' : 'update', result: 'failure', user })),
    ];
    // Cycles process objects in no meaningful order.
    const order = rng.shuffle(items);
    const offsets = spread(rng, order.length, p.durationMinutes * MINUTE);
    const records: ProvisioningActivity[] = [];
    const audit: DirectoryAuditActivity[] = [];
    order.forEach((item, k) => {
      const t = ctx.at + offsets[k]!;
      const user = tenant.user(item.user);
      const spec: ProvisioningSpec = {
        connector: p.connector,
        action: item.action,
        result: item.result,
        user: item.user,
        ...(item.result === 'failure'
          ? { error: errorOf(item.action === 'create' ? 'AzureActiveDirectoryDuplicateUserPrincipalName' : 'DuplicateTargetEntries', user.userPrincipalName, user.displayName) }
          : {}),
      };
      records.push(...buildProvisioningEvent(bctx, t, spec));
      if (!toEntra || item.result !== 'success') return;
      // What the provisioning service wrote in the directory, a moment before it logged the export.
      const at = t - rng.range(200, 1500);
      if (item.action === 'create') audit.push(...buildAuditEvent(bctx, at, { activity: 'Add user', initiator: { service: 'credentialConfig' }, target: { user: item.user }, result: 'success' }));
      else if (item.action === 'disable') audit.push(...buildAuditEvent(bctx, at, { activity: 'Disable account', initiator: { service: 'credentialConfig' }, target: { user: item.user }, result: 'success' }));
      else {
        const [attr, values] = rng.pick(ATTRIBUTE_CHANGES);
        const to = rng.pick(values);
        audit.push(
          ...buildAuditEvent(bctx, at, {
            activity: 'Update user',
            initiator: { service: 'credentialConfig' },
            target: { user: item.user },
            result: 'success',
            modifiedProperties: [
              { displayName: attr, oldValue: '[]', newValue: JSON.stringify([to]) },
              { displayName: 'Included Updated Properties', oldValue: null, newValue: JSON.stringify(attr) },
              { displayName: 'TargetId.UserType', oldValue: null, newValue: JSON.stringify('Member') },
            ],
          }),
        );
      }
    });
    // One cycle id for the whole cycle, whatever the builder's own cycle boundaries.
    const cycleId = records[0]?.cycleId ?? stableUuid(`${tenant.id}/hr-cycle/${ctx.at}`);
    const syncFabric: AuditAppInitiator = { kind: 'app', appId: null, displayName: SYNC_FABRIC, servicePrincipalId: stableUuid(`${tenant.id}/sp/${SYNC_FABRIC_APP_ID}`), servicePrincipalName: null };
    const out: ActivityBase[] = records.map((r) => ({ ...r, cycleId }));
    for (const a of audit) {
      const written: DirectoryAuditActivity = { ...a, initiatedBy: syncFabric, identity: SYNC_FABRIC };
      out.push(written);
    }
    return out;
  },
};
