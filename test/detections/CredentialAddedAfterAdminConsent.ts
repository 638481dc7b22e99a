/**
 * Sentinel "Credential added after admin consented to Application" (Medium), translated.
 * Source: Azure/Azure-Sentinel "Solutions/Microsoft Entra ID/Analytic Rules/
 * CredentialAddedAfterAdminConsent.yaml" @ bc043b8035deba6392cddcece2b78d4142c91b59 (1.0.2).
 * Runs daily over 2d.
 *
 * Successful "Consent to application" of the last 2 days with a ServicePrincipal target that
 * has ConsentContext.IsAdminConsent, ConsentAction.Permissions and TargetId.ServicePrincipalNames
 * properties (each mv-apply drops rows lacking one) — IsAdminConsent is extracted, never
 * filtered on — joined on (target name, target id) with successful "Add service principal
 * credentials" of the last day whose ServicePrincipal target has KeyDescription, Included
 * Updated Properties and TargetId.ServicePrincipalNames; consent before credential.
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { DAY, eqi, inLast, initiator, modifiedProperties, targets, type RuleInfo } from './_directory-changes-kql.ts';

export const RULE: RuleInfo = {
  name: 'Credential added after admin consented to Application',
  source: 'Azure/Azure-Sentinel:Solutions/Microsoft Entra ID/Analytic Rules/CredentialAddedAfterAdminConsent.yaml@bc043b8035deba6392cddcece2b78d4142c91b59',
  queryFrequency: DAY,
  queryPeriod: 2 * DAY,
  triggerThreshold: 0,
};

export interface Match {
  readonly timeConsent: string;
  readonly timeCred: string;
  readonly targetResourceName: string;
  readonly consentBy: string;
  readonly credentialBy: string;
  readonly isAdminConsent: string;
}

function spTargetsWith(r: JsonObject, names: ReadonlyArray<string>): JsonObject[] {
  return targets(r).filter((t) => eqi(t.type, 'ServicePrincipal') && names.every((n) => modifiedProperties(t).some((m) => eqi(m.displayName, n))));
}

export function evaluate(audit: ReadonlyArray<JsonObject>, now: number): Match[] {
  const creds: Array<{ r: JsonObject; t: JsonObject }> = [];
  for (const r of inLast(audit, now, DAY)) {
    if (!eqi(r.OperationName, 'Add service principal credentials') || !eqi(r.Result, 'success')) continue;
    for (const t of spTargetsWith(r, ['KeyDescription', 'Included Updated Properties', 'TargetId.ServicePrincipalNames'])) creds.push({ r, t });
  }
  const out: Match[] = [];
  for (const r of inLast(audit, now, 2 * DAY)) {
    if (!eqi(r.OperationName, 'Consent to application') || !eqi(r.Result, 'success')) continue;
    for (const t of spTargetsWith(r, ['ConsentContext.IsAdminConsent', 'ConsentAction.Permissions', 'TargetId.ServicePrincipalNames'])) {
      const admin = modifiedProperties(t).find((m) => eqi(m.displayName, 'ConsentContext.IsAdminConsent'))!;
      for (const c of creds) {
        if (String(c.t.displayName ?? '') !== String(t.displayName ?? '') || String(c.t.id ?? '') !== String(t.id ?? '')) continue;
        if (!(String(r.TimeGenerated) < String(c.r.TimeGenerated))) continue;
        out.push({
          timeConsent: String(r.TimeGenerated),
          timeCred: String(c.r.TimeGenerated),
          targetResourceName: String(t.displayName ?? ''),
          consentBy: initiator(r).name,
          credentialBy: initiator(c.r).name,
          isAdminConsent: (admin.newValue ?? '').replace(/^"+|"+$/g, ''),
        });
      }
    }
  }
  return out;
}
