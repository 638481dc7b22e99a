/**
 * Sentinel "Suspicious application consent similar to PwnAuth" (Medium), translated.
 * Source: Azure/Azure-Sentinel "Solutions/Microsoft Entra ID/Analytic Rules/MaliciousOAuthApp_PwnAuth.yaml"
 * @ 2ed64a7541f9fd847120f1c0174cd33e8473cc6f (1.0.2). Runs daily over 1d, joins 14d.
 *
 * As "Suspicious application consent for offline access" (same consent filter, same inner join
 * on CorrelationId with a delegated permission grant, same ineffective known-apps exclusion),
 * but the ConsentAction.Permissions property (its JSON text) must have all of user.read,
 * offline_access, mail.readwrite, mail.send, files.read.all — PwnAuth's default scopes.
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { DAY, eqi, has, inLast, initiator, modifiedProperties, targets, type RuleInfo } from './_directory-changes-kql.ts';
import { parseConsent } from './SuspiciousOAuthApp_OfflineAccess.ts';

export const RULE: RuleInfo = {
  name: 'Suspicious application consent similar to PwnAuth',
  source: 'Azure/Azure-Sentinel:Solutions/Microsoft Entra ID/Analytic Rules/MaliciousOAuthApp_PwnAuth.yaml@2ed64a7541f9fd847120f1c0174cd33e8473cc6f',
  queryFrequency: DAY,
  queryPeriod: 14 * DAY,
  triggerThreshold: 0,
};

const PWNAUTH = ['user.read', 'offline_access', 'mail.readwrite', 'mail.send', 'files.read.all'];

export interface Match {
  readonly time: string;
  readonly appDisplayName: string;
  readonly initiatedBy: string;
  readonly correlationId: string;
}

export function evaluate(audit: ReadonlyArray<JsonObject>, now: number): Match[] {
  const grants = new Set<string>();
  for (const r of inLast(audit, now, 14 * DAY)) {
    if (!eqi(r.LoggedByService, 'Core Directory') || !eqi(r.Category, 'ApplicationManagement')) continue;
    if (!eqi(r.OperationName, 'Add OAuth2PermissionGrant') && !eqi(r.OperationName, 'Add delegated permission grant')) continue;
    if (targets(r).some((t) => eqi(t.type, 'ServicePrincipal') && modifiedProperties(t).length > 0 && t.displayName !== null && t.displayName !== undefined)) grants.add(String(r.CorrelationId));
  }
  const out: Match[] = [];
  for (const r of inLast(audit, now, DAY)) {
    if (!eqi(r.LoggedByService, 'Core Directory') || !eqi(r.Category, 'ApplicationManagement') || !eqi(r.OperationName, 'Consent to application')) continue;
    if (!has(r.TargetResources, 'offline')) continue;
    for (const t of targets(r).filter((x) => eqi(x.type, 'ServicePrincipal'))) {
      for (const p of modifiedProperties(t).filter((m) => eqi(m.displayName, 'ConsentAction.Permissions'))) {
        const text = JSON.stringify(p);
        if (!PWNAUTH.every((s) => has(text, s))) continue;
        if ((parseConsent(text)?.consentType ?? '') === 'AllPrincipals') continue;
        if (!grants.has(String(r.CorrelationId))) continue;
        out.push({ time: String(r.TimeGenerated), appDisplayName: String(t.displayName ?? ''), initiatedBy: initiator(r).name, correlationId: String(r.CorrelationId) });
      }
    }
  }
  return out;
}
