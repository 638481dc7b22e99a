/**
 * Sigma "Service Principal Credentials Added to Entra ID Application"
 * (333e02d6-a376-499a-a6d9-6b14de262072, medium), translated.
 * Source: SigmaHQ/sigma rules/cloud/azure/audit_logs/azure_ad_sp_credentials_added.yml
 * @ c11e18856bc8fa78cc2cfabc62fe77b1b2ad6dec. `properties.message: 'Add service principal credentials'`.
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { sigmaAuditField, sigmaEq } from './_directory-changes-kql.ts';

export const SOURCE = 'SigmaHQ/sigma:rules/cloud/azure/audit_logs/azure_ad_sp_credentials_added.yml@c11e18856bc8fa78cc2cfabc62fe77b1b2ad6dec';

export function matches(rec: JsonObject): boolean {
  return sigmaEq(sigmaAuditField(rec, 'properties.message'), 'Add service principal credentials');
}
