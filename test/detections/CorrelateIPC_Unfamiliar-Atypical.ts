/**
 * Sentinel "Correlate Unfamiliar sign-in properties & atypical travel alerts"
 * (id a3df4a32-4805-4c6d-8699-f3c888af2f67), Microsoft Entra ID Protection solution.
 * Source: Azure/Azure-Sentinel Solutions/Microsoft Entra ID Protection/Analytic Rules/CorrelateIPC_Unfamiliar-Atypical.yaml
 * (commit 1789062c1eb63e968b022e90cb76b735a0a6472d). queryFrequency 1d, queryPeriod 14d.
 *
 * The rule reads SecurityAlert: Identity Protection alerts "Unfamiliar sign-in properties"
 * and "Atypical travel" for the same account (joined through IdentityInfo on the Entra
 * user id), `abs(datetime_diff('minute', unfamiliar, atypical)) <= 10`, atypical alerts
 * whose Comments do not start with "Risk detail: Admin". entrasim does not produce
 * SecurityAlert; Identity Protection raises one alert per risk detection, so the part that
 * applies is run on AADUserRiskEvents: each detection's first row is its alert (time =
 * DetectedDateTime, account = UserId), atypical travel = `unlikelyTravel`, unfamiliar
 * properties = `unfamiliarFeatures`, and the Comments exclusion is a RiskDetail starting
 * with "admin". The daily `ago(1d)` window is not modelled: any pair within 10 minutes.
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { ms } from './harness.ts';

export const COLUMNS = ['Id', 'TimeGenerated', 'DetectedDateTime', 'RiskEventType', 'RiskDetail', 'UserId', 'UserPrincipalName'];

export interface CorrelatedAlerts {
  readonly userId: string;
  readonly unfamiliar: JsonObject;
  readonly atypical: JsonObject;
  /** Minutes between them as KQL's datetime_diff counts them (minute boundaries crossed). */
  readonly deltaMinutes: number;
}

/** One alert per detection: its earliest row (a detection is written again on every change). */
function alerts(rows: ReadonlyArray<JsonObject>, type: string): JsonObject[] {
  const first = new Map<string, JsonObject>();
  for (const r of rows) {
    if (r.RiskEventType !== type) continue;
    const id = String(r.Id);
    const seen = first.get(id);
    if (!seen || ms(r.TimeGenerated) < ms(seen.TimeGenerated)) first.set(id, r);
  }
  return [...first.values()];
}

/** KQL datetime_diff('minute', a, b): whole-minute boundaries between the two instants. */
function minuteDiff(a: number, b: number): number {
  return Math.floor(a / 60_000) - Math.floor(b / 60_000);
}

export function correlateUnfamiliarAtypical(rows: ReadonlyArray<JsonObject>): CorrelatedAlerts[] {
  const unfamiliar = alerts(rows, 'unfamiliarFeatures');
  const atypical = alerts(rows, 'unlikelyTravel').filter((r) => !String(r.RiskDetail ?? '').toLowerCase().startsWith('admin'));
  const byUser = new Map<string, JsonObject[]>();
  for (const a of atypical) {
    const u = String(a.UserId);
    const list = byUser.get(u);
    if (list) list.push(a);
    else byUser.set(u, [a]);
  }
  const out: CorrelatedAlerts[] = [];
  for (const u of unfamiliar) {
    for (const a of byUser.get(String(u.UserId)) ?? []) {
      const d = minuteDiff(ms(u.DetectedDateTime), ms(a.DetectedDateTime));
      if (Math.abs(d) <= 10) out.push({ userId: String(u.UserId), unfamiliar: u, atypical: a, deltaMinutes: d });
    }
  }
  return out;
}
