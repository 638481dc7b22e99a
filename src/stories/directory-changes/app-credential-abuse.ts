/**
 * app-credential-abuse: an attacker holding an application administrator's session adds a
 * credential to an existing application and signs in as it from their own infrastructure.
 *
 * The admin signs in to the Azure portal from a VPN exit; optionally grants the app admin
 * consent (delegated consent plus the Mail.Read app role, one correlation id); adds a secret or
 * certificate to the app registration ("Update application – Certificates and secrets
 * management", KeyDescription old = the keys the app already has, new = those plus the new
 * one) and/or to its service principal ("Add service principal credentials"); then the
 * service principal signs in with the new key from a hosting network the app never used and
 * reads mail through Graph app-only.
 */
import type { ActivityBase } from '../../core/activity.ts';
import type { AppCredential, Application } from '../../tenant/types.ts';
import { buildAuditEvent } from '../../categories/audit/index.ts';
import { keyDescription } from '../../categories/audit/shapes/applications.ts';
import { buildGraphActivity, type GraphActivity } from '../../categories/graph-activity/index.ts';
import { buildServicePrincipalSignIn } from '../../categories/sign-ins/index.ts';
import type { Story, StoryContext } from '../types.ts';
import { adminIndex, adminSignIn, attackerNetwork, buildContext, ipOf, lastOf, MINUTE, ROLE, spread, userParam } from './common.ts';

export interface AppCredentialAbuseParams {
  /** The tenant's application (display name or appId); default one of its daemons. */
  readonly app?: string;
  /** The compromised administrator (user index); default an Application / Cloud Application / Global Administrator. */
  readonly actor?: number;
  readonly credentialType: 'Password' | 'AsymmetricX509Cert';
  /** Where the credential goes: the app registration, its service principal, or both. */
  readonly target: 'application' | 'servicePrincipal' | 'both';
  /** Pretend the app had no key before (the "first credential" case): KeyDescription old value `[]`. */
  readonly firstCredential: boolean;
  /** Grant the app admin consent (Mail.Read) before adding the credential. */
  readonly adminConsent: boolean;
  /** Service-principal sign-ins with the new credential, over the following two hours. */
  readonly signIns: number;
  /** Graph calls per sign-in. */
  readonly graphCallsPerSignIn: number;
}

const js = JSON.stringify;
const AGENTS = ['python-requests/2.32.3', 'Mozilla/5.0 (compatible; MSAL.Python/1.31.0)', 'curl/8.9.1'];

function pickApp(ctx: StoryContext, name: string | undefined): Application {
  const { tenant, rng } = ctx;
  if (name !== undefined) {
    const app = tenant.applications.find((a) => a.appId === name || a.displayName.toLowerCase() === name.toLowerCase());
    if (!app) throw new RangeError(`app-credential-abuse: no application ${JSON.stringify(name)} in the tenant`);
    return app;
  }
  const own = tenant.applications.filter((a) => a.appOwnerTenantId === tenant.id);
  const daemons = own.filter((a) => a.clientKind === 'daemon' && a.credentials.length > 0);
  const pool = daemons.length > 0 ? daemons : own;
  if (pool.length === 0) throw new RangeError('app-credential-abuse: the tenant has no applications of its own');
  return rng.pick(pool);
}

export const appCredentialAbuse: Story<AppCredentialAbuseParams> = {
  id: 'app-credential-abuse',
  title: 'New credential on an existing application, then sign-ins as it from new infrastructure',
  description:
    'A compromised application administrator adds a secret or certificate to an existing app (registration and service principal); the service principal then signs in with it from a hosting network it never used and reads mail through Graph.',
  categories: ['SignInLogs', 'AuditLogs', 'ServicePrincipalSignInLogs', 'MicrosoftGraphActivityLogs'],
  detections: [
    'New access credential added to Application or Service Principal (Sentinel NewAppOrServicePrincipalCredential, NRT_NewAppOrServicePrincipalCredential)',
    'First access credential added to Application or Service Principal where no credential was present (Sentinel FirstAppOrServicePrincipalCredential; with firstCredential)',
    'Credential added after admin consented to Application (Sentinel CredentialAddedAfterAdminConsent; with adminConsent)',
    'Service Principal Credentials Added to Entra ID Application (Sigma azure_ad_sp_credentials_added)',
  ],
  params: {
    properties: {
      app: { type: 'string', minLength: 1, description: 'Application display name or appId (default: one of the tenant daemons).' },
      actor: { type: 'integer', minimum: 0, description: 'The compromised administrator (user index).' },
      credentialType: { enum: ['Password', 'AsymmetricX509Cert'], description: 'A client secret or a certificate.' },
      target: { enum: ['application', 'servicePrincipal', 'both'], description: 'Where the credential is added.' },
      firstCredential: { type: 'boolean', description: 'The app had no key before (KeyDescription old value []).' },
      adminConsent: { type: 'boolean', description: 'Grant admin consent (Mail.Read) first.' },
      signIns: { type: 'integer', minimum: 0, maximum: 200, description: 'Service-principal sign-ins with the new credential.' },
      graphCallsPerSignIn: { type: 'integer', minimum: 0, maximum: 200, description: 'Graph calls per sign-in.' },
    },
  },
  defaults: { credentialType: 'Password', target: 'both', firstCredential: false, adminConsent: true, signIns: 6, graphCallsPerSignIn: 5 },
  run(ctx, p) {
    const { rng, tenant } = ctx;
    const bctx = buildContext(ctx);
    const out: ActivityBase[] = [];
    const app = pickApp(ctx, p.app);
    const actor = userParam(tenant, p.actor, 'actor') ?? adminIndex(rng, tenant, [ROLE.appAdmin, ROLE.cloudAppAdmin, ROLE.globalAdmin]);
    const vpn = attackerNetwork(rng, tenant, ['vpn', 'hosting']);
    const actorIp = ipOf(rng, tenant, vpn);
    // The SP's own sign-ins come from Microsoft's cloud; the attacker's VPS is elsewhere.
    const vps = attackerNetwork(rng, tenant, ['hosting'], (n) => n.asn !== 8075 && n.asn !== 16509);
    const vpsIp = ipOf(rng, tenant, vps);

    // Stories start within a minute or so of their placement, not on the dot.
    let t = ctx.at + rng.int(90_000);
    out.push(...adminSignIn(bctx, t, actor, actorIp));
    t += rng.range(2 * MINUTE, 5 * MINUTE);
    const admin = { user: actor, ipAddress: actorIp, client: 'Microsoft_AAD_RegisteredApps' } as const;
    if (p.adminConsent) {
      const correlationId = rng.uuid();
      out.push(...buildAuditEvent(bctx, t, { activity: 'Consent to application', target: { app: app.appId }, initiator: admin, adminConsent: true, scopes: ['User.Read', 'Mail.Read'], correlationId, result: 'success' }));
      out.push(...buildAuditEvent(bctx, t + rng.range(200, 900), { activity: 'Add app role assignment to service principal', target: { app: app.appId }, initiator: admin, appRoles: ['Mail.Read'], correlationId, result: 'success' }));
      t += rng.range(2 * MINUTE, 6 * MINUTE);
    }

    const cert = p.credentialType === 'AsymmetricX509Cert';
    const credential: AppCredential = {
      keyId: rng.uuid(),
      type: p.credentialType,
      displayName: cert ? `CN=${rng.pick(['sync', 'backup', 'svc', 'automation'])}-${rng.hex(6)}` : rng.pick(['automation', 'backup', 'migration', 'temp']),
      ...(cert ? { thumbprint: rng.hex(40).toUpperCase() } : {}),
      startDateTime: t,
      endDateTime: t + 730 * 86_400_000,
    };
    const entry = keyDescription(credential.keyId, credential.type, credential.displayName);
    if (p.target !== 'servicePrincipal') {
      const before = p.firstCredential ? [] : app.credentials.map((c) => keyDescription(c.keyId, c.type, c.displayName));
      out.push(
        ...buildAuditEvent(bctx, t, {
          activity: 'Update application – Certificates and secrets management ',
          target: { app: app.appId },
          initiator: admin,
          result: 'success',
          modifiedProperties: [
            { displayName: 'KeyDescription', oldValue: js(before), newValue: js([...before, entry]) },
            { displayName: 'Included Updated Properties', oldValue: null, newValue: js('KeyDescription') },
          ],
        }),
      );
      t += rng.range(20, 90) * 1000;
    }
    if (p.target !== 'application') {
      out.push(
        ...buildAuditEvent(bctx, t, {
          activity: 'Add service principal credentials',
          target: { app: app.appId },
          initiator: admin,
          result: 'success',
          modifiedProperties: [
            { displayName: 'KeyDescription', oldValue: '[]', newValue: js([entry]) },
            { displayName: 'Included Updated Properties', oldValue: null, newValue: js('KeyDescription') },
            { displayName: 'TargetId.ServicePrincipalNames', oldValue: null, newValue: js(app.appId) },
          ],
        }),
      );
    }

    // The service principal, signing in with the new key from the attacker's VPS.
    const agent = rng.pick(AGENTS);
    const roles = [...new Set([...app.appRoles, ...(p.adminConsent ? ['Mail.Read'] : [])])].join(' ');
    const first = t + rng.range(10 * MINUTE, 25 * MINUTE);
    for (const off of spread(rng, p.signIns, 2 * 60 * MINUTE)) {
      const st = first + off;
      const s = buildServicePrincipalSignIn(bctx, st, { app: app.appId, resource: 'Microsoft Graph', ip: vpsIp, errorCode: 0 });
      const signIn = {
        ...s,
        servicePrincipalCredentialKeyId: credential.keyId,
        servicePrincipalCredentialThumbprint: credential.thumbprint ?? null,
        clientCredentialType: cert ? 'clientAssertion' : 'clientSecret',
      };
      out.push(signIn);
      for (let k = 0; k < p.graphCallsPerSignIn; k++) {
        const victim = tenant.user(rng.int(tenant.memberCount));
        const uri =
          k === 0
            ? 'https://graph.microsoft.com/v1.0/users?$select=id,displayName,userPrincipalName,mail&$top=999'
            : `https://graph.microsoft.com/v1.0/users/${victim.id}/messages?$top=100&$select=subject,from,toRecipients,receivedDateTime,body`;
        const g = buildGraphActivity(bctx, st + 1_500 + k * rng.range(500, 3_000), {
          caller: 'app',
          app,
          requestUri: uri,
          method: 'GET',
          responseStatusCode: 200,
          ipAddress: vpsIp,
          userAgent: agent,
          signInActivityId: signIn.uniqueTokenIdentifier,
          tokenIssuedAt: Math.floor(st / 1000) * 1000,
          roles,
        });
        const call: GraphActivity = { ...g, clientAuthMethod: cert ? 2 : 1 };
        out.push(call);
      }
    }
    return out;
  },
};
