/**
 * Sentinel "First access credential added to Application or Service Principal where no
 * credential was present" (High), translated. Source: Azure/Azure-Sentinel "Solutions/
 * Microsoft Entra ID/Analytic Rules/FirstAppOrServicePrincipalCredential.yaml"
 * @ bd3bf57a1e19dff871194db812d7675bbf4a6598 (1.1.5). Runs hourly over 1h.
 *
 * OperationName has "Certificates and secrets management", Result success, initiator UPN (or
 * app name) has "@"; per Application target, KeyDescription old value == "[]"; each new entry
 * parsing with KeyUsage=Verify is a row.
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { eqi, has, HOUR, inLast, initiator, modifiedProperties, targets, type RuleInfo } from './_directory-changes-kql.ts';
import { keyList, parseKey } from './NewAppOrServicePrincipalCredential.ts';

export const RULE: RuleInfo = {
  name: 'First access credential added to Application or Service Principal where no credential was present',
  source: 'Azure/Azure-Sentinel:Solutions/Microsoft Entra ID/Analytic Rules/FirstAppOrServicePrincipalCredential.yaml@bd3bf57a1e19dff871194db812d7675bbf4a6598',
  queryFrequency: HOUR,
  queryPeriod: HOUR,
  triggerThreshold: 0,
};

export interface Match {
  readonly time: string;
  readonly initiatedBy: string;
  readonly targetDisplayName: string;
  readonly keyIdentifier: string;
  readonly correlationId: string;
}

export function evaluate(audit: ReadonlyArray<JsonObject>, now: number): Match[] {
  const out: Match[] = [];
  for (const r of inLast(audit, now, HOUR)) {
    if (!has(r.OperationName, 'Certificates and secrets management') || !eqi(r.Result, 'success')) continue;
    const who = initiator(r);
    if (!has(who.userPrincipalName, '@') && !has(who.appDisplayName, '@')) continue;
    for (const t of targets(r).filter((x) => eqi(x.type, 'Application'))) {
      for (const p of modifiedProperties(t).filter((m) => eqi(m.displayName, 'KeyDescription'))) {
        if (p.oldValue !== '[]') continue;
        for (const entry of keyList(p.newValue) ?? []) {
          const key = parseKey(entry);
          if (key && eqi(key.keyUsage, 'Verify')) out.push({ time: String(r.TimeGenerated), initiatedBy: who.name, targetDisplayName: String(t.displayName ?? ''), keyIdentifier: key.keyIdentifier, correlationId: String(r.CorrelationId) });
        }
      }
    }
  }
  return out;
}
