/**
 * The workloads-and-network stories: each trips the public detections written for it,
 * the default enterprise baseline over a week trips none of them (two known exceptions,
 * marked `it.fails` with their cause), every story is deterministic per seed, every
 * record validates, and the records link across categories the way Entra links them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActivityBase, JsonObject, RenderContext } from '../src/core/activity.ts';
import { TABLE_OF, type Category } from '../src/core/categories.ts';
import { stableUuid } from '../src/core/random.ts';
import { categoryModule } from '../src/categories/index.ts';
import { planScenario, storyActivities } from '../src/engine/run.ts';
import { loadScenario } from '../src/scenarios/load.ts';
import type { Scenario, StoryPlacement } from '../src/scenarios/types.ts';
import { validateRecord } from '../src/schemas/index.ts';
import { STORIES } from '../src/stories/workloads-and-network/index.ts';
import { threatInfrastructure, threatIntelFor } from '../src/stories/workloads-and-network/gsa-malicious-destination.ts';
import type { Tenant } from '../src/tenant/types.ts';
import { baselineWeek, dyn, ms, storyRun, WEEK_START, type Observed } from './detections/harness.ts';
import { SIGMA_SIGN_IN_COLUMNS } from './detections/sigma-sign-in.ts';
import * as unfamiliar from './detections/azure_identity_protection_unfamilar_sign_in.ts';
import * as anonymousIp from './detections/azure_identity_protection_anonymous_ip_address.ts';
import * as atypical from './detections/azure_identity_protection_atypical_travel.ts';
import * as hostingAsn from './detections/azure_signin_risky_interactive_hosting_asn.ts';
import * as azureHoundSigma from './detections/azure_ad_azurehound_discovery.ts';
import { correlateUnfamiliarAtypical, COLUMNS as CORRELATE_COLUMNS } from './detections/CorrelateIPC_Unfamiliar-Atypical.ts';
import { servicePrincipalSignInFromNewCountry, COLUMNS as SP_COLUMNS } from './detections/ServicePrincipalSignInFromNewCountry.ts';
import { azureHoundReconnaissance, COLUMNS as GRAPH_COLUMNS, normalizeRequestUri } from './detections/AzureHoundReconnaissanceDetected.ts';
import { graphRunnerReconnaissance } from './detections/GraphRunnerReconnaissanceDetected.ts';
import { azureHoundActivity } from './detections/AzureHoundActivityDetected.ts';
import { gsaTiDomainEntity, COLUMNS as GSA_COLUMNS } from './detections/GSA-TI-Domain-Entity.ts';
import { gsaTiUrlEntity } from './detections/GSA-TI-URL-Entity.ts';
import { gsaTiIpEntity } from './detections/GSA-TI-IP-Entity.ts';
import { remoteNetworkTunnelFlapping, COLUMNS as RNH_COLUMNS } from './detections/RemoteNetworkTunnelFlapping.ts';
import { remoteNetworkTunnelDown } from './detections/RemoteNetworkTunnelDown.ts';

const DAY = 86_400_000;
const WEEK_END = WEEK_START + 7 * DAY;
const DAY_END = WEEK_START + DAY;

/** The story-run tenant of the harness (storyRun: seed 5, 500 users, P2, workload ID premium, GSA). */
function storyScenario(placement: StoryPlacement): Scenario {
  return {
    name: 'story-under-test',
    seed: 5,
    tenant: { users: 500, licence: 'p2', workloadIdentitiesPremium: true, globalSecureAccess: true },
    traffic: { backfill: '1d', randomizeCount: 0.15 },
    stories: [{ at: '+10h', ...placement }],
  };
}

/** The story's own activities (no baseline), through the engine, with its tenant. */
function storyOnly(placement: StoryPlacement, seed?: number): { activities: ActivityBase[]; tenant: Tenant } {
  const run = planScenario(storyScenario(placement), { start: WEEK_START, end: DAY_END, ...(seed !== undefined ? { seed } : {}) });
  return { activities: storyActivities(run), tenant: run.tenant };
}

/** LA rows per table of some activities. */
function laRows(activities: ReadonlyArray<ActivityBase>, tenant: Tenant): Map<string, JsonObject[]> {
  const ctx: RenderContext = { tenant, workspaceId: stableUuid('detections/workspace') };
  const out = new Map<string, JsonObject[]>();
  for (const a of activities) {
    const table = TABLE_OF[a.category];
    const rows = out.get(table) ?? [];
    rows.push(categoryModule(a.category).toLogAnalytics(a, ctx));
    out.set(table, rows);
  }
  return out;
}

const rowsOf = (o: Observed, table: string): JsonObject[] => o.la.get(table) ?? [];
const diagOf = (o: Observed, c: Category): JsonObject[] => o.diagnostic.get(c) ?? [];
const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

describe('workloads-and-network: registry', () => {
  it('registers five stories with documented params and valid defaults', () => {
    expect(STORIES.map((s) => s.id)).toEqual(['risky-user-lifecycle', 'risky-workload-identity', 'graph-recon', 'gsa-malicious-destination', 'remote-network-unhealthy']);
    for (const s of STORIES) {
      const props = (s.params as { properties: Record<string, { description?: string }> }).properties;
      for (const [name, p] of Object.entries(props)) expect(p.description, `${s.id}.${name}`).toBeTruthy();
      expect(s.detections.length).toBeGreaterThan(0);
    }
  });
});

describe('workloads-and-network: determinism and schemas', () => {
  for (const s of STORIES) {
    it(`${s.id}: same seed, same records; another seed, other records`, () => {
      const a = storyOnly({ story: s.id });
      const b = storyOnly({ story: s.id });
      const c = storyOnly({ story: s.id }, 6);
      expect(a.activities.length).toBeGreaterThan(0);
      expect(JSON.stringify(b.activities)).toBe(JSON.stringify(a.activities));
      expect(JSON.stringify(c.activities)).not.toBe(JSON.stringify(a.activities));
      for (const x of a.activities) expect(s.categories).toContain(x.category);
    });

    it(`${s.id}: every record validates (diagnostic and Log Analytics)`, () => {
      const { activities, tenant } = storyOnly({ story: s.id });
      const ctx: RenderContext = { tenant, workspaceId: stableUuid('detections/workspace') };
      for (const a of activities) {
        const m = categoryModule(a.category);
        expect(validateRecord('diagnostic', a.category, m.toDiagnostic(a, ctx)), `${s.id} diagnostic ${a.category}`).toEqual([]);
        expect(validateRecord('loganalytics', TABLE_OF[a.category], m.toLogAnalytics(a, ctx)), `${s.id} LA ${a.category}`).toEqual([]);
      }
    });
  }
});

// ---------------------------------------------------------------------------------------
// The baseline week. Three runs, each restricted to what its rules read:
// - Identity Protection and remote network health at the full 10,000 users (small tables,
//   kept as diagnostic records for the Sigma riskdetection rules);
// - interactive sign-ins, Graph activity and GSA traffic at 1,000 users: those rules judge
//   single records or one caller / one destination at a time, which a tenth of the tenant
//   shows the same way (per-user rates do not depend on tenant size), while 10,000 users
//   would take minutes on two loaded cores (560k Graph and 840k traffic rows);
// - service-principal sign-ins at 500 users: their volume is per user (15 a day) but the
//   rule looks at each app's countries, and every baseline app signs in from one place.
// The non-interactive table (7x the interactive one) is left out: its only rule here is a
// user-agent match that no baseline client agent contains.
// ---------------------------------------------------------------------------------------
describe('workloads-and-network: the enterprise baseline week trips none of the detections', () => {
  let risk: Observed;
  let wide: Observed;
  let workloads: Observed;
  let wideTenant: Tenant;

  beforeAll(() => {
    risk = baselineWeek(['UserRiskEvents', 'RiskyUsers', 'ServicePrincipalRiskEvents', 'RiskyServicePrincipals', 'RemoteNetworkHealthLogs'], {
      diagnostic: true,
      columns: { AADUserRiskEvents: CORRELATE_COLUMNS, RemoteNetworkHealthLogs: RNH_COLUMNS },
    });
    wide = baselineWeek(
      ['SignInLogs', 'MicrosoftGraphActivityLogs', 'NetworkAccessTrafficLogs'],
      { columns: { SigninLogs: [...SIGMA_SIGN_IN_COLUMNS], MicrosoftGraphActivityLogs: GRAPH_COLUMNS, NetworkAccessTraffic: GSA_COLUMNS } },
      1000,
    );
    workloads = baselineWeek(['ServicePrincipalSignInLogs'], { columns: { AADServicePrincipalSignInLogs: SP_COLUMNS } }, 500);
    wideTenant = planScenario(loadScenario('enterprise-baseline').scenario, { start: WEEK_START, end: WEEK_END, users: 1000, categories: ['NetworkAccessTrafficLogs'] }).tenant;
  }, 240_000);

  it('has the week of data the rules read', () => {
    expect(diagOf(risk, 'UserRiskEvents').length).toBeGreaterThan(100);
    expect(rowsOf(risk, 'RemoteNetworkHealthLogs').length).toBeGreaterThan(100);
    expect(rowsOf(wide, 'SigninLogs').length).toBeGreaterThan(10_000);
    expect(rowsOf(wide, 'MicrosoftGraphActivityLogs').length).toBeGreaterThan(10_000);
    expect(rowsOf(wide, 'NetworkAccessTraffic').length).toBeGreaterThan(10_000);
    expect(rowsOf(workloads, 'AADServicePrincipalSignInLogs').length).toBeGreaterThan(10_000);
  });

  // KNOWN: the baseline emits Identity Protection noise of every detection type
  // (data/risk-detections.ts USER_RISK_MIX: ~40 detections a day for 10,000 users), and
  // these Sigma rules alert on every single detection of their type. A real tenant of that
  // size trips them weekly too; nothing in a story or a generator can change that.
  it.fails('Sigma Unfamiliar Sign-In Properties (known: fires on every baseline unfamiliarFeatures detection)', () => {
    expect(unfamiliar.detect(diagOf(risk, 'UserRiskEvents'))).toHaveLength(0);
  });
  it.fails('Sigma Anonymous IP Address (known: fires on every baseline anonymizedIPAddress detection)', () => {
    expect(anonymousIp.detect(diagOf(risk, 'UserRiskEvents'))).toHaveLength(0);
  });
  it.fails('Sigma Atypical Travel (known: fires on every baseline unlikelyTravel detection)', () => {
    expect(atypical.detect(diagOf(risk, 'UserRiskEvents'))).toHaveLength(0);
  });

  it('Sentinel Correlate Unfamiliar sign-in properties & atypical travel alerts', () => {
    expect(correlateUnfamiliarAtypical(rowsOf(risk, 'AADUserRiskEvents'))).toEqual([]);
  });

  it('Sigma Risky Successful Interactive Sign-In From Cloud Hosting Or VPN Provider ASN', () => {
    expect(hostingAsn.detect(rowsOf(wide, 'SigninLogs'))).toHaveLength(0);
  });

  it('Sigma Discovery Using AzureHound (interactive sign-ins)', () => {
    expect(azureHoundSigma.detect(rowsOf(wide, 'SigninLogs'))).toHaveLength(0);
  });

  it('AzureHound / GraphRunner reconnaissance and AzureHound activity (Graph activity)', () => {
    const g = rowsOf(wide, 'MicrosoftGraphActivityLogs');
    expect(azureHoundReconnaissance(g, WEEK_START, WEEK_END)).toEqual([]);
    expect(graphRunnerReconnaissance(g, WEEK_START, WEEK_END)).toEqual([]);
    expect(azureHoundActivity(g)).toEqual([]);
  });

  it('GSA TI Domain / URL / IP entity, with the campaign feed of this tenant and of the story tenant', () => {
    const traffic = rowsOf(wide, 'NetworkAccessTraffic');
    const storyTenant = storyOnly({ story: 'gsa-malicious-destination' }).tenant;
    for (const feed of [threatIntelFor(wideTenant, WEEK_START), threatIntelFor(storyTenant, WEEK_START)]) {
      expect(gsaTiDomainEntity(traffic, feed, WEEK_START, WEEK_END)).toEqual([]);
      expect(gsaTiUrlEntity(traffic, feed, WEEK_START, WEEK_END)).toEqual([]);
      expect(gsaTiIpEntity(traffic, feed, WEEK_START, WEEK_END)).toEqual([]);
    }
  });

  it('Service Principal Sign-in from New Country (after a day of history)', () => {
    const alerts = servicePrincipalSignInFromNewCountry(rowsOf(workloads, 'AADServicePrincipalSignInLogs'), WEEK_START + DAY, WEEK_END, WEEK_START);
    expect(alerts.map((a) => `${str(a.row.AppId)} ${a.country}`)).toEqual([]);
  });

  it('Remote network tunnel flapping', () => {
    expect(remoteNetworkTunnelFlapping(rowsOf(risk, 'RemoteNetworkHealthLogs'))).toEqual([]);
  });

  // KNOWN generator issue: the engine keeps at most a minute's count of records per
  // category (engine/run.ts buildEvents "keep the first ones"), so the baseline's tunnel
  // flaps (tunnelDisconnected, tunnelConnected, bgpConnected: remote-network-health
  // buildTunnelFlap) keep only the disconnect: the week has tunnelDisconnected and
  // bgpDisconnected rows and no tunnelConnected / bgpConnected at all.
  it('Remote network tunnel down (flaps are whole events: every disconnect has its reconnect)', () => {
    const rows = rowsOf(risk, 'RemoteNetworkHealthLogs');
    expect(remoteNetworkTunnelDown(rows, WEEK_END)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------
// risky-user-lifecycle
// ---------------------------------------------------------------------------------------
describe('risky-user-lifecycle', () => {
  let o: Observed;
  let attacker: JsonObject[];
  let storyDetections: JsonObject[];

  beforeAll(() => {
    o = storyRun({ story: 'risky-user-lifecycle' }, ['SignInLogs', 'UserRiskEvents', 'RiskyUsers', 'AuditLogs']);
    const story = new Set(storyOnly({ story: 'risky-user-lifecycle' }).activities.map((a) => a.id));
    storyDetections = rowsOf(o, 'AADUserRiskEvents').filter((r) => story.has(str(r.Id)));
    const ips = new Set(storyDetections.map((d) => str(d.IpAddress)).filter(Boolean));
    attacker = rowsOf(o, 'SigninLogs').filter((r) => ips.has(str(r.IPAddress)));
  }, 120_000);

  it('trips the Sigma riskdetection rules on its own detections', () => {
    const diag = diagOf(o, 'UserRiskEvents');
    const ids = new Set(storyDetections.map((d) => str(d.Id)));
    const own = (hits: ReadonlyArray<unknown>): number => hits.length;
    expect(own(unfamiliar.detect(diag.filter((d) => ids.has(str((d.properties as JsonObject).id)))))).toBeGreaterThan(0);
    expect(own(anonymousIp.detect(diag.filter((d) => ids.has(str((d.properties as JsonObject).id)))))).toBeGreaterThan(0);
    expect(own(atypical.detect(diag.filter((d) => ids.has(str((d.properties as JsonObject).id)))))).toBeGreaterThan(0);
  });

  it("trips Sigma's risky interactive sign-in from a hosting / VPN ASN on the attacker's sign-in", () => {
    const hits = hostingAsn.detect(rowsOf(o, 'SigninLogs'));
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => attacker.some((a) => str(a.IPAddress) === h.IPAddress))).toBe(true);
  });

  it('trips the Sentinel correlation of unfamiliar properties and atypical travel (within 10 minutes)', () => {
    const pairs = correlateUnfamiliarAtypical(rowsOf(o, 'AADUserRiskEvents'));
    expect(pairs.length).toBeGreaterThan(0);
    const user = str(storyDetections[0]!.UserId);
    expect(pairs.every((p) => p.userId === user && Math.abs(p.deltaMinutes) <= 10)).toBe(true);
  });

  it("links every sign-in detection to the sign-in that raised it (id, correlation, IP, location)", () => {
    const signIns = new Map(rowsOf(o, 'SigninLogs').map((r) => [str(r.Id), r]));
    const linked = storyDetections.filter((d) => str(d.RequestId));
    expect(linked.length).toBeGreaterThanOrEqual(3);
    for (const d of linked) {
      const s = signIns.get(str(d.RequestId));
      expect(s, `sign-in ${str(d.RequestId)}`).toBeDefined();
      expect(str(s!.CorrelationId)).toBe(str(d.CorrelationId));
      expect(str(s!.IPAddress)).toBe(str(d.IpAddress));
      const sl = dyn<{ city: string; countryOrRegion: string }>(s!.LocationDetails);
      const dl = dyn<{ city: string; countryOrRegion: string }>(d.Location);
      expect([dl.city, dl.countryOrRegion]).toEqual([sl.city, sl.countryOrRegion]);
      expect(ms(d.ActivityDateTime)).toBeLessThanOrEqual(ms(d.DetectedDateTime));
    }
    // The MFA flow: the success record carries the detection's request as originalRequestId.
    const success = attacker.find((r) => str(r.ResultType) === '0')!;
    expect(str(success.OriginalRequestId)).toBe(str(linked[0]!.RequestId));
    expect(attacker.every((r) => str(r.CorrelationId) === str(success.CorrelationId))).toBe(true);
    expect(dyn<string[]>(success.RiskEventTypes_V2)).toEqual(['unfamiliarFeatures', 'anonymizedIPAddress']);
  });

  it('moves the risky user along its detections: at risk, confirmed compromised, remediated by SSPR', () => {
    const user = str(storyDetections[0]!.UserId);
    const states = rowsOf(o, 'AADRiskyUsers')
      .filter((r) => str(r.Id) === user)
      .sort((a, b) => ms(a.TimeGenerated) - ms(b.TimeGenerated));
    expect(states.map((s) => str(s.RiskState))).toEqual(['atRisk', 'atRisk', 'atRisk', 'confirmedCompromised', 'remediated']);
    expect(states.map((s) => str(s.RiskLevel))).toEqual(['low', 'low', 'medium', 'high', 'none']);
    expect(str(states[4]!.RiskDetail)).toBe('userPerformedSecuredPasswordReset');
    // Each at-risk update follows a detection of the user.
    const firstDetection = Math.min(...storyDetections.map((d) => ms(d.DetectedDateTime)));
    expect(ms(states[0]!.TimeGenerated)).toBeGreaterThanOrEqual(firstDetection);
    // Every detection's latest state is remediated.
    const latest = new Map<string, JsonObject>();
    for (const d of storyDetections) if (!latest.has(str(d.Id)) || ms(d.TimeGenerated) >= ms(latest.get(str(d.Id))!.TimeGenerated)) latest.set(str(d.Id), d);
    expect([...latest.values()].map((d) => str(d.RiskState))).toEqual(Array(latest.size).fill('remediated'));
    expect([...latest.values()].some((d) => str(d.RiskEventType) === 'adminConfirmedUserCompromised')).toBe(true);
  });

  it('writes the admin action to AuditLogs from the IP of the admin sign-in, then the SSPR reset', () => {
    const audit = rowsOf(o, 'AuditLogs');
    const confirm = audit.filter((r) => r.OperationName === 'ConfirmAccountCompromised');
    expect(confirm).toHaveLength(1);
    const c = confirm[0]!;
    expect(c.LoggedByService).toBe('Identity Protection');
    expect(c.Category).toBe('Other');
    const by = dyn<{ user: { id: string; ipAddress: string } }>(c.InitiatedBy).user;
    const target = dyn<Array<{ id: string }>>(c.TargetResources)[0]!;
    expect(target.id).toBe(str(storyDetections[0]!.UserId));
    const adminSignIn = rowsOf(o, 'SigninLogs').find((r) => str(r.UserId) === by.id && str(r.IPAddress) === by.ipAddress && ms(r.CreatedDateTime) < ms(c.TimeGenerated));
    expect(adminSignIn, 'the admin signed in from the audited IP before acting').toBeDefined();
    const reset = audit.find((r) => r.OperationName === 'Reset password (self-service)' && dyn<Array<{ id: string }>>(r.TargetResources)[0]!.id === target.id);
    expect(reset).toBeDefined();
    expect(ms(reset!.TimeGenerated)).toBeGreaterThan(ms(c.TimeGenerated));
  });

  it('dismiss: DismissUser in AuditLogs, the user dismissed, no remediation after the reset', () => {
    const { activities, tenant } = storyOnly({ story: 'risky-user-lifecycle', params: { adminAction: 'dismiss' } });
    const la = laRows(activities, tenant);
    expect((la.get('AuditLogs') ?? []).map((r) => r.OperationName)).toContain('DismissUser');
    const states = (la.get('AADRiskyUsers') ?? []).map((r) => str(r.RiskState));
    expect(states[states.length - 1]).toBe('dismissed');
    expect(states).not.toContain('remediated');
  });

  it('medium sign-in risk: the MFA of the risk policy closes the real-time detections; the offline one raises the user', () => {
    const { activities, tenant } = storyOnly({ story: 'risky-user-lifecycle', params: { signInRiskLevel: 'medium', adminAction: 'none' } });
    const la = laRows(activities, tenant);
    const realtime = (la.get('AADUserRiskEvents') ?? []).filter((r) => r.DetectionTimingType === 'realtime');
    expect(realtime.length).toBeGreaterThan(0);
    expect(realtime.every((r) => r.RiskState === 'remediated' && r.RiskDetail === 'userPassedMFADrivenByRiskBasedPolicy')).toBe(true);
    const states = (la.get('AADRiskyUsers') ?? []).map((r) => `${str(r.RiskState)}/${str(r.RiskLevel)}`);
    expect(states).toEqual(['atRisk/medium', 'remediated/none']);
  });
});

// ---------------------------------------------------------------------------------------
// risky-workload-identity
// ---------------------------------------------------------------------------------------
describe('risky-workload-identity', () => {
  let o: Observed;
  let detection: JsonObject;
  let attackerSignIns: JsonObject[];

  beforeAll(() => {
    o = storyRun({ story: 'risky-workload-identity' }, ['ServicePrincipalSignInLogs', 'MicrosoftGraphActivityLogs', 'ServicePrincipalRiskEvents', 'RiskyServicePrincipals', 'SignInLogs', 'AuditLogs']);
    const story = new Set(storyOnly({ story: 'risky-workload-identity' }).activities.map((a) => a.id));
    detection = rowsOf(o, 'AADServicePrincipalRiskEvents').find((r) => story.has(str(r.Id)) && r.RiskEventType === 'suspiciousSignins')!;
    attackerSignIns = rowsOf(o, 'AADServicePrincipalSignInLogs').filter((r) => story.has(str(r.Id)));
  }, 120_000);

  it('trips Service Principal Sign-in from New Country on the attacker sign-ins only', () => {
    // Two hours of the day's history first: before it every app's country is "new".
    const alerts = servicePrincipalSignInFromNewCountry(rowsOf(o, 'AADServicePrincipalSignInLogs'), WEEK_START + 2 * 3_600_000, DAY_END, WEEK_START);
    expect(alerts.length).toBeGreaterThan(0);
    const ids = new Set(attackerSignIns.map((r) => str(r.Id)));
    expect(alerts.every((a) => ids.has(str(a.row.Id)))).toBe(true);
  });

  it('links the workload detection to the first attacker sign-in (request, correlation, IP, location, key)', () => {
    expect(detection).toBeDefined();
    const first = [...attackerSignIns].sort((a, b) => ms(a.CreatedDateTime) - ms(b.CreatedDateTime))[0]!;
    expect(str(detection.RequestId)).toBe(str(first.Id));
    expect(str(detection.CorrelationId)).toBe(str(first.CorrelationId));
    expect(str(detection.IpAddress)).toBe(str(first.IPAddress));
    expect(dyn<{ countryOrRegion: string }>(detection.Location).countryOrRegion).toBe(dyn<{ countryOrRegion: string }>(first.LocationDetails).countryOrRegion);
    expect(dyn<string[]>(detection.KeyIds)).toContain(str(first.ServicePrincipalCredentialKeyId));
    expect(str(detection.AppId)).toBe(str(first.AppId));
  });

  it("ties the attacker's Graph calls to its sign-ins (signInActivityId = uniqueTokenIdentifier, same IP)", () => {
    const tokens = new Map(attackerSignIns.map((r) => [str(r.UniqueTokenIdentifier), r]));
    const calls = rowsOf(o, 'MicrosoftGraphActivityLogs').filter((g) => tokens.has(str(g.SignInActivityId)));
    expect(calls.length).toBeGreaterThanOrEqual(attackerSignIns.length * 2);
    for (const g of calls) {
      const s = tokens.get(str(g.SignInActivityId))!;
      expect(str(g.IPAddress)).toBe(str(s.IPAddress));
      expect(str(g.AppId)).toBe(str(s.AppId));
      expect(str(g.ServicePrincipalId)).toBe(str(s.ServicePrincipalId));
    }
  });

  it('moves the risky service principal from at risk to confirmed compromised, with the audit record', () => {
    const sp = str(detection.ServicePrincipalId);
    // The story's own records: the baseline writes unrelated risky-SP states for the same few apps.
    const { activities, tenant } = storyOnly({ story: 'risky-workload-identity' });
    const states = (laRows(activities, tenant).get('AADRiskyServicePrincipals') ?? [])
      .filter((r) => str(r.Id) === sp)
      .sort((a, b) => ms(a.TimeGenerated) - ms(b.TimeGenerated));
    expect(states.map((r) => str(r.RiskState))).toEqual(['atRisk', 'confirmedCompromised']);
    expect(ms(states[0]!.TimeGenerated)).toBeGreaterThanOrEqual(ms(detection.DetectedDateTime));
    const audit = rowsOf(o, 'AuditLogs').filter((r) => r.OperationName === 'ConfirmServicePrincipalCompromised');
    expect(audit).toHaveLength(1);
    expect(dyn<Array<{ id: string; type: string }>>(audit[0]!.TargetResources)[0]).toMatchObject({ id: sp, type: 'ServicePrincipal' });
  });
});

// ---------------------------------------------------------------------------------------
// graph-recon
// ---------------------------------------------------------------------------------------
describe('graph-recon', () => {
  let o: Observed;
  let signIn: JsonObject;
  let burst: JsonObject[];

  beforeAll(() => {
    o = storyRun({ story: 'graph-recon' }, ['NonInteractiveUserSignInLogs', 'MicrosoftGraphActivityLogs'], { activities: false });
    signIn = rowsOf(o, 'AADNonInteractiveUserSignInLogs').find((r) => str(r.UserAgent).startsWith('azurehound/'))!;
    burst = rowsOf(o, 'MicrosoftGraphActivityLogs').filter((g) => str(g.SignInActivityId) === str(signIn.UniqueTokenIdentifier));
  }, 120_000);

  it('trips AzureHound reconnaissance detected for the stolen token user only', () => {
    const alerts = azureHoundReconnaissance(rowsOf(o, 'MicrosoftGraphActivityLogs'), WEEK_START, DAY_END);
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts.every((a) => a.objectId === str(signIn.UserId) && a.confidence > 0.7)).toBe(true);
    expect(alerts[0]!.ipAddresses).toEqual([str(signIn.IPAddress)]);
  });

  it('trips AzureHound activity detected and Sigma Discovery Using AzureHound', () => {
    const groups = azureHoundActivity(rowsOf(o, 'MicrosoftGraphActivityLogs'));
    expect(groups).toHaveLength(1);
    expect(groups[0]!.queriesSent).toBe(burst.length);
    expect(str(groups[0]!.first.SignInActivityId)).toBe(str(signIn.UniqueTokenIdentifier));
    expect(azureHoundSigma.detect(rowsOf(o, 'AADNonInteractiveUserSignInLogs'))).toHaveLength(1);
  });

  it('ties every request of the burst to the sign-in: token, session, issue time, IP', () => {
    expect(burst.length).toBeGreaterThan(40);
    for (const g of burst) {
      expect(str(g.UserId)).toBe(str(signIn.UserId));
      expect(str(g.AppId)).toBe(str(signIn.AppId));
      expect(str(g.IPAddress)).toBe(str(signIn.IPAddress));
      expect(ms(g.TokenIssuedAt)).toBe(Math.floor(ms(signIn.CreatedDateTime) / 1000) * 1000);
      expect(ms(g.TimeGenerated)).toBeGreaterThanOrEqual(ms(signIn.CreatedDateTime));
    }
    // The token's session (sid): not a table column, in the record's properties (C_Sid).
    const { activities, tenant } = storyOnly({ story: 'graph-recon' });
    const ctx: RenderContext = { tenant, workspaceId: stableUuid('detections/workspace') };
    const sids = new Set(activities.filter((a) => a.category === 'MicrosoftGraphActivityLogs').map((a) => str((categoryModule(a.category).toDiagnostic(a, ctx).properties as JsonObject).C_Sid)));
    expect([...sids]).toEqual([str(signIn.SessionId)]);
    const statuses = burst.map((g) => Number(g.ResponseStatusCode));
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(30);
    expect(statuses.filter((s) => s === 403).length).toBeGreaterThanOrEqual(2);
    const endpoints = new Set(burst.map((g) => normalizeRequestUri(str(g.RequestUri))));
    expect(endpoints.size).toBeGreaterThanOrEqual(14);
    // The burst is one collector run: minutes, not hours.
    const span = Math.max(...burst.map((g) => ms(g.TimeGenerated))) - Math.min(...burst.map((g) => ms(g.TimeGenerated)));
    expect(span).toBeLessThan(35 * 60_000);
  });

  it('GraphRunner: trips GraphRunner reconnaissance detected', () => {
    const { activities, tenant } = storyOnly({ story: 'graph-recon', params: { tool: 'graphrunner' } });
    const g = laRows(activities, tenant).get('MicrosoftGraphActivityLogs') ?? [];
    const alerts = graphRunnerReconnaissance(g, WEEK_START, DAY_END);
    expect(alerts.length).toBeGreaterThan(0);
    expect(azureHoundActivity(g)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------
// gsa-malicious-destination
// ---------------------------------------------------------------------------------------
describe('gsa-malicious-destination', () => {
  let o: Observed;
  let tenant: Tenant;

  beforeAll(() => {
    o = storyRun({ story: 'gsa-malicious-destination' }, ['NetworkAccessTrafficLogs'], { activities: false });
    tenant = storyOnly({ story: 'gsa-malicious-destination' }).tenant;
    expect(tenant.id).toBe(o.tenantId);
  }, 120_000);

  it('trips GSA TI Domain, URL and IP entity with the campaign feed', () => {
    const traffic = rowsOf(o, 'NetworkAccessTraffic');
    const feed = threatIntelFor(tenant, WEEK_START);
    const infra = threatInfrastructure(tenant);
    const domains = gsaTiDomainEntity(traffic, feed, WEEK_START, DAY_END);
    expect(new Set(domains.map((a) => str(a.traffic.DestinationFqdn)))).toEqual(new Set([infra.lureFqdn, infra.payloadFqdn]));
    const urls = gsaTiUrlEntity(traffic, feed, WEEK_START, DAY_END);
    expect(urls.map((a) => str(a.traffic.DestinationUrl))).toEqual([infra.payloadUrl]);
    const ips = gsaTiIpEntity(traffic, feed, WEEK_START, DAY_END);
    expect(ips.length).toBeGreaterThan(0);
    expect(ips.every((a) => str(a.traffic.DestinationIp) === infra.ip)).toBe(true);
    expect(tenant.networkOfIp(infra.ip)?.kind).toBe('hosting');
  });

  it('blocks the phishing site by threat intelligence and allows the payload host, from one user', () => {
    const infra = threatInfrastructure(tenant);
    const mine = rowsOf(o, 'NetworkAccessTraffic').filter((r) => str(r.DestinationIp) === infra.ip);
    const blocked = mine.filter((r) => r.Action === 'Block');
    const allowed = mine.filter((r) => r.Action === 'Allow');
    expect(blocked.length).toBe(3);
    expect(blocked.every((r) => r.ThreatType === 'Phishing' && r.PolicyName === 'Threat intelligence' && r.DestinationFqdn === infra.lureFqdn && Number(r.ReceivedBytes) === 0)).toBe(true);
    expect(allowed.length).toBe(6);
    expect(allowed.every((r) => r.DestinationFqdn === infra.payloadFqdn && r.ThreatType === '')).toBe(true);
    expect(new Set(mine.map((r) => str(r.UserPrincipalName))).size).toBe(1);
    expect(new Set(mine.map((r) => str(r.SourceIp))).size).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------
// remote-network-unhealthy
// ---------------------------------------------------------------------------------------
describe('remote-network-unhealthy', () => {
  let o: Observed;
  let network: string;
  let story: Set<string>;

  beforeAll(() => {
    o = storyRun({ story: 'remote-network-unhealthy' }, ['RemoteNetworkHealthLogs'], { activities: false });
    const { activities, tenant } = storyOnly({ story: 'remote-network-unhealthy' });
    story = new Set(activities.map((a) => a.id));
    network = str(laRows(activities, tenant).get('RemoteNetworkHealthLogs')![0]!.RemoteNetworkId);
  }, 120_000);

  it('trips tunnel flapping and tunnel down for the branch', () => {
    const rows = rowsOf(o, 'RemoteNetworkHealthLogs');
    const flaps = remoteNetworkTunnelFlapping(rows).filter((a) => a.remoteNetworkId === network);
    expect(flaps).toHaveLength(1);
    expect(flaps[0]!.disconnects).toBeGreaterThanOrEqual(3);
    const down = remoteNetworkTunnelDown(rows.filter((r) => story.has(str(r.Id))), DAY_END);
    expect(down).toHaveLength(1);
    expect(down[0]!.remoteNetworkId).toBe(network);
    expect(down[0]!.reconnectedAt! - down[0]!.disconnectedAt).toBeGreaterThanOrEqual(35 * 60_000);
    // With the day's baseline around it, the branch's outage is among the rule's alerts.
    expect(remoteNetworkTunnelDown(rows, DAY_END).some((a) => a.disconnectedAt === down[0]!.disconnectedAt)).toBe(true);
  });

  it('stops the 15-minute heartbeats while the tunnel is down and resumes them after recovery', () => {
    const mine = rowsOf(o, 'RemoteNetworkHealthLogs')
      .filter((r) => story.has(str(r.Id)))
      .sort((a, b) => ms(a.TimeGenerated) - ms(b.TimeGenerated));
    const down = remoteNetworkTunnelDown(mine, DAY_END)[0]!;
    const alive = mine.filter((r) => r.Status === 'remoteNetworkAlive').map((r) => ms(r.TimeGenerated));
    expect(alive.some((t) => t > down.disconnectedAt && t < down.reconnectedAt!)).toBe(false);
    expect(alive.some((t) => t > down.reconnectedAt!)).toBe(true);
    expect(alive.some((t) => t < down.disconnectedAt)).toBe(true);
    // Every disconnect has its reconnect, and BGP comes back after the tunnel.
    const statuses = mine.map((r) => str(r.Status));
    expect(statuses.filter((s) => s === 'tunnelDisconnected').length).toBe(statuses.filter((s) => s === 'tunnelConnected').length);
    expect(statuses.filter((s) => s === 'bgpDisconnected').length).toBe(statuses.filter((s) => s === 'bgpConnected').length);
    expect(mine.filter((r) => r.Status !== 'remoteNetworkAlive').at(-1)!.Status).toBe('bgpConnected');
  });
});
