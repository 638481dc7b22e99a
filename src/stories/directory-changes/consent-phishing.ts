/**
 * consent-phishing: users click a link to a malicious multi-tenant app and consent to it
 * reading their mail with a refresh token (offline_access). Per victim: the interactive
 * sign-in to the app, then "Consent to application" with its "Add delegated permission
 * grant" (one correlation id; the first victim's consent also creates the app's service
 * principal, "Add service principal"), then the app's backend at a hosting provider
 * redeeming the refresh token (non-interactive sign-ins) and reading the mailbox through
 * Graph (MicrosoftGraphActivityLogs, `signInActivityId` = the sign-in's token id).
 *
 * Several victims by default: a campaign, and what "Rare application consent" needs to beat
 * its default threshold (more than 3 rare consents in a day).
 */
import type { ActivityBase } from '../../core/activity.ts';
import { stableUuid } from '../../core/random.ts';
import type { Application } from '../../tenant/types.ts';
import { buildAuditEvent, type DirectoryAuditActivity } from '../../categories/audit/index.ts';
import { resolveApp } from '../../categories/audit/lookups.ts';
import { buildGraphActivity, type GraphActivity } from '../../categories/graph-activity/index.ts';
import { buildUserSignIn, type SignInActivity } from '../../categories/sign-ins/index.ts';
import type { Story } from '../types.ts';
import { attackerNetwork, buildContext, HOUR, ipOf, memberIndex, MINUTE, spread, userParam } from './common.ts';

export interface ConsentPhishingParams {
  /** Display name of the malicious app (a multi-tenant app registered in the attacker's tenant). */
  readonly app: string;
  /** How many users consent (ignored when `users` is given). */
  readonly victims: number;
  /** Victims by tenant user index. */
  readonly users?: ReadonlyArray<number>;
  /** Delegated scopes the app asks for, in the order the consent prompt lists them. */
  readonly scopes: ReadonlyArray<string>;
  /** Victims consent over this many minutes after the start. */
  readonly spreadMinutes: number;
  /** Refresh-token redemptions per victim afterwards (one an hour). */
  readonly refreshes: number;
  /** Graph mail reads per refresh. */
  readonly mailReadsPerRefresh: number;
}

const USER_AGENTS = ['python-requests/2.32.3', 'axios/1.7.7', 'Go-http-client/2.0'];

function scpOf(scopes: ReadonlyArray<string>): string {
  // Access tokens carry the granted scopes sorted case-insensitively, without offline_access.
  return scopes
    .filter((s) => s !== 'offline_access')
    .concat(['email'])
    .filter((s, i, a) => a.indexOf(s) === i)
    .sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()))
    .join(' ');
}

/** A user sign-in rewritten to the malicious client app (the sign-in builders know only tenant apps). */
function toApp(s: SignInActivity, app: Application): SignInActivity {
  return { ...s, appId: app.appId, appDisplayName: app.displayName, appOwnerTenantId: app.appOwnerTenantId };
}

export const consentPhishing: Story<ConsentPhishingParams> = {
  id: 'consent-phishing',
  title: 'Consent phishing: users grant a malicious app offline mail access',
  description:
    'Users sign in to a malicious multi-tenant app and consent to offline_access and Mail.Read; the app then redeems refresh tokens from a hosting provider and reads their mail through Microsoft Graph.',
  categories: ['SignInLogs', 'NonInteractiveUserSignInLogs', 'AuditLogs', 'MicrosoftGraphActivityLogs'],
  detections: [
    'Suspicious application consent for offline access (Sentinel SuspiciousOAuthApp_OfflineAccess)',
    'End-user consent to app with mailbox and offline access delegated scopes (Sentinel EndUserConsentMailboxOfflineAccess)',
    'Rare application consent (Sentinel RareApplicationConsent; needs more than 3 rare consents in a day: victims >= 4)',
    'Suspicious application consent similar to PwnAuth (Sentinel MaliciousOAuthApp_PwnAuth; with PwnAuth scopes User.Read offline_access Mail.ReadWrite Mail.Send Files.Read.All)',
    'End User Consent (Sigma azure_app_end_user_consent)',
    'End User Consent To App With Mailbox And Offline Access Delegated Scopes (Sigma)',
    'End User Consent to Application With High-Risk OAuth Permission (Sigma)',
  ],
  params: {
    properties: {
      app: { type: 'string', minLength: 1, description: 'Display name of the malicious app.' },
      victims: { type: 'integer', minimum: 1, maximum: 200, description: 'How many users consent.' },
      users: { type: 'array', items: { type: 'integer', minimum: 0 }, minItems: 1, description: 'Victims by user index.' },
      scopes: { type: 'array', items: { type: 'string' }, minItems: 1, description: 'Delegated scopes requested.' },
      spreadMinutes: { type: 'integer', minimum: 1, maximum: 1440, description: 'Victims consent over this many minutes.' },
      refreshes: { type: 'integer', minimum: 0, maximum: 48, description: 'Refresh-token redemptions per victim, one an hour.' },
      mailReadsPerRefresh: { type: 'integer', minimum: 0, maximum: 200, description: 'Graph mail reads per redemption.' },
    },
  },
  defaults: {
    app: 'Mail Sync Assistant',
    victims: 5,
    // Mail.Read not last: the consent record's scope list ends in "," and rules split on spaces.
    scopes: ['openid', 'profile', 'offline_access', 'Mail.Read', 'Mail.ReadWrite', 'User.Read'],
    spreadMinutes: 120,
    refreshes: 3,
    mailReadsPerRefresh: 6,
  },
  run(ctx, p) {
    const { rng, tenant } = ctx;
    const bctx = buildContext(ctx);
    const out: ActivityBase[] = [];
    const ref = resolveApp(tenant, p.app);
    const attackerTenant = stableUuid(`attacker-tenant/${p.app.toLowerCase()}`);
    const app: Application = {
      appId: ref.appId,
      displayName: ref.displayName,
      servicePrincipalId: ref.servicePrincipalId,
      firstParty: false,
      appOwnerTenantId: attackerTenant,
      role: 'client',
      clientKind: 'browser',
      credentials: [],
      resources: ['00000003-0000-0000-c000-000000000000'],
      appRoles: [],
      scopes: [...p.scopes],
    };
    const backend = attackerNetwork(rng, tenant, ['hosting', 'vpn'], (n) => n.asn !== 8075);
    const backendIp = ipOf(rng, tenant, backend);
    const agent = rng.pick(USER_AGENTS);
    const victims: number[] = [];
    if (p.users) for (const u of p.users) victims.push(userParam(tenant, u, 'users')!);
    else {
      const taken = new Set<number>();
      for (let i = 0; i < p.victims; i++) {
        const v = memberIndex(rng, tenant, taken);
        taken.add(v);
        victims.push(v);
      }
    }
    const offsets = spread(rng, victims.length, p.spreadMinutes * MINUTE);
    victims.forEach((victim, i) => {
      const t = ctx.at + offsets[i]!;
      const correlationId = rng.uuid();
      const signIn = toApp(buildUserSignIn(bctx, t + rng.range(4_000, 25_000), { user: victim, app: 'OfficeHome', resource: 'Microsoft Graph', errorCode: 0, primary: 'password' }), app);
      // The first consent in the tenant creates the app's service principal, in the same operation.
      if (i === 0) {
        for (const a of buildAuditEvent(bctx, t - rng.range(300, 900), { activity: 'Add service principal', target: { app: p.app }, initiator: { user: victim, ipAddress: signIn.ipAddress, client: 'Microsoft_AAD_RegisteredApps' }, correlationId, result: 'success' })) {
          // Written during the user's consent: like the consent record, no client name.
          const created: DirectoryAuditActivity = a.initiatedBy?.kind === 'user' ? { ...a, initiatedBy: { ...a.initiatedBy, displayName: null }, identity: null } : a;
          out.push(created);
        }
      }
      out.push(
        ...buildAuditEvent(bctx, t, {
          activity: 'Consent to application',
          target: { user: victim, app: p.app },
          initiator: { user: victim, ipAddress: signIn.ipAddress },
          scopes: p.scopes,
          adminConsent: false,
          correlationId,
          result: 'success',
        }),
      );
      out.push(signIn);
      // The app's backend redeems the refresh token and reads mail with each access token.
      for (let k = 0; k < p.refreshes; k++) {
        const rt = t + (k + 1) * HOUR + rng.range(-10 * MINUTE, 10 * MINUTE);
        const refresh = toApp(
          buildUserSignIn(bctx, rt, {
            category: 'NonInteractiveUserSignInLogs',
            user: victim,
            app: 'OfficeHome',
            resource: 'Microsoft Graph',
            ip: backendIp,
            device: 'unregistered',
            userAgent: agent,
            incomingTokenType: 'refreshToken',
            errorCode: 0,
            sessionId: signIn.sessionId,
          }),
          app,
        );
        out.push(refresh);
        const user = tenant.user(victim);
        for (let m = 0; m < p.mailReadsPerRefresh; m++) {
          const uri =
            m === 0
              ? 'https://graph.microsoft.com/v1.0/me/mailFolders/inbox/messages?$top=50&$select=subject,from,receivedDateTime,bodyPreview'
              : rng.bool(0.3)
                ? `https://graph.microsoft.com/v1.0/me/messages?$search=%22${rng.pick(['invoice', 'password', 'wire', 'payroll', 'confidential'])}%22`
                : `https://graph.microsoft.com/v1.0/me/messages/AAMkAG${rng.token(40)}AAA=`;
          const g = buildGraphActivity(bctx, rt + 2_000 + m * rng.range(800, 4_000), {
            caller: 'user',
            user,
            clientApp: app,
            requestUri: uri,
            method: 'GET',
            responseStatusCode: 200,
            ipAddress: backendIp,
            userAgent: agent,
            signInActivityId: refresh.uniqueTokenIdentifier,
            sessionId: signIn.sessionId,
            deviceId: '',
            tokenIssuedAt: Math.floor(rt / 1000) * 1000,
            scopes: scpOf(p.scopes),
          });
          // A web app redeeming codes with a secret: appidacr 1.
          const call: GraphActivity = { ...g, clientAuthMethod: 1 };
          out.push(call);
        }
      }
    });
    return out;
  },
};
