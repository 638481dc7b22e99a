/**
 * Sentinel "Suspicious application consent for offline access" (severity Low), translated.
 * Source: Azure/Azure-Sentinel "Solutions/Microsoft Entra ID/Analytic Rules/SuspiciousOAuthApp_OfflineAccess.yaml"
 * @ 906bf617f0f2d9d434935a33a652fc3d5b71cddb (version 1.0.2). Runs daily over 1d, joins 14d.
 *
 * AuditLogs in the last day, Core Directory / ApplicationManagement "Consent to application"
 * whose TargetResources has "offline"; per ServicePrincipal target, the ConsentAction.Permissions
 * text (quotes trimmed) has "offline_access" and any of Files.Read, Mail.Read, Notes.Read,
 * ChannelMessage.Read, Chat.Read, TeamsActivity.Read, Group.Read, EWS.AccessAsUser.All,
 * EAS.AccessAsUser.All; consent type (parsed between "ConsentType: " and ", Scope: ") is not
 * AllPrincipals; inner join on CorrelationId with an "Add OAuth2PermissionGrant" / "Add
 * delegated permission grant" of the last 14 days that has a ServicePrincipal target with
 * modified properties and a display name. The leftouter join with "Add service principal"
 * only adds reply URLs and changes nothing.
 *
 * Not applied: the KnownApplications CSV exclusion. It compares the service principal's
 * object id (`TargetResource.id`) to the app ids in the feed, which never match in a tenant
 * (object ids are per tenant), so the exclusion keeps every row.
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { DAY, eqi, has, hasAny, inLast, initiator, isnotempty, modifiedProperties, targets, trimQuotes, type RuleInfo } from './_directory-changes-kql.ts';

export const RULE: RuleInfo = {
  name: 'Suspicious application consent for offline access',
  source: 'Azure/Azure-Sentinel:Solutions/Microsoft Entra ID/Analytic Rules/SuspiciousOAuthApp_OfflineAccess.yaml@906bf617f0f2d9d434935a33a652fc3d5b71cddb',
  queryFrequency: DAY,
  queryPeriod: 14 * DAY,
  triggerThreshold: 0,
};

const READ_SCOPES = ['Files.Read', 'Mail.Read', 'Notes.Read', 'ChannelMessage.Read', 'Chat.Read', 'TeamsActivity.Read', 'Group.Read', 'EWS.AccessAsUser.All', 'EAS.AccessAsUser.All'];

export interface Match {
  readonly time: string;
  readonly consentType: string;
  readonly appDisplayName: string;
  readonly appClientId: string;
  readonly initiatedBy: string;
  readonly ipAddress: string;
  readonly correlationId: string;
}

/** `parse ConsentFull with * "ConsentType: " GrantConsentType ", Scope: " GrantScope1 "]" *` */
export function parseConsent(full: string): { consentType: string; scope: string } | undefined {
  const a = full.indexOf('ConsentType: ');
  if (a < 0) return undefined;
  const b = full.indexOf(', Scope: ', a + 13);
  if (b < 0) return undefined;
  const c = full.indexOf(']', b + 9);
  if (c < 0) return undefined;
  return { consentType: full.slice(a + 13, b), scope: full.slice(b + 9, c) };
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
        const full = trimQuotes(p.newValue ?? '');
        const parsed = parseConsent(full);
        if (!has(full, 'offline_access') || !hasAny(full, READ_SCOPES)) continue;
        // `parse` leaves the column empty when the text doesn't match; "" != "AllPrincipals" keeps the row.
        if ((parsed?.consentType ?? '') === 'AllPrincipals') continue;
        if (!grants.has(String(r.CorrelationId))) continue;
        const who = initiator(r);
        out.push({
          time: String(r.TimeGenerated),
          consentType: parsed?.consentType ?? '',
          appDisplayName: String(t.displayName ?? ''),
          appClientId: String(t.id ?? '').toLowerCase(),
          initiatedBy: who.name,
          ipAddress: isnotempty(who.ipAddress) ? who.ipAddress : '',
          correlationId: String(r.CorrelationId),
        });
      }
    }
  }
  return out;
}
