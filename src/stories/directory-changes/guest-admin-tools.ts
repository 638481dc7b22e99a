/**
 * guest-admin-tools: a B2B guest is invited (Invited Users "Invite external user" plus the
 * Core Directory "Add user"), redeems the invitation, is added to a group, and then signs in
 * from an Azure VM with administration tools — the Azure portal, Azure CLI, Azure AD
 * PowerShell, Microsoft Graph PowerShell — and enumerates the directory through Graph.
 */
import type { ActivityBase } from '../../core/activity.ts';
import { buildAuditEvent } from '../../categories/audit/index.ts';
import { buildGraphActivity, type GraphActivity } from '../../categories/graph-activity/index.ts';
import { buildUserSignIn, buildUserSignInFlow } from '../../categories/sign-ins/index.ts';
import type { Story } from '../types.ts';
import { adminIndex, adminSignIn, azureNetwork, buildContext, guestIndex, ipOf, lastOf, MINUTE, ROLE, spread, usualIp, userParam } from './common.ts';

export const ADMIN_TOOLS = ['Azure Portal', 'Microsoft Azure CLI', 'Azure Active Directory PowerShell', 'Microsoft Graph Command Line Tools', 'Microsoft Azure PowerShell'] as const;
export type AdminTool = (typeof ADMIN_TOOLS)[number];

export interface GuestAdminToolsParams {
  /** The guest (user index of a guest); default one of the tenant's guests. */
  readonly guest?: number;
  /** Who invites; default a Guest Inviter / User Administrator / Global Administrator. */
  readonly inviter?: number;
  /** Tools the guest signs in with, in order. */
  readonly tools: ReadonlyArray<AdminTool>;
  /** The guest works from an Azure VM (an Azure IP); else from their home network. */
  readonly fromAzure: boolean;
  /** The inviter adds the guest to a group (index into the tenant's groups, or drawn). */
  readonly addToGroup: boolean;
  readonly group?: number;
  readonly redeemAfterMinutes: number;
  /** Minutes from redemption to the first admin-tool sign-in. */
  readonly toolsAfterMinutes: number;
  /** Graph enumeration calls per tool sign-in. */
  readonly enumerationCalls: number;
}

/** What an enumerating guest asks Graph for. */
const ENUMERATION = [
  'users?$top=999&$select=id,displayName,userPrincipalName,mail,jobTitle,department',
  'groups?$top=999&$select=id,displayName,securityEnabled,groupTypes',
  'directoryRoles?$expand=members',
  'servicePrincipals?$top=999&$select=id,appId,displayName',
  'applications?$top=999',
  'organization',
  'policies/authorizationPolicy',
  'domains',
  'users?$filter=userType%20eq%20%27Member%27&$count=true&$top=999',
];

const TOOL_SCOPES: Readonly<Record<AdminTool, string>> = {
  'Azure Portal': 'AuditLog.Read.All Directory.AccessAsUser.All email openid profile',
  'Microsoft Azure CLI': 'AuditLog.Read.All Directory.AccessAsUser.All email Group.ReadWrite.All openid profile User.ReadWrite.All',
  'Azure Active Directory PowerShell': 'Directory.AccessAsUser.All email openid profile',
  'Microsoft Graph Command Line Tools': 'AuditLog.Read.All Directory.Read.All email Group.Read.All openid profile User.Read User.Read.All',
  'Microsoft Azure PowerShell': 'AuditLog.Read.All Directory.AccessAsUser.All email Group.ReadWrite.All openid profile User.ReadWrite.All',
};

export const guestAdminTools: Story<GuestAdminToolsParams> = {
  id: 'guest-admin-tools',
  title: 'Invited guest signs in with admin tools from Azure',
  description:
    'A guest is invited, redeems the invitation, is added to a group, then signs in from an Azure VM with the Azure portal, Azure CLI, Azure AD PowerShell and Graph PowerShell and enumerates the directory.',
  categories: ['SignInLogs', 'AuditLogs', 'MicrosoftGraphActivityLogs'],
  detections: [
    'External guest invitation followed by Microsoft Entra ID PowerShell signin (Sentinel UnusualGuestActivity)',
    'Azure Portal sign in from another Azure Tenant (Sentinel AzurePortalSigninfromanotherAzureTenant)',
    'Guest accounts added in Entra ID Groups other than the ones specified (Sentinel GuestAccountsAddedinAADGroupsOtherThanTheOnesSpecified)',
  ],
  params: {
    properties: {
      guest: { type: 'integer', minimum: 0, description: 'The guest (user index).' },
      inviter: { type: 'integer', minimum: 0, description: 'Who invites (user index).' },
      tools: { type: 'array', items: { enum: [...ADMIN_TOOLS] }, minItems: 1, description: 'Admin tools the guest signs in with.' },
      fromAzure: { type: 'boolean', description: 'Sign in from an Azure IP.' },
      addToGroup: { type: 'boolean', description: 'The inviter adds the guest to a group.' },
      group: { type: 'integer', minimum: 0, description: 'Index into the tenant groups.' },
      redeemAfterMinutes: { type: 'integer', minimum: 1, maximum: 1440, description: 'Minutes from invitation to redemption.' },
      toolsAfterMinutes: { type: 'integer', minimum: 1, maximum: 1380, description: 'Minutes from redemption to the first admin-tool sign-in.' },
      enumerationCalls: { type: 'integer', minimum: 0, maximum: 200, description: 'Graph calls per tool sign-in.' },
    },
  },
  defaults: {
    tools: ['Azure Portal', 'Microsoft Azure CLI', 'Azure Active Directory PowerShell', 'Microsoft Graph Command Line Tools'],
    fromAzure: true,
    addToGroup: true,
    redeemAfterMinutes: 25,
    toolsAfterMinutes: 40,
    enumerationCalls: 6,
  },
  run(ctx, p) {
    const { rng, tenant } = ctx;
    const bctx = buildContext(ctx);
    const out: ActivityBase[] = [];
    const guest = userParam(tenant, p.guest, 'guest') ?? guestIndex(rng, tenant);
    const inviter = userParam(tenant, p.inviter, 'inviter') ?? adminIndex(rng, tenant, [ROLE.guestInviter, ROLE.userAdmin, ROLE.globalAdmin]);
    const inviterIp = usualIp(rng, tenant, tenant.user(inviter));
    const guestUser = tenant.user(guest);

    // Stories start within a minute or so of their placement, not on the dot.
    let t = ctx.at + rng.int(90_000);
    out.push(...adminSignIn(bctx, t, inviter, inviterIp));
    t += rng.range(2 * MINUTE, 6 * MINUTE);
    out.push(...buildAuditEvent(bctx, t, { activity: 'Invite external user', initiator: { user: inviter, ipAddress: inviterIp }, target: { user: guest }, result: 'success' }));
    if (p.addToGroup) {
      const group = p.group ?? rng.int(tenant.groups.length);
      out.push(...buildAuditEvent(bctx, t + rng.range(1 * MINUTE, 5 * MINUTE), { activity: 'Add member to group', initiator: { user: inviter, ipAddress: inviterIp }, target: { user: guest, group }, result: 'success' }));
    }

    // Redemption: the guest opens the invitation link from their own network.
    t += p.redeemAfterMinutes * MINUTE;
    const home = tenant.ipIn(guestUser.homeNetwork, 1 + (guestUser.index % 250));
    const redeemSignIn = lastOf(buildUserSignInFlow(bctx, t, { user: guest, app: 'My Apps', ip: home, errorCode: 0 }));
    out.push(redeemSignIn);
    out.push(...buildAuditEvent(bctx, t + rng.range(3, 20) * 1000, { activity: 'Redeem external user invite', initiator: { user: guest, ipAddress: home }, target: { user: guest }, result: 'success' }));

    // The admin tools, from an Azure VM (one address) or home.
    const ip = p.fromAzure ? ipOf(rng, tenant, azureNetwork(tenant)) : home;
    const start = t + p.toolsAfterMinutes * MINUTE;
    const offsets = spread(rng, p.tools.length, 30 * MINUTE);
    p.tools.forEach((tool, i) => {
      const st = start + offsets[i]!;
      const portal = tool === 'Azure Portal';
      const records = portal
        ? adminSignIn(bctx, st, guest, ip, tool)
        : [buildUserSignIn(bctx, st, { user: guest, app: tool, resource: 'Microsoft Graph', ip, errorCode: 0, mfa: 'performed', primary: 'password', device: 'unregistered' })];
      out.push(...records);
      const token = lastOf(records);
      const client = tenant.app(tool);
      for (let k = 0; k < p.enumerationCalls; k++) {
        const path = ENUMERATION[(i * 3 + k) % ENUMERATION.length]!;
        const g = buildGraphActivity(bctx, st + 3_000 + k * rng.range(1_000, 6_000), {
          caller: 'user',
          user: guestUser,
          clientApp: client,
          requestUri: `https://graph.microsoft.com/${path.startsWith('users?$filter') || portal ? 'beta' : 'v1.0'}/${path}`,
          method: 'GET',
          responseStatusCode: 200,
          ipAddress: ip,
          signInActivityId: token.uniqueTokenIdentifier,
          sessionId: token.sessionId,
          deviceId: '',
          tokenIssuedAt: Math.floor(token.time / 1000) * 1000,
          scopes: TOOL_SCOPES[tool],
          ...(token.userAgent ? { userAgent: token.userAgent } : {}),
        });
        // Portals are confidential web clients; the command-line tools public clients.
        const call: GraphActivity = { ...g, clientAuthMethod: portal ? 2 : 0 };
        out.push(call);
      }
    });
    return out;
  },
};
