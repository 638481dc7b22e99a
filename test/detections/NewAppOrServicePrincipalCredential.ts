/**
 * Sentinel "New access credential added to Application or Service Principal" (Medium),
 * translated. Source: Azure/Azure-Sentinel "Solutions/Microsoft Entra ID/Analytic Rules/
 * NewAppOrServicePrincipalCredential.yaml" @ f12574be78464b8293c1c3bbc6e25d5716a5a5f8 (1.1.2).
 * Runs hourly over 1h. The NRT twin (NRT_NewAppOrServicePrincipalCredential.yaml) is the same
 * query with `diff != "[]"` for `isnotempty(diff)`: `evaluate(rows, now, period)` serves both.
 *
 * OperationName has_any ("Add service principal", "Certificates and secrets management"),
 * Result =~ success, initiator UPN (or app name) has "@"; per target of type Application
 * (mv-apply drops events without one: service-principal credential events never match), the
 * KeyDescription property: old value not "[]", new minus old not empty, and the added entry
 * parses as KeyIdentifier=…,KeyType=…,KeyUsage=Verify,DisplayName=….
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { eqi, has, hasAny, HOUR, inLast, initiator, modifiedProperties, targets, tostring, type RuleInfo } from './_directory-changes-kql.ts';

export const RULE: RuleInfo = {
  name: 'New access credential added to Application or Service Principal',
  source: 'Azure/Azure-Sentinel:Solutions/Microsoft Entra ID/Analytic Rules/NewAppOrServicePrincipalCredential.yaml@f12574be78464b8293c1c3bbc6e25d5716a5a5f8',
  queryFrequency: HOUR,
  queryPeriod: HOUR,
  triggerThreshold: 0,
};

export interface Match {
  readonly time: string;
  readonly operationName: string;
  readonly initiatedBy: string;
  readonly ipAddress: string;
  readonly targetDisplayName: string;
  readonly targetId: string;
  readonly keyIdentifier: string;
  readonly keyType: string;
}

/** `parse_json(tostring(x))` of a KeyDescription value: the list of key description strings. */
export function keyList(value: string | null): string[] | undefined {
  if (value === null) return undefined;
  try {
    const v: unknown = JSON.parse(value);
    return Array.isArray(v) ? v.map((x) => tostring(x)) : undefined;
  } catch {
    return undefined;
  }
}

/** `parse … with * "KeyIdentifier=" id ",KeyType=" type ",KeyUsage=" usage ",DisplayName=" name "]" *` */
export function parseKey(text: string): { keyIdentifier: string; keyType: string; keyUsage: string; keyDisplayName: string } | undefined {
  const m = /KeyIdentifier=(.*?),KeyType=(.*?),KeyUsage=(.*?),DisplayName=(.*?)\]/.exec(text);
  return m ? { keyIdentifier: m[1]!, keyType: m[2]!, keyUsage: m[3]!, keyDisplayName: m[4]! } : undefined;
}

export function evaluate(audit: ReadonlyArray<JsonObject>, now: number, period = HOUR): Match[] {
  const out: Match[] = [];
  for (const r of inLast(audit, now, period)) {
    if (!hasAny(r.OperationName, ['Add service principal', 'Certificates and secrets management'])) continue;
    if (!eqi(r.Result, 'success')) continue;
    const who = initiator(r);
    if (!has(who.userPrincipalName, '@') && !has(who.appDisplayName, '@')) continue;
    for (const t of targets(r).filter((x) => eqi(x.type, 'Application'))) {
      for (const p of modifiedProperties(t).filter((m) => eqi(m.displayName, 'KeyDescription'))) {
        const before = keyList(p.oldValue) ?? [];
        const after = keyList(p.newValue) ?? [];
        if (p.oldValue === '[]' || before.length === 0) continue;
        const diff = after.filter((k) => !before.includes(k));
        if (diff.length === 0) continue;
        const key = parseKey(JSON.stringify(diff));
        if (!key || !eqi(key.keyUsage, 'Verify')) continue;
        out.push({
          time: String(r.TimeGenerated),
          operationName: String(r.OperationName),
          initiatedBy: who.name,
          ipAddress: who.ipAddress,
          targetDisplayName: String(t.displayName ?? ''),
          targetId: String(t.id ?? ''),
          keyIdentifier: key.keyIdentifier,
          keyType: key.keyType,
        });
      }
    }
  }
  return out;
}
