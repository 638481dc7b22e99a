/**
 * graph-recon: directory reconnaissance through Microsoft Graph with a stolen token.
 *
 * An attacker redeems a user's stolen refresh token from a VPS (one non-interactive
 * sign-in: the victim's session id, an unregistered device, the tool's user agent) and
 * runs a collector with the access token it gets: AzureHound (BloodHound's Azure
 * collector) or GraphRunner. Every Graph request of the burst carries that sign-in's
 * uniqueTokenIdentifier as signInActivityId, its session id and issue time, and the
 * attacker's IP: tenant-wide listings (users, groups, applications, service principals,
 * devices, role definitions and assignments, organization) with paging, then per-object
 * reads (members, owners, app role assignments), mostly 200s, and 403s where the user's
 * token cannot go (sign-in logs, Conditional Access policies, mail).
 *
 * Request shapes follow the tools' sources as the public detections list them
 * (f-bader/AzSentinelQueries AzureHound/GraphRunner reconnaissance rules); user agents
 * are the tools' defaults [AzureHound's from its source; GraphRunner's guessed: PowerShell].
 */
import type { ActivityBase } from '../../core/activity.ts';
import { auditLookups, deviceObjectId } from '../../categories/audit/lookups.ts';
import { buildUserSignIn } from '../../categories/sign-ins/index.ts';
import { buildGraphActivity, type GraphActivity } from '../../categories/graph-activity/index.ts';
import type { Story, StoryContext } from '../types.ts';
import { attackerNetwork, buildContext, byTime, ipOfNetwork, storyStart, storyUser, type AttackerNetworkKind } from './common.ts';

export interface GraphReconParams {
  /** Whose token was stolen (tenant index); default a random member without admin roles. */
  readonly user?: number;
  readonly tool: 'azurehound' | 'graphrunner';
  readonly network: AttackerNetworkKind;
  /** Objects of each kind the collector reads one by one (members, owners…). */
  readonly objects: number;
}

interface ToolProfile {
  /** Client app whose refresh token is replayed (FOCI public clients). */
  readonly app: string;
  readonly userAgent: string;
  /** `scp` of the Graph token [guessed for Azure PowerShell; Microsoft Office's from data/graph-requests.ts]. */
  readonly scopes: string;
}

const TOOLS: Readonly<Record<GraphReconParams['tool'], ToolProfile>> = {
  azurehound: {
    app: 'Microsoft Azure PowerShell',
    userAgent: 'azurehound/v2.1.7',
    scopes: 'AuditLog.Read.All Directory.AccessAsUser.All email Group.ReadWrite.All openid profile User.ReadWrite.All',
  },
  graphrunner: {
    app: 'Microsoft Office',
    userAgent: 'Mozilla/5.0 (Windows NT; Windows NT 10.0; en-US) WindowsPowerShell/5.1.22621.4249',
    scopes:
      'AuditLog.Create Calendar.ReadWrite Calendars.Read.Shared Calendars.ReadWrite Contacts.ReadWrite DataLossPreventionPolicy.Evaluate Directory.AccessAsUser.All Directory.Read.All email Files.Read Files.Read.All Files.ReadWrite.All Group.Read.All Group.ReadWrite.All InformationProtectionPolicy.Read Mail.ReadWrite Mail.Send MailboxSettings.ReadWrite Notes.Create openid People.Read People.Read.All profile SensitiveInfoType.Detect SensitiveInfoType.Read.All SensitivityLabel.Evaluate Tasks.ReadWrite TeamMember.ReadWrite.All TeamsTab.ReadWriteForChat User.Read.All User.ReadBasic.All User.ReadWrite Users.Read',
  },
};

const V1 = 'https://graph.microsoft.com/v1.0/';
const BETA = 'https://graph.microsoft.com/beta/';

/** One planned request: URI, status, method. */
interface Call {
  readonly uri: string;
  readonly status: number;
  readonly method?: 'GET' | 'POST';
  readonly size?: number;
}

/** Paged listing: the first page, then `$skiptoken` pages for a directory of `count` objects. */
function listing(ctx: StoryContext, path: string, count: number): Call[] {
  const pages = Math.min(20, Math.max(1, Math.ceil(count / 999)));
  const calls: Call[] = [{ uri: `${V1}${path}?$top=999`, status: 200, size: ctx.rng.range(200_000, 900_000) }];
  for (let i = 1; i < pages; i++) calls.push({ uri: `${V1}${path}?$top=999&$skiptoken=RFNwdAIAAQAAA${ctx.rng.token(40)}`, status: 200, size: ctx.rng.range(200_000, 900_000) });
  return calls;
}

/** Requests a user token cannot make (no admin role, no mail scope): the 403s of the burst. */
function forbidden(): Call[] {
  return [
    { uri: `${BETA}auditLogs/signIns?$top=1`, status: 403 },
    { uri: `${V1}identity/conditionalAccess/policies`, status: 403 },
    { uri: `${V1}me/messages?$top=10`, status: 403 },
  ];
}

function azureHoundCalls(ctx: StoryContext, n: number): Call[] {
  const { tenant, rng } = ctx;
  const pick = <T>(items: ReadonlyArray<T>): T[] => rng.shuffle(items).slice(0, n);
  const calls: Call[] = [{ uri: `${V1}organization`, status: 200 }];
  calls.push(...listing(ctx, 'users', tenant.userCount));
  calls.push(...listing(ctx, 'groups', tenant.groups.length));
  calls.push(...listing(ctx, 'applications', tenant.applications.length));
  calls.push(...listing(ctx, 'servicePrincipals', tenant.applications.length + tenant.firstPartyApps.length + tenant.managedIdentities.length));
  calls.push(...listing(ctx, 'devices', tenant.userCount));
  calls.push({ uri: `${V1}roleManagement/directory/roleDefinitions`, status: 200 });
  for (const role of pick(tenant.roles)) calls.push({ uri: `${V1}roleManagement/directory/roleAssignments?$filter=roleDefinitionId%20eq%20%27${role.templateId}%27`, status: 200 });
  for (const g of pick(tenant.groups)) {
    calls.push({ uri: `${V1}groups/${g.id}/members?$top=999`, status: 200 });
    calls.push({ uri: `${V1}groups/${g.id}/owners?$top=999`, status: 200 });
  }
  for (const a of pick(tenant.applications)) {
    calls.push({ uri: `${V1}applications/${auditLookups(tenant).apps.get(a.appId)?.objectId ?? a.appId}/owners`, status: 200 });
  }
  for (const sp of pick([...tenant.applications, ...tenant.firstPartyApps])) {
    calls.push({ uri: `${V1}servicePrincipals/${sp.servicePrincipalId}/owners`, status: 200 });
    calls.push({ uri: `${V1}servicePrincipals/${sp.servicePrincipalId}/appRoleAssignedTo`, status: 200 });
  }
  for (let i = 0; i < n; i++) {
    const owner = tenant.user(rng.int(tenant.memberCount));
    const device = owner.devices[0]!;
    if (device.deviceId) calls.push({ uri: `${V1}devices/${deviceObjectId(tenant, device.deviceId)}/registeredOwners`, status: 200 });
  }
  calls.push({ uri: `${V1}directoryRoles`, status: 200 });
  return [...calls, ...forbidden()];
}

function graphRunnerCalls(ctx: StoryContext, n: number): Call[] {
  const { tenant, rng } = ctx;
  const pick = <T>(items: ReadonlyArray<T>): T[] => rng.shuffle(items).slice(0, n);
  // Invoke-GraphRecon, Get-AzureADUsers, Get-SecurityGroups, Invoke-DumpApps, Invoke-SearchMailbox.
  const calls: Call[] = [
    { uri: `${V1}organization`, status: 200 },
    { uri: `${V1}policies/authorizationPolicy`, status: 200 },
    { uri: `${V1}users/`, status: 200 },
  ];
  calls.push(...listing(ctx, 'users', tenant.userCount));
  for (let i = 0; i < n; i++) calls.push({ uri: `${V1}users/${tenant.user(rng.int(tenant.memberCount)).id}`, status: 200 });
  calls.push(...listing(ctx, 'groups', tenant.groups.length));
  for (const g of pick(tenant.groups)) calls.push({ uri: `${V1}groups/${g.id}/members`, status: 200 });
  calls.push(...listing(ctx, 'applications', tenant.applications.length));
  calls.push(...listing(ctx, 'servicePrincipals', tenant.applications.length + tenant.firstPartyApps.length));
  for (const sp of pick(tenant.applications)) {
    calls.push({ uri: `${V1}servicePrincipals/${sp.servicePrincipalId}`, status: 200 });
    calls.push({ uri: `${V1}servicePrincipals(appId='${sp.appId}')/appRoleAssignedTo`, status: 200 });
  }
  calls.push({ uri: `${V1}search/query`, status: 200, method: 'POST' });
  calls.push({ uri: `${V1}search/query`, status: 200, method: 'POST' });
  return [...calls, ...forbidden().slice(0, 2)];
}

function run(ctx: StoryContext, p: GraphReconParams): ActivityBase[] {
  const { rng, tenant } = ctx;
  const b = buildContext(ctx);
  const at = storyStart(ctx);
  const user = storyUser(ctx, p.user);
  const tool = TOOLS[p.tool];
  const net = attackerNetwork(rng, tenant, p.network, user.homeNetwork.geo.countryOrRegion);
  const ip = ipOfNetwork(rng, tenant, net);

  // The stolen refresh token redeemed for a Graph access token.
  const signIn = buildUserSignIn(b, at, {
    category: 'NonInteractiveUserSignInLogs',
    user: user.index,
    app: tool.app,
    resource: 'Microsoft Graph',
    ip,
    device: 'unregistered',
    userAgent: tool.userAgent,
    incomingTokenType: 'refreshToken',
  });
  const out: ActivityBase[] = [signIn];
  const calls = p.tool === 'azurehound' ? azureHoundCalls(ctx, p.objects) : graphRunnerCalls(ctx, p.objects);
  const clientApp = tenant.app(tool.app);
  let t = signIn.time + rng.range(2_000, 8_000);
  for (const c of calls) {
    const g: GraphActivity = buildGraphActivity(b, t, {
      caller: 'user',
      user,
      clientApp,
      requestUri: c.uri,
      method: c.method ?? 'GET',
      responseStatusCode: c.status,
      ...(c.size !== undefined ? { responseSizeBytes: c.size } : {}),
      ipAddress: ip,
      userAgent: tool.userAgent,
      signInActivityId: signIn.uniqueTokenIdentifier,
      sessionId: signIn.sessionId,
      deviceId: '',
      tokenIssuedAt: signIn.time,
      scopes: tool.scopes,
    });
    // Public clients: appidacr 0 whatever client mix the builder drew for an unlisted app.
    const publicClient: GraphActivity = g.clientAuthMethod === 0 ? g : { ...g, clientAuthMethod: 0 };
    out.push(publicClient);
    // Collectors fire requests back to back; listings page a little slower.
    t += rng.range(150, c.uri.includes('$skiptoken') ? 4_000 : 2_500);
  }
  return byTime(out);
}

export const graphRecon: Story<GraphReconParams> = {
  id: 'graph-recon',
  title: 'Graph reconnaissance with a stolen token',
  description:
    "An attacker redeems a user's stolen refresh token from a VPS and runs AzureHound (or GraphRunner): a burst of Graph requests enumerating users, groups, apps, service principals, devices and role assignments, all tied to that sign-in's uniqueTokenIdentifier, with 403s where the token cannot reach.",
  categories: ['NonInteractiveUserSignInLogs', 'MicrosoftGraphActivityLogs'],
  detections: [
    'AzureHound reconnaissance detected (f-bader/AzSentinelQueries)',
    'AzureHound activity detected (f-bader/AzSentinelQueries)',
    'GraphRunner reconnaissance detected (f-bader/AzSentinelQueries)',
    'Discovery Using AzureHound (Sigma)',
  ],
  params: {
    properties: {
      user: { type: 'integer', minimum: 0, description: 'Tenant user index whose token is stolen; default a random member without admin roles.' },
      tool: { enum: ['azurehound', 'graphrunner'], description: 'Collector: its request set and user agent.' },
      network: { enum: ['vpn', 'hosting', 'tor'], description: 'Attacker infrastructure.' },
      objects: { type: 'integer', minimum: 1, maximum: 100, description: 'Objects of each kind read one by one.' },
    },
  },
  defaults: { tool: 'azurehound', network: 'hosting', objects: 8 },
  run,
};
