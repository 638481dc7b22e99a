/**
 * short-lived-account: an administrator (by default working from a VPN exit: a compromised
 * admin) creates a new cloud account, the account is used, and the admin deletes it a few
 * hours later — well inside a day. The account is new, so it is not one of the tenant's
 * users: the story writes its own targets (the Core Directory "Add user" properties, and the
 * deleted UPN prefixed with the object id without dashes, as Entra writes it).
 */
import type { ActivityBase } from '../../core/activity.ts';
import type { AuditModifiedProperty } from '../../categories/audit/index.ts';
import { buildAuditEvent } from '../../categories/audit/index.ts';
import { buildUserSignInFlow, type SignInActivity } from '../../categories/sign-ins/index.ts';
import type { Story } from '../types.ts';
import { adminIndex, adminSignIn, attackerNetwork, buildContext, ipOf, MINUTE, ROLE, usualIp, userParam } from './common.ts';

export interface ShortLivedAccountParams {
  /** Administrator creating and deleting the account; default a User or Global Administrator. */
  readonly actor?: number;
  /** Local part of the new account's UPN (default drawn). */
  readonly name?: string;
  /** Minutes between creation and deletion (under a day for the rules). */
  readonly lifetimeMinutes: number;
  /** The new account signs in while it exists. */
  readonly signIn: boolean;
  /** The admin (and the account) act from a VPN exit instead of the admin's usual network. */
  readonly attackerNetwork: boolean;
}

const js = JSON.stringify;
const mp = (displayName: string, oldValue: string | null, newValue: string | null): AuditModifiedProperty => ({ displayName, oldValue, newValue });
const NAMES = ['svc-sync', 'helpdesk.temp', 'it-support', 'backup.admin', 'test.user', 'ops-automation'];

export const shortLivedAccount: Story<ShortLivedAccountParams> = {
  id: 'short-lived-account',
  title: 'Account created and deleted within hours',
  description: 'An administrator creates a cloud account, the account signs in, and the administrator deletes it a few hours later.',
  categories: ['SignInLogs', 'AuditLogs'],
  detections: [
    'Account Created and Deleted in Short Timeframe (Sentinel AccountCreatedandDeletedinShortTimeframe)',
    'Account Created And Deleted Within A Close Time Frame (Sigma azure_ad_account_created_deleted; matches every Add/Delete user)',
  ],
  params: {
    properties: {
      actor: { type: 'integer', minimum: 0, description: 'Administrator (user index).' },
      name: { type: 'string', pattern: '^[A-Za-z0-9._-]+$', description: 'Local part of the new UPN.' },
      lifetimeMinutes: { type: 'integer', minimum: 1, maximum: 1439, description: 'Minutes from creation to deletion.' },
      signIn: { type: 'boolean', description: 'The new account signs in.' },
      attackerNetwork: { type: 'boolean', description: 'Act from a VPN exit.' },
    },
  },
  defaults: { lifetimeMinutes: 150, signIn: true, attackerNetwork: true },
  run(ctx, p) {
    const { rng, tenant } = ctx;
    const bctx = buildContext(ctx);
    const out: ActivityBase[] = [];
    const actor = userParam(tenant, p.actor, 'actor') ?? adminIndex(rng, tenant, [ROLE.userAdmin, ROLE.globalAdmin]);
    const ip = p.attackerNetwork ? ipOf(rng, tenant, attackerNetwork(rng, tenant, ['vpn', 'hosting'])) : usualIp(rng, tenant, tenant.user(actor));
    const id = rng.uuid();
    const upn = `${p.name ?? `${rng.pick(NAMES)}${rng.range(1, 99)}`}@${tenant.domains[0]}`.toLowerCase();
    const displayName = upn.split('@')[0]!;
    const start = ctx.at + rng.int(90_000);
    const created = start + rng.range(2 * MINUTE, 6 * MINUTE);
    // Deleted `lifetimeMinutes` later, give or take the seconds it takes to find it in the portal.
    const deleted = created + p.lifetimeMinutes * MINUTE + rng.int(50_000);
    const initiator = { user: actor, ipAddress: ip, client: 'Microsoft_AAD_UsersAndTenants' } as const;

    out.push(...adminSignIn(bctx, start, actor, ip));
    const stamp = new Date(created).toISOString().slice(0, 19) + 'Z';
    out.push(
      ...buildAuditEvent(bctx, created, {
        activity: 'Add user',
        initiator,
        result: 'success',
        targetResources: [
          {
            id,
            displayName: null,
            type: 'User',
            userPrincipalName: upn,
            modifiedProperties: [
              mp('AccountEnabled', '[]', '[true]'),
              mp('DisplayName', '[]', js([displayName])),
              mp('StsRefreshTokensValidFrom', '[]', js([stamp])),
              mp('UserPrincipalName', '[]', js([upn])),
              mp('UserType', '[]', js(['Member'])),
              mp('Included Updated Properties', null, js('AccountEnabled, DisplayName, StsRefreshTokensValidFrom, UserPrincipalName, UserType')),
              mp('TargetId.UserType', null, js('Member')),
            ],
          },
        ],
      }),
    );
    if (p.signIn) {
      // The sign-in builders know tenant users only: build for one, then make it the new account's.
      const donor = tenant.admins.length;
      const life = p.lifetimeMinutes * MINUTE;
      const at = created + rng.range(Math.min(10 * MINUTE, Math.floor(life / 4)), Math.floor(life / 2));
      const sessionId = rng.uuid();
      for (const s of buildUserSignInFlow(bctx, at, { user: donor, app: 'Azure Portal', ip, device: 'unregistered', errorCode: 0, primary: 'password', sessionId, interrupt: 50072 })) {
        const own: SignInActivity = { ...s, user: { id, displayName, userPrincipalName: upn, userType: 'Member', homeTenantId: tenant.id, homeTenantName: tenant.name, signInIdentifier: null } };
        out.push(own);
      }
    }
    out.push(
      ...buildAuditEvent(bctx, deleted, {
        activity: 'Delete user',
        initiator,
        result: 'success',
        targetResources: [{ id, displayName: null, type: 'User', userPrincipalName: id.replace(/-/g, '') + upn, modifiedProperties: [mp('TargetId.UserType', null, js('Member'))] }],
      }),
    );
    return out;
  },
};
