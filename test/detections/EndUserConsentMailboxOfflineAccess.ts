/**
 * Sentinel "End-user consent to app with mailbox and offline access delegated scopes" (High),
 * translated. Source: Azure/Azure-Sentinel "Solutions/Microsoft Entra ID/Analytic Rules/
 * EndUserConsentMailboxOfflineAccess.yaml" @ d14dc608134ddcd95bf3c4fb9e4f85d392cf6d00 (1.0.0).
 * Runs daily over 1d.
 *
 * Core Directory / ApplicationManagement "Consent to application" whose TargetResources has
 * "offline_access"; per ServicePrincipal target, ConsentAction.Permissions (quotes trimmed) has
 * offline_access and any of Mail.Read, Mail.ReadWrite, Mail.Send, MailboxSettings.ReadWrite;
 * the scope text parsed between ", Scope: " and "]" split on single spaces contains
 * "offline_access" and one of those four exactly (so a scope followed by "," — the last one of
 * the list in Entra's format — does not count); the consent type is not AllPrincipals.
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { DAY, eqi, has, hasAny, inLast, initiator, modifiedProperties, targets, trimQuotes, type RuleInfo } from './_directory-changes-kql.ts';
import { parseConsent } from './SuspiciousOAuthApp_OfflineAccess.ts';

export const RULE: RuleInfo = {
  name: 'End-user consent to app with mailbox and offline access delegated scopes',
  source: 'Azure/Azure-Sentinel:Solutions/Microsoft Entra ID/Analytic Rules/EndUserConsentMailboxOfflineAccess.yaml@d14dc608134ddcd95bf3c4fb9e4f85d392cf6d00',
  queryFrequency: DAY,
  queryPeriod: DAY,
  triggerThreshold: 0,
};

const MAILBOX = ['Mail.Read', 'Mail.ReadWrite', 'Mail.Send', 'MailboxSettings.ReadWrite'];

export interface Match {
  readonly time: string;
  readonly user: string;
  readonly appDisplayName: string;
  readonly ipAddress: string;
  readonly scope: string;
  readonly correlationId: string;
}

export function evaluate(audit: ReadonlyArray<JsonObject>, now: number): Match[] {
  const out: Match[] = [];
  for (const r of inLast(audit, now, DAY)) {
    if (!eqi(r.LoggedByService, 'Core Directory') || !eqi(r.Category, 'ApplicationManagement') || !eqi(r.OperationName, 'Consent to application')) continue;
    if (!has(r.TargetResources, 'offline_access')) continue;
    for (const t of targets(r).filter((x) => eqi(x.type, 'ServicePrincipal'))) {
      for (const p of modifiedProperties(t).filter((m) => eqi(m.displayName, 'ConsentAction.Permissions'))) {
        const full = trimQuotes(p.newValue ?? '');
        if (!has(full, 'offline_access') || !hasAny(full, MAILBOX)) continue;
        const parsed = parseConsent(full);
        const scopes = (parsed?.scope ?? '').split(' ');
        if (!scopes.includes('offline_access') || !MAILBOX.some((m) => scopes.includes(m))) continue;
        if ((parsed?.consentType ?? '') === 'AllPrincipals') continue;
        const who = initiator(r);
        out.push({ time: String(r.TimeGenerated), user: who.userPrincipalName, appDisplayName: String(t.displayName ?? ''), ipAddress: who.ipAddress, scope: parsed?.scope ?? '', correlationId: String(r.CorrelationId) });
      }
    }
  }
  return out;
}
