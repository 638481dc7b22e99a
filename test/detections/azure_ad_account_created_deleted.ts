/**
 * Sigma "Account Created And Deleted Within A Close Time Frame" (6f583da0-3a90-4566-a4ed-83c09fe18bbf,
 * high), translated. Source: SigmaHQ/sigma rules/cloud/azure/audit_logs/azure_ad_account_created_deleted.yml
 * @ c7363912fbb4650f04fe854024a30f2148843d30.
 *
 * `properties.message` "Add user" or "Delete user" with `Status: Success`. Despite the title the
 * rule has no correlation: every successful user creation and deletion matches.
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { sigmaAuditField, sigmaEq } from './_directory-changes-kql.ts';

export const SOURCE = 'SigmaHQ/sigma:rules/cloud/azure/audit_logs/azure_ad_account_created_deleted.yml@c7363912fbb4650f04fe854024a30f2148843d30';

export function matches(rec: JsonObject): boolean {
  const m = sigmaAuditField(rec, 'properties.message');
  return (sigmaEq(m, 'Add user') || sigmaEq(m, 'Delete user')) && sigmaEq(sigmaAuditField(rec, 'Status'), 'Success');
}
