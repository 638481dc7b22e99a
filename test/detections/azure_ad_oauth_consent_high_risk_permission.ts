/**
 * Sigma "End User Consent to Application With High-Risk OAuth Permission"
 * (b6b198d5-dbe4-473e-8ec4-51b11e9ab22b, high), translated.
 * Source: SigmaHQ/sigma rules/cloud/azure/audit_logs/azure_ad_oauth_consent_high_risk_permission.yml
 * @ e641d0b365cef1c7c7c760123c19a374c62fa31c.
 *
 * OperationName "Consent to application" and TargetResources contains any of Mail.ReadWrite,
 * Files.ReadWrite.All, Mail.Send, MailboxSettings.ReadWrite, full_access_as_app,
 * EWS.AccessAsUser.All, Directory.ReadWrite.All, RoleManagement.ReadWrite.Directory. (Despite its
 * title it does not look at IsAdminConsent.)
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { sigmaAuditField, sigmaEq } from './_directory-changes-kql.ts';

export const SOURCE = 'SigmaHQ/sigma:rules/cloud/azure/audit_logs/azure_ad_oauth_consent_high_risk_permission.yml@e641d0b365cef1c7c7c760123c19a374c62fa31c';

const RISKY = ['Mail.ReadWrite', 'Files.ReadWrite.All', 'Mail.Send', 'MailboxSettings.ReadWrite', 'full_access_as_app', 'EWS.AccessAsUser.All', 'Directory.ReadWrite.All', 'RoleManagement.ReadWrite.Directory'];

export function matches(rec: JsonObject): boolean {
  if (!sigmaEq(sigmaAuditField(rec, 'OperationName'), 'Consent to application')) return false;
  const text = sigmaAuditField(rec, 'TargetResources').toLowerCase();
  return RISKY.some((s) => text.includes(s.toLowerCase()));
}
