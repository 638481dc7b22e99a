/**
 * Sigma "End User Consent To App With Mailbox And Offline Access Delegated Scopes"
 * (e8b4ed00-c221-4a58-81b5-196c14ffebe2, high, experimental), translated.
 * Source: SigmaHQ/sigma rules/cloud/azure/audit_logs/azure_app_end_user_consent_mailbox_offline_scopes.yml
 * @ bfa5fb4ca713bea7d7946fd7cb067d4e3b0a08c4.
 *
 * All of: the activity is "Consent to application"; ConsentContext.IsAdminConsent is false;
 * some modified property's newValue contains Mail.Read / Mail.ReadWrite / Mail.Send /
 * MailboxSettings.ReadWrite; some newValue contains offline_access.
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { sigmaAuditField, sigmaEq, sigmaModifiedProperties, sigmaModifiedValue } from './_directory-changes-kql.ts';

export const SOURCE = 'SigmaHQ/sigma:rules/cloud/azure/audit_logs/azure_app_end_user_consent_mailbox_offline_scopes.yml@bfa5fb4ca713bea7d7946fd7cb067d4e3b0a08c4';

const MAILBOX = ['mail.read', 'mail.readwrite', 'mail.send', 'mailboxsettings.readwrite'];

export function matches(rec: JsonObject): boolean {
  if (!sigmaEq(sigmaAuditField(rec, 'properties.message'), 'Consent to application')) return false;
  const admin = sigmaModifiedValue(rec, 'ConsentContext.IsAdminConsent');
  if (admin === undefined || !sigmaEq(admin, 'false')) return false;
  const values = sigmaModifiedProperties(rec).map((m) => (m.newValue ?? '').toLowerCase());
  return values.some((v) => MAILBOX.some((m) => v.includes(m))) && values.some((v) => v.includes('offline_access'));
}
