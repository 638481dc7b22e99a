/**
 * Sentinel "Account Created and Deleted in Short Timeframe" (High), translated.
 * Source: Azure/Azure-Sentinel "Solutions/Microsoft Entra ID/Analytic Rules/
 * AccountCreatedandDeletedinShortTimeframe.yaml" @ b18825409e5810e3c85e16a01e23849ae1c98da9
 * (1.1.0). Runs hourly; deletions of the last hour, creations of the last day.
 *
 * "Delete user" per User target, UPN with the 32-hex-digit prefix Entra adds to deleted users
 * removed (`extract(@'([a-f0-9]{32})?(.*)', 2, …)`), joined on UPN with "Add user" User targets
 * of the last day (quotes trimmed); deletion 0 s – 1 d after creation.
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { DAY, HOUR, inLast, initiator, targets, trimQuotes, type RuleInfo } from './_directory-changes-kql.ts';

export const RULE: RuleInfo = {
  name: 'Account Created and Deleted in Short Timeframe',
  source: 'Azure/Azure-Sentinel:Solutions/Microsoft Entra ID/Analytic Rules/AccountCreatedandDeletedinShortTimeframe.yaml@b18825409e5810e3c85e16a01e23849ae1c98da9',
  queryFrequency: HOUR,
  queryPeriod: DAY,
  triggerThreshold: 0,
};

export interface Match {
  readonly upn: string;
  readonly created: string;
  readonly deleted: string;
  readonly createdBy: string;
  readonly deletedBy: string;
  readonly deletedByIp: string;
}

export function evaluate(audit: ReadonlyArray<JsonObject>, now: number): Match[] {
  const creations = new Map<string, JsonObject[]>();
  for (const r of inLast(audit, now, DAY)) {
    if (String(r.OperationName).toLowerCase() !== 'add user') continue;
    for (const t of targets(r).filter((x) => x.type === 'User')) {
      const upn = trimQuotes(String(t.userPrincipalName ?? ''));
      creations.set(upn, [...(creations.get(upn) ?? []), r]);
    }
  }
  const out: Match[] = [];
  for (const d of inLast(audit, now, HOUR)) {
    if (String(d.OperationName).toLowerCase() !== 'delete user') continue;
    for (const t of targets(d).filter((x) => x.type === 'User')) {
      const upn = /^([a-f0-9]{32})?(.*)$/s.exec(String(t.userPrincipalName ?? ''))![2]!;
      for (const c of creations.get(upn) ?? []) {
        const delta = Date.parse(String(d.TimeGenerated)) - Date.parse(String(c.TimeGenerated));
        if (delta < 0 || delta > DAY) continue;
        out.push({ upn, created: String(c.TimeGenerated), deleted: String(d.TimeGenerated), createdBy: initiator(c).name, deletedBy: initiator(d).name, deletedByIp: initiator(d).userIp });
      }
    }
  }
  return out;
}
