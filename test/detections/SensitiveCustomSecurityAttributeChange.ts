/**
 * "Sensitive custom security attribute changed on a privileged user" — an entrasim-defined
 * condition: no public Sentinel analytics rule or Sigma rule reads
 * AADCustomSecurityAttributeAuditLogs (searched Azure/Azure-Sentinel and SigmaHQ/sigma, 2026).
 *
 * Built from Microsoft's guidance: the table's sample query ("User's custom security attribute
 * audits": AADCustomSecurityAttributeAuditLogs filtered on the target user's UPN,
 * learn.microsoft.com/azure/azure-monitor/reference/queries/aadcustomsecurityattributeauditlogs)
 * applied to a watchlist of sensitive users, as Entra's security-operations guide for
 * privileged accounts asks ("monitor changes to privileged accounts"), and to the attributes
 * used for access decisions (attribute-based access control and Conditional Access filters).
 *
 * Condition: OperationName "Update attribute values assigned to a user", Result success, the
 * target user is in the sensitive-user watchlist (default: the tenant's privileged role
 * holders), and a modified property of a sensitive attribute set (default `Security.`) gets a
 * new value different from the old one. Runs hourly over 1h.
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { eqi, HOUR, inLast, initiator, modifiedProperties, targets, type RuleInfo } from './_directory-changes-kql.ts';

export const RULE: RuleInfo = {
  name: 'Sensitive custom security attribute changed on a privileged user',
  source: 'entrasim definition (Microsoft AADCustomSecurityAttributeAuditLogs sample query + Entra security-operations guidance for privileged accounts)',
  queryFrequency: HOUR,
  queryPeriod: HOUR,
  triggerThreshold: 0,
};

export interface Match {
  readonly time: string;
  readonly target: string;
  readonly attribute: string;
  readonly oldValue: string | null;
  readonly newValue: string | null;
  readonly initiatedBy: string;
  readonly ipAddress: string;
}

export function evaluate(rows: ReadonlyArray<JsonObject>, now: number, sensitiveUserIds: ReadonlySet<string>, sensitiveSets: ReadonlyArray<string> = ['Security']): Match[] {
  const out: Match[] = [];
  for (const r of inLast(rows, now, HOUR)) {
    if (r.OperationName !== 'Update attribute values assigned to a user' || !eqi(r.Result, 'success')) continue;
    const who = initiator(r);
    for (const t of targets(r).filter((x) => eqi(x.type, 'User') && sensitiveUserIds.has(String(x.id)))) {
      for (const p of modifiedProperties(t)) {
        if (!sensitiveSets.some((s) => p.displayName.startsWith(`${s}.`)) || p.oldValue === p.newValue) continue;
        out.push({ time: String(r.TimeGenerated), target: String(t.userPrincipalName ?? ''), attribute: p.displayName, oldValue: p.oldValue, newValue: p.newValue, initiatedBy: who.name, ipAddress: who.ipAddress });
      }
    }
  }
  return out;
}
