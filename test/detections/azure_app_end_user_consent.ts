/**
 * Sigma "End User Consent" (9b2cc4c4-2ad4-416d-8e8e-ee6aa6f5035a, low), translated.
 * Source: SigmaHQ/sigma rules/cloud/azure/audit_logs/azure_app_end_user_consent.yml
 * @ b5569494bad954ceb20d00d246aa0931d57d267b.
 *
 * `ConsentContext.IsAdminConsent: 'false'` on azure/auditlogs: the modified property of that
 * name reads False (Entra writes `"\"False\""`; Sigma compares case-insensitively). Every
 * user consent matches: a tenant where users consent at all trips it.
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { sigmaEq, sigmaModifiedValue } from './_directory-changes-kql.ts';

export const SOURCE = 'SigmaHQ/sigma:rules/cloud/azure/audit_logs/azure_app_end_user_consent.yml@b5569494bad954ceb20d00d246aa0931d57d267b';

export function matches(rec: JsonObject): boolean {
  const v = sigmaModifiedValue(rec, 'ConsentContext.IsAdminConsent');
  return v !== undefined && sigmaEq(v, 'false');
}
