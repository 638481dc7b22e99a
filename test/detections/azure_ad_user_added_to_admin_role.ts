/**
 * Sigma "User Added to an Administrator's Azure AD Role" (ebbeb024-5b1d-4e16-9c0c-917f86c708a7,
 * medium), translated. Source: SigmaHQ/sigma rules/cloud/azure/audit_logs/azure_ad_user_added_to_admin_role.yml
 * @ f47b42273a1817f899118e62ff4b3b47814f170c.
 *
 * `operationName: 'Add member to role'` and the keyword "admin" anywhere in the event. The rule
 * lists PIM as its false positive: every PIM activation writes "Add member to role" (as MS-PIM).
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { sigmaAuditField, sigmaEq, sigmaKeyword } from './_directory-changes-kql.ts';

export const SOURCE = 'SigmaHQ/sigma:rules/cloud/azure/audit_logs/azure_ad_user_added_to_admin_role.yml@f47b42273a1817f899118e62ff4b3b47814f170c';

export function matches(rec: JsonObject): boolean {
  return sigmaEq(sigmaAuditField(rec, 'operationName'), 'Add member to role') && sigmaKeyword(rec, 'admin');
}
