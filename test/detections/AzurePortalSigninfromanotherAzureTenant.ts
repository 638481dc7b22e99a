/**
 * Sentinel "Azure Portal sign in from another Azure Tenant" (Medium), translated.
 * Source: Azure/Azure-Sentinel "Solutions/Microsoft Entra ID/Analytic Rules/
 * AzurePortalSigninfromanotherAzureTenant.yaml" @ cbb05d9204c89a9d83d8ec69b59dea4fc9b207a8
 * (2.0.3). Runs hourly over 1h.
 *
 * SigninLogs with ResultType 0, AppDisplayName =~ "Azure Portal", IPAddress in Azure's
 * published ranges (ServiceTags_Public.json), HomeTenantId != ResourceTenantId and
 * ResourceTenantId == AADTenantId; summarised per user, IP, user agent, location, tenants.
 *
 * The Azure ranges feed is external data: here "an Azure IP" is an address of the tenant's
 * Microsoft hosting network (AS8075), the network the simulator draws Azure addresses from.
 */
import type { JsonObject } from '../../src/core/activity.ts';
import type { Tenant } from '../../src/tenant/types.ts';
import { eqi, HOUR, inLast, type RuleInfo } from './_directory-changes-kql.ts';

export const RULE: RuleInfo = {
  name: 'Azure Portal sign in from another Azure Tenant',
  source: 'Azure/Azure-Sentinel:Solutions/Microsoft Entra ID/Analytic Rules/AzurePortalSigninfromanotherAzureTenant.yaml@cbb05d9204c89a9d83d8ec69b59dea4fc9b207a8',
  queryFrequency: HOUR,
  queryPeriod: HOUR,
  triggerThreshold: 0,
};

export interface Match {
  readonly userPrincipalName: string;
  readonly ipAddress: string;
  readonly homeTenantId: string;
  readonly firstSeen: string;
}

export function isAzureIp(tenant: Tenant, ip: string): boolean {
  const n = tenant.networkOfIp(ip);
  return n !== undefined && n.kind === 'hosting' && n.asn === 8075;
}

export function evaluate(signIns: ReadonlyArray<JsonObject>, now: number, tenant: Tenant): Match[] {
  const out = new Map<string, Match>();
  for (const r of inLast(signIns, now, HOUR)) {
    if (String(r.ResultType) !== '0' || !eqi(r.AppDisplayName, 'Azure Portal')) continue;
    if (!isAzureIp(tenant, String(r.IPAddress))) continue;
    if (r.HomeTenantId === r.ResourceTenantId || r.ResourceTenantId !== r.AADTenantId) continue;
    const k = `${r.UserPrincipalName}|${r.IPAddress}|${r.UserAgent}|${r.HomeTenantId}`;
    if (!out.has(k)) out.set(k, { userPrincipalName: String(r.UserPrincipalName), ipAddress: String(r.IPAddress), homeTenantId: String(r.HomeTenantId), firstSeen: String(r.TimeGenerated) });
  }
  return [...out.values()];
}
