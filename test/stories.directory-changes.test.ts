/**
 * Directory-change stories: each trips the public detections written for it (translated in
 * test/detections/, default thresholds and windows), the default enterprise baseline with a
 * week of history trips none of them, the same seed gives the same records, and every record
 * validates against the diagnostic and Log Analytics schemas.
 *
 * Rule runs: scheduled rules are evaluated at every run time of their frequency (hourly,
 * 2-hourly, daily) over the window; NRT rules over the whole window. Rules whose verdict
 * depends on a history longer than the run ("New User Assigned to Privileged Role", 14 days)
 * are evaluated on the baseline's last day only, when six days of history precede it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActivityBase, JsonObject, RenderContext } from '../src/core/activity.ts';
import { TABLE_OF, type Category } from '../src/core/categories.ts';
import { stableUuid } from '../src/core/random.ts';
import { categoryModule } from '../src/categories/index.ts';
import type { DirectoryAuditActivity } from '../src/categories/audit/index.ts';
import type { GraphActivity } from '../src/categories/graph-activity/index.ts';
import type { ProvisioningActivity } from '../src/categories/provisioning/index.ts';
import type { SignInActivity } from '../src/categories/sign-ins/index.ts';
import { planScenario, storyActivities } from '../src/engine/run.ts';
import { loadScenario } from '../src/scenarios/load.ts';
import type { Scenario, StoryPlacement } from '../src/scenarios/types.ts';
import { validateRecord } from '../src/schemas/index.ts';
import { STORIES } from '../src/stories/directory-changes/index.ts';
import { storyParamsError } from '../src/stories/index.ts';
import type { Tenant } from '../src/tenant/types.ts';
import { baselineWeek, storyRun, WEEK_START, type Observed } from './detections/harness.ts';
import { DAY, HOUR, initiator, runTimes, targets } from './detections/_directory-changes-kql.ts';
import * as AccountShortLived from './detections/AccountCreatedandDeletedinShortTimeframe.ts';
import * as AzurePortalOtherTenant from './detections/AzurePortalSigninfromanotherAzureTenant.ts';
import * as CredentialAfterConsent from './detections/CredentialAddedAfterAdminConsent.ts';
import * as EndUserMailbox from './detections/EndUserConsentMailboxOfflineAccess.ts';
import * as FirstCredential from './detections/FirstAppOrServicePrincipalCredential.ts';
import * as GuestGroups from './detections/GuestAccountsAddedinAADGroupsOtherThanTheOnesSpecified.ts';
import * as NewCredential from './detections/NewAppOrServicePrincipalCredential.ts';
import * as NrtNewCredential from './detections/NRT_NewAppOrServicePrincipalCredential.ts';
import * as NrtOutsidePim from './detections/NRT_PrivlegedRoleAssignedOutsidePIM.ts';
import * as OutsidePim from './detections/PrivlegedRoleAssignedOutsidePIM.ts';
import * as RareConsent from './detections/RareApplicationConsent.ts';
import * as SensitiveCsa from './detections/SensitiveCustomSecurityAttributeChange.ts';
import * as OfflineConsent from './detections/SuspiciousOAuthApp_OfflineAccess.ts';
import * as PwnAuth from './detections/MaliciousOAuthApp_PwnAuth.ts';
import * as GuestShell from './detections/UnusualGuestActivity.ts';
import * as NewPrivRole from './detections/UserAssignedNewPrivilegedRole.ts';
import * as NewUserPrivRole from './detections/UserAssignedPrivilegedRole.ts';
import * as SigmaAccount from './detections/azure_ad_account_created_deleted.ts';
import * as SigmaHighRisk from './detections/azure_ad_oauth_consent_high_risk_permission.ts';
import * as SigmaSpCredentials from './detections/azure_ad_sp_credentials_added.ts';
import * as SigmaAdminRole from './detections/azure_ad_user_added_to_admin_role.ts';
import * as SigmaAppCredential from './detections/azure_app_credential_added.ts';
import * as SigmaEndUserConsent from './detections/azure_app_end_user_consent.ts';
import * as SigmaMailboxOffline from './detections/azure_app_end_user_consent_mailbox_offline_scopes.ts';

const DAY_END = WEEK_START + DAY;
const HOURLY = runTimes(WEEK_START + HOUR, DAY_END, HOUR);
const TWO_HOURLY = runTimes(WEEK_START + 2 * HOUR, DAY_END, 2 * HOUR);

/** The tenant storyRun builds (same seed and options), for lookups. */
const STORY_TENANT: Scenario['tenant'] = { users: 500, licence: 'p2', workloadIdentitiesPremium: true, globalSecureAccess: true };

/** A story's own activities, without baseline: what determinism and schema checks look at. */
function storyOnly(placement: StoryPlacement, seed: number | string = 5): { tenant: Tenant; activities: ActivityBase[] } {
  const scenario: Scenario = { name: 'story-only', seed, tenant: STORY_TENANT, stories: [{ at: '+10h', ...placement }] };
  const run = planScenario(scenario, { start: WEEK_START, end: DAY_END });
  return { tenant: run.tenant, activities: storyActivities(run) };
}

const la = (o: Observed, table: string): JsonObject[] => o.la.get(table) ?? [];
const diag = (o: Observed, c: Category): JsonObject[] => o.diagnostic.get(c) ?? [];
const auditRows = (o: Observed): JsonObject[] => la(o, 'AuditLogs');
const ofCategory = <A extends ActivityBase>(acts: ReadonlyArray<ActivityBase>, c: Category): A[] => acts.filter((a) => a.category === c) as A[];
const fired = <T>(runs: ReadonlyArray<number>, f: (now: number) => T[]): T[] => runs.flatMap((n) => f(n));

/** Observed rows that are the story's (by record id). */
function storyOnlyIds(placement: StoryPlacement): Set<string> {
  return new Set(storyOnly(placement).activities.map((a) => a.id));
}

describe('directory-changes stories', () => {
  it('registers every story with defaults that satisfy its own params schema', () => {
    expect(STORIES.map((s) => s.id)).toEqual([
      'consent-phishing',
      'app-credential-abuse',
      'privileged-role-outside-pim',
      'privileged-role-via-pim',
      'guest-admin-tools',
      'short-lived-account',
      'sensitive-attribute-change',
      'hr-provisioning-cycle',
    ]);
    for (const s of STORIES) {
      expect(storyParamsError(s.id, s.defaults as Record<string, unknown>), s.id).toBeUndefined();
      // Every story but the ordinary HR cycle names the detections it should trip.
      expect(s.detections.length > 0, s.id).toBe(s.id !== 'hr-provisioning-cycle');
    }
    expect(storyParamsError('consent-phishing', { victims: 0 })?.path).toEqual(['victims']);
    expect(storyParamsError('app-credential-abuse', { colour: 'red' })?.message).toMatch(/unknown parameter/);
  });

  it('is deterministic per seed, and every record validates (diagnostic and Log Analytics)', () => {
    const ctx = (tenant: Tenant): RenderContext => ({ tenant, workspaceId: stableUuid('detections/workspace') });
    for (const s of STORIES) {
      const a = storyOnly({ story: s.id });
      const b = storyOnly({ story: s.id });
      const other = storyOnly({ story: s.id }, 6);
      expect(a.activities.length, s.id).toBeGreaterThan(0);
      expect(JSON.stringify(b.activities), s.id).toBe(JSON.stringify(a.activities));
      expect(JSON.stringify(other.activities), s.id).not.toBe(JSON.stringify(a.activities));
      for (const act of a.activities) {
        const m = categoryModule(act.category);
        const d = validateRecord('diagnostic', act.category, m.toDiagnostic(act, ctx(a.tenant)));
        const l = validateRecord('loganalytics', TABLE_OF[act.category], m.toLogAnalytics(act, ctx(a.tenant)));
        expect(d, `${s.id} ${act.category} diagnostic ${JSON.stringify(d.slice(0, 2))}`).toEqual([]);
        expect(l, `${s.id} ${act.category} LA ${JSON.stringify(l.slice(0, 2))}`).toEqual([]);
        expect(s.categories, `${s.id} declares ${act.category}`).toContain(act.category);
      }
    }
  });

  describe('consent-phishing', () => {
    const placement: StoryPlacement = { story: 'consent-phishing' };
    let o: Observed;
    beforeAll(() => {
      // The rules read AuditLogs; the sign-in and Graph links are checked on the story's own records.
      o = storyRun(placement, ['AuditLogs', 'SignInLogs']);
    });

    it('trips the offline-access and mailbox consent rules for each victim, and rare consent above its threshold', () => {
      const offline = OfflineConsent.evaluate(auditRows(o), DAY_END).filter((m) => m.appDisplayName === 'Mail Sync Assistant');
      expect(new Set(offline.map((m) => m.initiatedBy)).size).toBe(5);
      expect(offline.every((m) => m.consentType === 'Principal')).toBe(true);
      const mailbox = EndUserMailbox.evaluate(auditRows(o), DAY_END).filter((m) => m.appDisplayName === 'Mail Sync Assistant');
      expect(mailbox).toHaveLength(5);
      expect(mailbox[0]!.scope.split(' ')).toEqual(expect.arrayContaining(['offline_access', 'Mail.Read']));
      const rare = RareConsent.evaluate(auditRows(o), DAY_END);
      const mine = rare.filter((m) => m.app === 'mail sync assistant');
      expect(mine).toHaveLength(5);
      expect(mine.every((m) => m.reasons.includes('Previously unseen app granted consent'))).toBe(true);
      expect(rare.length).toBeGreaterThan(RareConsent.RULE.triggerThreshold);
    });

    it('matches the Sigma end-user consent rules on the consent records', () => {
      const consents = diag(o, 'AuditLogs').filter((r) => r.operationName === 'Consent to application' && JSON.stringify(r).includes('Mail Sync Assistant'));
      expect(consents).toHaveLength(5);
      for (const r of consents) {
        expect(SigmaEndUserConsent.matches(r)).toBe(true);
        expect(SigmaMailboxOffline.matches(r)).toBe(true);
        expect(SigmaHighRisk.matches(r)).toBe(true);
      }
    });

    it('links consent, grant, sign-ins and Graph reads the way Entra does', () => {
      const { activities: acts, tenant } = storyOnly(placement);
      const audit = ofCategory<DirectoryAuditActivity>(acts, 'AuditLogs');
      const interactive = ofCategory<SignInActivity>(acts, 'SignInLogs');
      const refresh = ofCategory<SignInActivity>(acts, 'NonInteractiveUserSignInLogs');
      const graph = ofCategory<GraphActivity>(acts, 'MicrosoftGraphActivityLogs');
      const consents = audit.filter((a) => a.activityDisplayName === 'Consent to application');
      expect(consents).toHaveLength(5);
      for (const c of consents) {
        const grant = audit.find((a) => a.activityDisplayName === 'Add delegated permission grant' && a.correlationId === c.correlationId);
        expect(grant).toBeDefined();
        // The consent comes from where the victim signed in to the app.
        const user = c.initiatedBy?.kind === 'user' ? c.initiatedBy : undefined;
        const signIn = interactive.find((s) => s.user?.id === user?.id && s.appDisplayName === 'Mail Sync Assistant');
        expect(signIn?.ipAddress).toBe(user?.ipAddress);
      }
      expect(audit.filter((a) => a.activityDisplayName === 'Add service principal')).toHaveLength(1);
      const sp = audit.find((a) => a.activityDisplayName === 'Add service principal')!;
      expect(consents.some((c) => c.correlationId === sp.correlationId)).toBe(true);
      // The app's backend: one hosting address, every Graph call carrying the token of a redemption.
      const utis = new Set(refresh.map((s) => s.uniqueTokenIdentifier));
      expect(refresh.length).toBe(15);
      expect(new Set(refresh.map((s) => s.ipAddress)).size).toBe(1);
      const backend = refresh[0]!.ipAddress;
      expect(['hosting', 'vpn']).toContain(tenant.networkOfIp(backend)?.kind);
      expect(refresh.every((s) => s.appDisplayName === 'Mail Sync Assistant' && s.incomingTokenType === 'refreshToken' && s.appOwnerTenantId !== s.resourceTenantId)).toBe(true);
      expect(graph.length).toBe(90);
      for (const g of graph) {
        expect(utis.has(g.signInActivityId)).toBe(true);
        expect(g.ipAddress).toBe(backend);
        expect(g.requestUri).toMatch(/^https:\/\/graph\.microsoft\.com\/v1\.0\/me\/(mailFolders|messages)/);
      }
    });
  });

  it('consent-phishing with PwnAuth’s scopes trips the PwnAuth rule', () => {
    const scopes = ['User.Read', 'offline_access', 'Mail.ReadWrite', 'Mail.Send', 'Files.Read.All'];
    const o = storyRun({ story: 'consent-phishing', params: { victims: 2, scopes, refreshes: 0 } }, ['AuditLogs'], {});
    expect(PwnAuth.evaluate(auditRows(o), DAY_END).map((m) => m.appDisplayName)).toEqual(['Mail Sync Assistant', 'Mail Sync Assistant']);
    expect(PwnAuth.evaluate(auditRows(storyRun({ story: 'consent-phishing', params: { victims: 1, refreshes: 0 } }, ['AuditLogs'], {})), DAY_END)).toEqual([]);
  });

  describe('app-credential-abuse', () => {
    const placement: StoryPlacement = { story: 'app-credential-abuse' };
    // Graph links are checked on the story's own records; the baseline's SP sign-ins show where the app usually signs in from.
    const categories: Category[] = ['AuditLogs', 'SignInLogs', 'ServicePrincipalSignInLogs'];
    let o: Observed;
    beforeAll(() => {
      o = storyRun(placement, categories);
    });

    it('trips the new-credential rules (scheduled and NRT), credential-after-consent and the Sigma SP-credential rule', () => {
      const news = fired(HOURLY, (n) => NewCredential.evaluate(auditRows(o), n));
      expect(news).toHaveLength(1);
      const nrt = NrtNewCredential.evaluate(auditRows(o), WEEK_START, DAY_END);
      expect(nrt).toEqual(news);
      // (The 500-user baseline day has its own first-credential matches: a known generator artefact.)
      expect(fired(HOURLY, (n) => FirstCredential.evaluate(auditRows(o), n)).filter((m) => m.targetDisplayName === news[0]!.targetDisplayName)).toEqual([]);
      const after = CredentialAfterConsent.evaluate(auditRows(o), DAY_END);
      expect(after.map((m) => m.targetResourceName)).toEqual([news[0]!.targetDisplayName]);
      expect(after[0]!.isAdminConsent).toBe('True');
      const spCreds = diag(o, 'AuditLogs').filter(SigmaSpCredentials.matches);
      expect(spCreds.some((r) => JSON.stringify(r).includes(news[0]!.targetDisplayName))).toBe(true);
      // Sigma's "Added Credentials to Existing Application" compares the activity name exactly to a
      // spelling Entra does not use ("Update Application-Certificates…"): no record matches it.
      expect(diag(o, 'AuditLogs').filter(SigmaAppCredential.matches)).toEqual([]);
    });

    it('signs in with the new key from a hosting network the app never used, and Graph calls carry that token', () => {
      const ids = storyOnlyIds(placement);
      const acts = o.activities.filter((a) => ids.has(a.id));
      const audit = ofCategory<DirectoryAuditActivity>(acts, 'AuditLogs');
      const update = audit.find((a) => a.activityDisplayName.startsWith('Update application'))!;
      const key = /KeyIdentifier=([0-9a-f-]+)/.exec(update.targetResources[0]!.modifiedProperties[0]!.newValue!.split('","').pop()!)![1]!;
      const sps = ofCategory<SignInActivity>(acts, 'ServicePrincipalSignInLogs');
      expect(sps).toHaveLength(6);
      const appId = sps[0]!.appId;
      expect(sps.every((s) => s.servicePrincipalCredentialKeyId === key && s.errorCode === 0)).toBe(true);
      const baselineIps = new Set(
        o.activities.filter((a): a is SignInActivity => a.category === 'ServicePrincipalSignInLogs' && !ids.has(a.id) && (a as SignInActivity).appId === appId).map((s) => s.ipAddress),
      );
      expect(baselineIps.size).toBeGreaterThan(0);
      expect(baselineIps.has(sps[0]!.ipAddress)).toBe(false);
      const net = storyOnly(placement).tenant.networkOfIp(sps[0]!.ipAddress)!;
      expect(net.kind).toBe('hosting');
      expect(net.asn).not.toBe(8075);
      // The admin acted from the IP they signed in from.
      const admin = ofCategory<SignInActivity>(acts, 'SignInLogs').at(-1)!;
      expect(audit.every((a) => a.initiatedBy?.kind === 'user' && a.initiatedBy.ipAddress === admin.ipAddress)).toBe(true);
      const utis = new Set(sps.map((s) => s.uniqueTokenIdentifier));
      const graph = ofCategory<GraphActivity>(storyOnly(placement).activities, 'MicrosoftGraphActivityLogs');
      expect(graph.length).toBe(30);
      expect(graph.every((g) => utis.has(g.signInActivityId) && g.ipAddress === sps[0]!.ipAddress && g.idtyp === 'app' && g.appId === appId)).toBe(true);
    });

    it('with firstCredential, trips the first-credential rule instead', () => {
      const variant: StoryPlacement = { story: 'app-credential-abuse', params: { firstCredential: true, adminConsent: false, target: 'application', signIns: 1 } };
      const first = storyRun(variant, ['AuditLogs'], {});
      const update = storyOnly(variant).activities.find((a): a is DirectoryAuditActivity => a.category === 'AuditLogs' && (a as DirectoryAuditActivity).activityDisplayName.startsWith('Update application'))!;
      const app = update.targetResources[0]!.displayName;
      expect(fired(HOURLY, (n) => FirstCredential.evaluate(auditRows(first), n)).filter((m) => m.targetDisplayName === app)).toHaveLength(1);
      expect(fired(HOURLY, (n) => NewCredential.evaluate(auditRows(first), n))).toEqual([]);
      expect(CredentialAfterConsent.evaluate(auditRows(first), DAY_END)).toEqual([]);
    });
  });

  describe('privileged-role-outside-pim', () => {
    let o: Observed;
    beforeAll(() => {
      o = storyRun({ story: 'privileged-role-outside-pim' }, ['AuditLogs', 'SignInLogs']);
    });

    it('trips the outside-PIM rules (scheduled and NRT), both new-privileged-role rules and the Sigma admin-role rule', () => {
      const outside = OutsidePim.evaluate(auditRows(o), DAY_END);
      expect(outside).toHaveLength(1);
      expect(NrtOutsidePim.evaluate(auditRows(o), WEEK_START, DAY_END)).toEqual(outside);
      const newUser = fired(HOURLY, (n) => NewUserPrivRole.evaluate(auditRows(o), n)).filter((m) => m.target === outside[0]!.target);
      expect(newUser.map((m) => m.roleName)).toEqual(['Global Administrator']);
      const newRole = fired(TWO_HOURLY, (n) => NewPrivRole.evaluate(auditRows(o), n)).filter((m) => m.target === outside[0]!.target);
      expect(newRole).toHaveLength(1);
      const sigma = diag(o, 'AuditLogs').filter(SigmaAdminRole.matches);
      expect(sigma.some((r) => r.identity !== 'MS-PIM')).toBe(true);
    });

    it('records the admin acting from the address of their sign-in', () => {
      const add = auditRows(o).find((r) => r.OperationName === 'Add member to role' && r.Identity !== 'MS-PIM')!;
      const who = initiator(add);
      const signIns = la(o, 'SigninLogs').filter((s) => s.UserPrincipalName === who.userPrincipalName && s.IPAddress === who.ipAddress && s.AppDisplayName === 'Azure Portal');
      expect(signIns.length).toBeGreaterThan(0);
      expect(String(signIns.at(-1)!.TimeGenerated) < String(add.TimeGenerated)).toBe(true);
    });
  });

  describe('privileged-role-via-pim', () => {
    let o: Observed;
    beforeAll(() => {
      o = storyRun({ story: 'privileged-role-via-pim' }, ['AuditLogs', 'SignInLogs']);
    });

    it("trips the assignment rule that counts PIM activations but not the outside-PIM rules", () => {
      const ids = storyOnlyIds({ story: 'privileged-role-via-pim' });
      const completed = auditRows(o).find((r) => ids.has(String(r.Id)) && r.OperationName === 'Add member to role completed (PIM activation)')!;
      const user = targets(completed).find((t) => t.type === 'User')!;
      const newUser = fired(HOURLY, (n) => NewUserPrivRole.evaluate(auditRows(o), n)).filter((m) => m.target === user.userPrincipalName);
      expect(newUser).toHaveLength(1);
      expect(newUser[0]!.initiator).toBe('MS-PIM');
      expect(OutsidePim.evaluate(auditRows(o), DAY_END)).toEqual([]);
      expect(NrtOutsidePim.evaluate(auditRows(o), WEEK_START, DAY_END)).toEqual([]);
      // The PIM-aware rule excludes MS-PIM; the eligible assignment's AADOperationType ("Add") is not in its list.
      expect(fired(TWO_HOURLY, (n) => NewPrivRole.evaluate(auditRows(o), n)).filter((m) => m.target === user.userPrincipalName)).toEqual([]);
      const sigma = diag(o, 'AuditLogs').filter((r) => SigmaAdminRole.matches(r) && ids.has(String((r.properties as JsonObject).id)));
      expect(sigma).toHaveLength(1);
      expect(sigma[0]!.identity).toBe('MS-PIM');
    });

    it('writes the PIM sequence with one request id and the activating user’s IP', () => {
      const ids = storyOnlyIds({ story: 'privileged-role-via-pim' });
      const pim = auditRows(o).filter((r) => ids.has(String(r.Id)) && r.LoggedByService === 'PIM');
      const names = pim.map((r) => r.OperationName);
      expect(names).toEqual(expect.arrayContaining(['Add eligible member to role in PIM completed (permanent)', 'Add member to role requested (PIM activation)', 'Add member to role completed (PIM activation)']));
      const requestId = (r: JsonObject): string => String((r.AdditionalDetails as JsonObject[]).find((d) => d.key === 'RequestId')!.value);
      const req = pim.find((r) => r.OperationName === 'Add member to role requested (PIM activation)')!;
      const done = pim.find((r) => r.OperationName === 'Add member to role completed (PIM activation)')!;
      expect(requestId(req)).toBe(requestId(done));
      expect(String(done.ResultReason).length).toBeGreaterThan(0);
      const who = initiator(done);
      expect(la(o, 'SigninLogs').some((s) => s.UserPrincipalName === who.userPrincipalName && s.IPAddress === who.ipAddress)).toBe(true);
    });
  });

  describe('guest-admin-tools', () => {
    let o: Observed;
    beforeAll(() => {
      o = storyRun({ story: 'guest-admin-tools' }, ['AuditLogs', 'SignInLogs']);
    });

    it('trips the guest-invitation-then-shell rule, the Azure-portal-from-another-tenant rule and the guest-group rule', () => {
      // The rule keeps the first shell sign-in per user of each hourly run.
      const shell = fired(HOURLY, (n) => GuestShell.evaluate(auditRows(o), la(o, 'SigninLogs'), n));
      expect(shell.length).toBeGreaterThanOrEqual(1);
      expect(['Microsoft Azure CLI', 'Azure Active Directory PowerShell', 'Microsoft Graph Command Line Tools']).toEqual(expect.arrayContaining(shell.map((m) => m.appDisplayName)));
      const tenant = storyOnly({ story: 'guest-admin-tools' }).tenant;
      const portal = fired(HOURLY, (n) => AzurePortalOtherTenant.evaluate(la(o, 'SigninLogs'), n, tenant));
      expect(portal).toHaveLength(1);
      expect(portal[0]!.homeTenantId).not.toBe(tenant.id);
      expect(shell[0]!.invitedUser).toContain('#EXT#');
      const groups = fired(TWO_HOURLY, (n) => GuestGroups.evaluate(auditRows(o), n));
      expect(groups.map((m) => m.invitedUser)).toEqual([shell[0]!.invitedUser]);
      expect(new Set(shell.map((m) => m.invitedUser)).size).toBe(1);
    });

    it('enumerates through Graph with the tokens of the tool sign-ins', () => {
      const acts = storyOnly({ story: 'guest-admin-tools' }).activities;
      const graph = ofCategory<GraphActivity>(acts, 'MicrosoftGraphActivityLogs');
      const tools = ofCategory<SignInActivity>(acts, 'SignInLogs').filter((s) => s.errorCode === 0 && s.user?.userType === 'Guest' && s.appDisplayName !== 'My Apps');
      expect(new Set(tools.map((s) => s.appDisplayName))).toEqual(new Set(['Azure Portal', 'Microsoft Azure CLI', 'Azure Active Directory PowerShell', 'Microsoft Graph Command Line Tools']));
      expect(graph).toHaveLength(24);
      for (const g of graph) {
        const token = tools.find((s) => s.uniqueTokenIdentifier === g.signInActivityId);
        expect(token).toBeDefined();
        expect(g.ipAddress).toBe(token!.ipAddress);
        expect(g.userId).toBe(token!.user!.id);
        expect(g.appId).toBe(token!.appId);
      }
    });
  });

  describe('short-lived-account', () => {
    it('trips the created-and-deleted rule (and Sigma’s event rule on both records)', () => {
      const o = storyRun({ story: 'short-lived-account' }, ['AuditLogs', 'SignInLogs']);
      const m = fired(HOURLY, (n) => AccountShortLived.evaluate(auditRows(o), n));
      expect(m).toHaveLength(1);
      const lifetime = Date.parse(m[0]!.deleted) - Date.parse(m[0]!.created);
      expect(lifetime).toBeGreaterThanOrEqual(150 * 60_000);
      expect(lifetime).toBeLessThan(151 * 60_000);
      const sigma = diag(o, 'AuditLogs').filter((r) => SigmaAccount.matches(r) && JSON.stringify(r).includes(m[0]!.upn));
      expect(sigma).toHaveLength(2);
      // The account signed in between, from the same VPN exit as the admin.
      const signIns = la(o, 'SigninLogs').filter((s) => s.UserPrincipalName === m[0]!.upn);
      expect(signIns.length).toBeGreaterThan(0);
      expect(signIns.every((s) => s.IPAddress === m[0]!.deletedByIp)).toBe(true);
    });
  });

  describe('sensitive-attribute-change', () => {
    it('trips the sensitive-attribute condition, initiated from the admin’s sign-in address', () => {
      const o = storyRun({ story: 'sensitive-attribute-change' }, ['CustomSecurityAttributeAuditLogs', 'SignInLogs']);
      const tenant = storyOnly({ story: 'sensitive-attribute-change' }).tenant;
      const sensitive = new Set(tenant.admins.filter((a) => a.roles.some((r) => r.privileged)).map((a) => a.id));
      const m = fired(HOURLY, (n) => SensitiveCsa.evaluate(la(o, 'AADCustomSecurityAttributeAuditLogs'), n, sensitive));
      expect(m).toHaveLength(1);
      expect(m[0]!.attribute).toBe('Security.Clearance');
      expect(m[0]!.newValue).toBe('"High"');
      expect(la(o, 'SigninLogs').some((s) => s.IPAddress === m[0]!.ipAddress && s.UserPrincipalName === m[0]!.initiatedBy)).toBe(true);
    });
  });

  describe('hr-provisioning-cycle', () => {
    it('writes one cycle of one job with the asked mix, real inbound error codes, and SyncFabric audit records', () => {
      const { activities } = storyOnly({ story: 'hr-provisioning-cycle' });
      const prov = ofCategory<ProvisioningActivity>(activities, 'ProvisioningLogs');
      expect(prov).toHaveLength(4 + 30 + 3 + 8 + 2);
      expect(new Set(prov.map((p) => p.jobId)).size).toBe(1);
      expect(prov[0]!.jobId).toMatch(/^Workday2AAD\.[0-9a-f]{32}\./);
      expect(new Set(prov.map((p) => p.cycleId)).size).toBe(1);
      expect(new Set(prov.map((p) => p.changeId)).size).toBe(prov.length);
      const count = (action: string, status: string): number => prov.filter((p) => p.provisioningAction === action && p.status === status).length;
      expect([count('create', 'success'), count('update', 'success'), count('disable', 'success')]).toEqual([4, 30, 3]);
      expect(prov.filter((p) => p.status === 'skipped')).toHaveLength(8);
      const failures = prov.filter((p) => p.status === 'failure');
      expect(failures.map((p) => `${p.provisioningAction}:${p.error?.errorCode}`).sort()).toEqual(['create:AzureActiveDirectoryDuplicateUserPrincipalName', 'update:DuplicateTargetEntries']);
      expect(new Set(prov.map((p) => p.sourceIdentity.name)).size).toBe(prov.length);
      const span = Math.max(...prov.map((p) => p.time)) - Math.min(...prov.map((p) => p.time));
      expect(span).toBeLessThanOrEqual(12 * 60_000);
      const audit = ofCategory<DirectoryAuditActivity>(activities, 'AuditLogs');
      expect(audit.map((a) => a.activityDisplayName).sort()).toEqual([...Array(4).fill('Add user'), ...Array(3).fill('Disable account'), ...Array(30).fill('Update user')]);
      expect(audit.every((a) => a.initiatedBy?.kind === 'app' && a.initiatedBy.displayName === 'Microsoft.Azure.SyncFabric')).toBe(true);
    });

    it('does not trip the account created-and-deleted rule', () => {
      const o = storyRun({ story: 'hr-provisioning-cycle' }, ['AuditLogs', 'ProvisioningLogs'], {});
      expect(fired(HOURLY, (n) => AccountShortLived.evaluate(auditRows(o), n))).toEqual([]);
    });

    it('writes nothing to AuditLogs when the target is on-premises AD', () => {
      const { activities } = storyOnly({ story: 'hr-provisioning-cycle', params: { connector: 'successfactors-ad' } });
      expect(activities.every((a) => a.category === 'ProvisioningLogs')).toBe(true);
      expect((activities[0] as ProvisioningActivity).jobId).toMatch(/^SuccessFactors2AD\./);
    });
  });
});

describe('the enterprise baseline week trips none of the directory-change detections', () => {
  const WEEK_END = WEEK_START + 7 * DAY;
  const hourly = runTimes(WEEK_START + HOUR, WEEK_END, HOUR);
  const twoHourly = runTimes(WEEK_START + 2 * HOUR, WEEK_END, 2 * HOUR);
  const daily = runTimes(WEEK_START + DAY, WEEK_END, DAY);
  let audit: JsonObject[];
  let auditDiag: JsonObject[];
  let csa: JsonObject[];
  let signIns: JsonObject[];
  let tenant: Tenant;
  beforeAll(() => {
    const a = baselineWeek(['AuditLogs', 'CustomSecurityAttributeAuditLogs'], {
      diagnostic: true,
      columns: {
        AuditLogs: ['TimeGenerated', 'OperationName', 'ActivityDisplayName', 'Category', 'LoggedByService', 'Result', 'ResultReason', 'Identity', 'AADOperationType', 'InitiatedBy', 'TargetResources', 'AdditionalDetails', 'CorrelationId'],
        AADCustomSecurityAttributeAuditLogs: ['TimeGenerated', 'OperationName', 'Result', 'InitiatedBy', 'TargetResources'],
      },
    });
    audit = la(a, 'AuditLogs');
    auditDiag = diag(a, 'AuditLogs');
    csa = la(a, 'AADCustomSecurityAttributeAuditLogs');
    // UnusualGuestActivity also reads AADNonInteractiveUserSignInLogs; the baseline's guests only
    // use browser clients and Teams there (no shell app ids), and a week of it costs ~7x
    // SigninLogs, so only the interactive table is generated.
    const s = baselineWeek(['SignInLogs'], {
      columns: { SigninLogs: ['TimeGenerated', 'ResultType', 'AppDisplayName', 'AppId', 'IPAddress', 'HomeTenantId', 'ResourceTenantId', 'AADTenantId', 'UserPrincipalName', 'UserAgent', 'UserType'] },
    });
    signIns = la(s, 'SigninLogs');
    tenant = planScenario(loadScenario('enterprise-baseline').scenario, { start: WEEK_START, end: WEEK_END }).tenant;
  }, 240_000);

  it('has the traffic the rules read', () => {
    expect(audit.filter((r) => r.OperationName === 'Consent to application').length).toBeGreaterThan(3);
    expect(audit.filter((r) => r.OperationName === 'Add member to role completed (PIM activation)').length).toBeGreaterThan(50);
    expect(signIns.filter((r) => r.UserType === 'Guest').length).toBeGreaterThan(100);
    expect(csa.length).toBeGreaterThan(100);
  });

  it('consent rules: offline access, mailbox scopes, PwnAuth, rare consent (> 3 a day), Sigma mailbox / high-risk', () => {
    expect(fired(daily, (n) => OfflineConsent.evaluate(audit, n))).toEqual([]);
    expect(fired(daily, (n) => EndUserMailbox.evaluate(audit, n))).toEqual([]);
    expect(fired(daily, (n) => PwnAuth.evaluate(audit, n))).toEqual([]);
    for (const n of daily) expect(RareConsent.evaluate(audit, n).length, new Date(n).toISOString()).toBeLessThanOrEqual(RareConsent.RULE.triggerThreshold);
    expect(auditDiag.filter(SigmaMailboxOffline.matches)).toEqual([]);
    expect(auditDiag.filter(SigmaHighRisk.matches)).toEqual([]);
  });

  it('new-credential rules (scheduled and NRT) and Sigma "Added Credentials to Existing Application"', () => {
    expect(fired(hourly, (n) => NewCredential.evaluate(audit, n))).toEqual([]);
    expect(NrtNewCredential.evaluate(audit, WEEK_START, WEEK_END)).toEqual([]);
    expect(auditDiag.filter(SigmaAppCredential.matches)).toEqual([]);
  });

  it('first-credential rule (rotations are done by automation and list the keys in use)', () => {
    expect(fired(hourly, (n) => FirstCredential.evaluate(audit, n))).toEqual([]);
  });

  it('credential-after-consent rule (service-principal credentials go to the tenant’s own apps)', () => {
    expect(fired(daily, (n) => CredentialAfterConsent.evaluate(audit, n))).toEqual([]);
  });

  it('role rules: outside PIM (scheduled and NRT), new privileged role; Sigma admin-role only on PIM activations', () => {
    expect(fired(daily, (n) => OutsidePim.evaluate(audit, n))).toEqual([]);
    expect(NrtOutsidePim.evaluate(audit, WEEK_START, WEEK_END)).toEqual([]);
    expect(fired(twoHourly, (n) => NewPrivRole.evaluate(audit, n))).toEqual([]);
    // 14-day look-back: the last day, with six days of history before it.
    expect(fired(runTimes(WEEK_END - DAY + HOUR, WEEK_END, HOUR), (n) => NewUserPrivRole.evaluate(audit, n))).toEqual([]);
    // Sigma's rule names PIM as its false positive: every activation writes "Add member to role" as MS-PIM.
    const sigma = auditDiag.filter(SigmaAdminRole.matches);
    expect(sigma.length).toBeGreaterThan(0);
    expect(sigma.every((r) => r.identity === 'MS-PIM')).toBe(true);
  });

  it('guest rules: invitation then shell sign-in, Azure portal from another tenant, guests added to groups', () => {
    expect(fired(hourly, (n) => GuestShell.evaluate(audit, signIns, n))).toEqual([]);
    expect(fired(hourly, (n) => AzurePortalOtherTenant.evaluate(signIns, n, tenant))).toEqual([]);
    expect(fired(twoHourly, (n) => GuestGroups.evaluate(audit, n))).toEqual([]);
  });

  it('account created and deleted in a short timeframe (joiners are new accounts, deletions are leavers)', () => {
    expect(fired(hourly, (n) => AccountShortLived.evaluate(audit, n))).toEqual([]);
  });

  it('sensitive custom security attribute changes on privileged users', () => {
    const sensitive = new Set(tenant.admins.filter((a) => a.roles.some((r) => r.privileged)).map((a) => a.id));
    expect(fired(hourly, (n) => SensitiveCsa.evaluate(csa, n, sensitive))).toEqual([]);
  });
});
