/**
 * privileged-role-outside-pim: an administrator assigns a privileged directory role directly
 * ("Add member to role" through Core Directory, initiated by the admin), bypassing PIM.
 * The admin signs in first (the audit initiator carries that sign-in's IP); the new role
 * holder then signs in to the Azure portal.
 */
import type { ActivityBase } from '../../core/activity.ts';
import { buildAuditEvent } from '../../categories/audit/index.ts';
import type { Story } from '../types.ts';
import { adminIndex, adminSignIn, attackerNetwork, buildContext, ipOf, memberIndex, MINUTE, ROLE, usualIp, userParam } from './common.ts';

/** Admin tools a direct assignment comes through, with the app the admin signs in to. */
const TOOLS = {
  Microsoft_AAD_IAM: 'Azure Portal',
  'Microsoft Graph Command Line Tools': 'Microsoft Graph Command Line Tools',
  'Azure Active Directory PowerShell': 'Azure Active Directory PowerShell',
} as const;
type Tool = keyof typeof TOOLS;

export interface PrivilegedRoleOutsidePimParams {
  /** Administrator assigning the role (user index); default a Privileged Role or Global Administrator. */
  readonly actor?: number;
  /** User receiving the role; default an ordinary member. */
  readonly target?: number;
  /** Role display name or template id. */
  readonly role: string;
  /** The tool the admin uses (as Core Directory names it in the initiator). */
  readonly client: Tool;
  /** The admin acts from a VPN exit (a compromised admin) instead of their usual network. */
  readonly attackerNetwork: boolean;
  /** The new role holder signs in to the Azure portal afterwards. */
  readonly targetSignIn: boolean;
}

export const privilegedRoleOutsidePim: Story<PrivilegedRoleOutsidePimParams> = {
  id: 'privileged-role-outside-pim',
  title: 'Privileged role assigned directly, outside PIM',
  description: 'An administrator adds a user to a privileged directory role (Global Administrator by default) directly through Core Directory instead of Privileged Identity Management.',
  categories: ['SignInLogs', 'AuditLogs'],
  detections: [
    'Privileged Role Assigned Outside PIM (Sentinel PrivlegedRoleAssignedOutsidePIM, NRT_PrivlegedRoleAssignedOutsidePIM)',
    'New User Assigned to Privileged Role (Sentinel UserAssignedPrivilegedRole)',
    'User Assigned New Privileged Role (Sentinel UserAssignedNewPrivilegedRole)',
    "User Added to an Administrator's Azure AD Role (Sigma azure_ad_user_added_to_admin_role)",
  ],
  params: {
    properties: {
      actor: { type: 'integer', minimum: 0, description: 'Administrator assigning the role (user index).' },
      target: { type: 'integer', minimum: 0, description: 'User receiving the role (user index).' },
      role: { type: 'string', minLength: 1, description: 'Role display name or template id.' },
      client: { enum: Object.keys(TOOLS), description: 'Tool the assignment is made with.' },
      attackerNetwork: { type: 'boolean', description: 'The admin acts from a VPN exit.' },
      targetSignIn: { type: 'boolean', description: 'The new role holder signs in afterwards.' },
    },
  },
  defaults: { role: 'Global Administrator', client: 'Microsoft_AAD_IAM', attackerNetwork: false, targetSignIn: true },
  run(ctx, p) {
    const { rng, tenant } = ctx;
    const bctx = buildContext(ctx);
    const out: ActivityBase[] = [];
    const actor = userParam(tenant, p.actor, 'actor') ?? adminIndex(rng, tenant, [ROLE.privilegedRoleAdmin, ROLE.globalAdmin]);
    const target = userParam(tenant, p.target, 'target') ?? memberIndex(rng, tenant, new Set([actor]));
    const ip = p.attackerNetwork ? ipOf(rng, tenant, attackerNetwork(rng, tenant, ['vpn', 'hosting'])) : usualIp(rng, tenant, tenant.user(actor));
    // Stories start within a minute or so of their placement, not on the dot.
    let t = ctx.at + rng.int(90_000);
    out.push(...adminSignIn(bctx, t, actor, ip, TOOLS[p.client]));
    t += rng.range(2 * MINUTE, 8 * MINUTE);
    out.push(...buildAuditEvent(bctx, t, { activity: 'Add member to role', initiator: { user: actor, ipAddress: ip, client: p.client }, target: { user: target, role: p.role }, result: 'success' }));
    if (p.targetSignIn) {
      const holder = tenant.user(target);
      out.push(...adminSignIn(bctx, t + rng.range(15 * MINUTE, 50 * MINUTE), target, usualIp(rng, tenant, holder)));
    }
    return out;
  },
};
