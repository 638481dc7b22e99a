/**
 * risky-workload-identity: a daemon's client secret leaks and an attacker uses it.
 *
 * The attacker signs in as the service principal (client credentials, the app's own
 * secret) from a VPS in a country the app never signs in from, and reads the directory
 * through Microsoft Graph with the app's roles (MicrosoftGraphActivityLogs, signInActivityId
 * = each sign-in's uniqueTokenIdentifier). Hours later Identity Protection's offline
 * workload detection (`suspiciousSignins`, pointing at the first attacker sign-in: its
 * request id, correlation id, IP, location and the credential's keyId; or
 * `leakedCredentials`) puts the service principal at risk; optionally a security admin
 * confirms it compromised (or dismisses), which Identity Protection writes to AuditLogs.
 */
import type { ActivityBase } from '../../core/activity.ts';
import { MINUTE } from '../../core/time.ts';
import type { Application } from '../../tenant/types.ts';
import { buildServicePrincipalSignIn, type SignInActivity } from '../../categories/sign-ins/index.ts';
import { buildGraphActivity } from '../../categories/graph-activity/index.ts';
import { ServicePrincipalRiskStateMachine, type ServicePrincipalRiskTransition } from '../../categories/identity-protection/index.ts';
import type { Story, StoryContext } from '../types.ts';
import { adminPortalSignIn, attackerNetwork, buildContext, byTime, identityProtectionAudit, ipOfNetwork, securityAdmin, storyStart } from './common.ts';

export interface RiskyWorkloadIdentityParams {
  /** The tenant's application whose credential leaked (display name or app id); default a daemon with a client secret. */
  readonly app?: string;
  /** Where the attacker runs: a VPS (`hosting`) or a VPN exit. */
  readonly network: 'hosting' | 'vpn';
  /** Attacker sign-ins (each followed by a few Graph calls). */
  readonly signIns: number;
  /** The workload identity detection Identity Protection raises. */
  readonly riskEventType: 'suspiciousSignins' | 'leakedCredentials';
  readonly adminAction: 'confirmCompromised' | 'dismiss' | 'none';
}

const GRAPH = '00000003-0000-0000-c000-000000000000';

/** Directory reads an attacker makes with the app's roles (path, role that grants it). */
const RECON: ReadonlyArray<readonly [string, string]> = [
  ['users?$select=id,displayName,userPrincipalName,mail,jobTitle&$top=999', 'User.Read.All'],
  ['groups?$select=id,displayName,mailNickname&$top=999', 'Group.Read.All'],
  ['organization', 'Directory.Read.All'],
  ['applications?$select=id,appId,displayName,passwordCredentials,keyCredentials', 'Application.Read.All'],
  ['servicePrincipals?$top=999', 'Application.Read.All'],
  ['directoryRoles?$expand=members', 'Directory.Read.All'],
  ['users/{victim}/messages?$top=50&$select=subject,from,receivedDateTime', 'Mail.Read'],
];

/** The victim app: the one named, else a tenant daemon that authenticates with a secret and reads Graph. */
function victimApp(ctx: StoryContext, key: string | undefined): Application {
  const apps = ctx.tenant.applications;
  if (key !== undefined) {
    const a = apps.find((x) => x.appId === key || x.displayName.toLowerCase() === key.toLowerCase());
    if (!a) throw new RangeError(`no application ${JSON.stringify(key)} in the tenant`);
    return a;
  }
  const daemons = apps.filter((a) => a.clientKind === 'daemon' && a.credentials.some((c) => c.type === 'Password'));
  const graphDaemons = daemons.filter((a) => a.resources.includes(GRAPH));
  const pool = graphDaemons.length > 0 ? graphDaemons : daemons.length > 0 ? daemons : apps;
  return ctx.rng.pick(pool);
}

/** Whether the app's roles allow a read: the role itself, or Directory.Read.All for directory objects. */
function granted(app: Application, role: string): boolean {
  return app.appRoles.includes(role) || (role !== 'Mail.Read' && app.appRoles.includes('Directory.Read.All'));
}

function push(out: ActivityBase[], t: ServicePrincipalRiskTransition): void {
  if (t.riskyServicePrincipal) out.push(t.riskyServicePrincipal);
  out.push(...t.detections);
}

function run(ctx: StoryContext, p: RiskyWorkloadIdentityParams): ActivityBase[] {
  const { rng, tenant } = ctx;
  const b = buildContext(ctx);
  const at = storyStart(ctx);
  const out: ActivityBase[] = [];
  const app = victimApp(ctx, p.app);
  // The app's usual place (a probe sign-in through the builder's own origin logic, not emitted).
  const usual = buildServicePrincipalSignIn({ rng: rng.fork('usual'), tenant }, at, { app: app.appId });
  const net = attackerNetwork(rng, tenant, p.network, usual.location.countryOrRegion || undefined, usual.autonomousSystemNumber ?? undefined);
  const ip = ipOfNetwork(rng, tenant, net);
  // The leaked credential: a client secret if the app has one.
  const secret = app.credentials.find((c) => c.type === 'Password') ?? app.credentials[0];

  const signIns: SignInActivity[] = [];
  let t = at;
  for (let i = 0; i < Math.max(1, p.signIns); i++) {
    const s = buildServicePrincipalSignIn(b, t, { app: app.appId, resource: GRAPH, ip, ...(secret ? { credentialKeyId: secret.keyId } : {}) });
    signIns.push(s);
    out.push(s);
    // The token at work: a few Graph reads from the same address, a second or so apart.
    let g = t + rng.range(1_000, 5_000);
    for (let k = 0; k < rng.range(2, 4); k++) {
      const [path, role] = rng.pick(RECON);
      const victim = tenant.user(rng.int(tenant.memberCount));
      out.push(
        buildGraphActivity(b, g, {
          caller: 'app',
          app,
          requestUri: `https://graph.microsoft.com/v1.0/${path.replace('{victim}', victim.id)}`,
          // Roles the app lacks answer 403, as Graph does.
          responseStatusCode: granted(app, role) ? 200 : 403,
          ipAddress: ip,
          userAgent: 'python-requests/2.32.3',
          signInActivityId: s.uniqueTokenIdentifier,
          tokenIssuedAt: s.time,
        }),
      );
      g += rng.range(400, 3_000);
    }
    t += rng.range(3 * MINUTE, 12 * MINUTE);
  }

  // Offline workload detection a few hours later, pointing at the first attacker sign-in.
  const machine = new ServicePrincipalRiskStateMachine(b, app);
  const first = signIns[0]!;
  const detected = t + rng.range(2 * 60 * MINUTE, 6 * 60 * MINUTE);
  const suspicious = p.riskEventType === 'suspiciousSignins';
  push(
    out,
    machine.detect(detected, {
      riskEventType: p.riskEventType,
      riskLevel: suspicious ? 'medium' : 'high',
      ...(suspicious
        ? { requestId: first.id, correlationId: first.correlationId, ipAddress: first.ipAddress, location: first.location, activityTime: first.time, activityTick: first.tick }
        : {}),
      ...(secret ? { keyIds: [secret.keyId] } : {}),
    }),
  );

  if (p.adminAction !== 'none') {
    const actionTime = detected + rng.range(60 * MINUTE, 240 * MINUTE);
    const admin = securityAdmin(ctx);
    const portal = adminPortalSignIn(ctx, admin, actionTime - rng.range(3 * MINUTE, 12 * MINUTE));
    out.push(...portal.records);
    const confirm = p.adminAction === 'confirmCompromised';
    out.push(
      identityProtectionAudit(ctx, actionTime, {
        activity: confirm ? 'ConfirmServicePrincipalCompromised' : 'DismissServicePrincipal',
        admin,
        ip: portal.ip,
        target: { kind: 'servicePrincipal', id: app.servicePrincipalId, displayName: app.displayName },
      }),
    );
    const when = actionTime + rng.range(1_000, 20_000);
    push(out, confirm ? machine.confirmCompromised(when, admin.id) : machine.dismiss(when, admin.id));
  }
  return byTime(out);
}

export const riskyWorkloadIdentity: Story<RiskyWorkloadIdentityParams> = {
  id: 'risky-workload-identity',
  title: 'Risky workload identity: leaked secret used from a foreign VPS',
  description:
    "An attacker signs in as a daemon's service principal with its leaked client secret from a hosting network in a country the app never uses and reads the directory through Graph; Identity Protection's offline detection puts the service principal at risk and an admin confirms it compromised.",
  categories: ['ServicePrincipalSignInLogs', 'MicrosoftGraphActivityLogs', 'ServicePrincipalRiskEvents', 'RiskyServicePrincipals', 'SignInLogs', 'AuditLogs'],
  detections: ['Service Principal Sign-in from New Country (f-bader/AzSentinelQueries)'],
  params: {
    properties: {
      app: { type: 'string', minLength: 1, description: "The tenant app (display name or app id); default a daemon with a client secret." },
      network: { enum: ['hosting', 'vpn'], description: 'Attacker infrastructure.' },
      signIns: { type: 'integer', minimum: 1, maximum: 200, description: 'Attacker sign-ins, each followed by Graph reads.' },
      riskEventType: { enum: ['suspiciousSignins', 'leakedCredentials'], description: 'The workload identity detection.' },
      adminAction: { enum: ['confirmCompromised', 'dismiss', 'none'], description: 'What the security admin does.' },
    },
  },
  defaults: { network: 'hosting', signIns: 6, riskEventType: 'suspiciousSignins', adminAction: 'confirmCompromised' },
  run,
};
