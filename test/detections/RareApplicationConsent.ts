/**
 * Sentinel "Rare application consent" (Medium), translated. Source: Azure/Azure-Sentinel
 * "Solutions/Microsoft Entra ID/Analytic Rules/RareApplicationConsent.yaml"
 * @ 1b4ccf67c11f615b5400fbe44a4f4e5f8893becb (1.1.5). Runs daily over 7d; alerts when the
 * query returns MORE THAN 3 rows (triggerOperator gt, triggerThreshold 3).
 *
 * History: "Consent to application" between 7d and 1d ago, counted per (OperationName,
 * initiator UPN or app name, lower-cased ServicePrincipal target name); only pairs seen more
 * than 3 times are "usual". Current day: each consent whose initiator is not a usual one
 * ("Previously unseen user consenting") or whose app is not a usual one ("Previously unseen
 * app granted consent") is a row; the union is summarised per event, so one row per consent.
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { between, DAY, eqi, has, initiator, inLast, targets, type RuleInfo } from './_directory-changes-kql.ts';

export const RULE: RuleInfo = {
  name: 'Rare application consent',
  source: 'Azure/Azure-Sentinel:Solutions/Microsoft Entra ID/Analytic Rules/RareApplicationConsent.yaml@1b4ccf67c11f615b5400fbe44a4f4e5f8893becb',
  queryFrequency: DAY,
  queryPeriod: 7 * DAY,
  triggerThreshold: 3,
};

export interface Match {
  readonly time: string;
  readonly initiatedBy: string;
  readonly app: string;
  readonly reasons: ReadonlyArray<string>;
  readonly correlationId: string;
}

function consents(rows: ReadonlyArray<JsonObject>): Array<{ row: JsonObject; by: string; app: string }> {
  const out: Array<{ row: JsonObject; by: string; app: string }> = [];
  for (const r of rows) {
    if (!has(r.OperationName, 'Consent to application')) continue;
    const by = initiator(r).name;
    // mv-apply keeps one row per ServicePrincipal target (and drops consents without one).
    for (const t of targets(r).filter((x) => eqi(x.type, 'ServicePrincipal'))) out.push({ row: r, by, app: String(t.displayName ?? '').toLowerCase() });
  }
  return out;
}

export function evaluate(audit: ReadonlyArray<JsonObject>, now: number): Match[] {
  const counts = new Map<string, number>();
  for (const c of consents(between(audit, now - 7 * DAY, now - DAY))) {
    const k = `${c.row.OperationName}\u0000${c.by}\u0000${c.app}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const usualBy = new Set<string>();
  const usualApp = new Set<string>();
  for (const [k, n] of counts) {
    if (n <= 3) continue;
    const [op, by, app] = k.split('\u0000') as [string, string, string];
    usualBy.add(`${op}\u0000${by}`);
    usualApp.add(`${op}\u0000${app}`);
  }
  const out: Match[] = [];
  for (const c of consents(inLast(audit, now, DAY))) {
    const reasons: string[] = [];
    if (!usualBy.has(`${c.row.OperationName}\u0000${c.by}`)) reasons.push('Previously unseen user consenting');
    if (!usualApp.has(`${c.row.OperationName}\u0000${c.app}`)) reasons.push('Previously unseen app granted consent');
    if (reasons.length > 0) out.push({ time: String(c.row.TimeGenerated), initiatedBy: c.by, app: c.app, reasons, correlationId: String(c.row.CorrelationId) });
  }
  return out;
}
