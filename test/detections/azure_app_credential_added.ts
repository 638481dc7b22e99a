/**
 * Sigma "Added Credentials to Existing Application" (cbb67ecc-fb70-4467-9350-c910bdf7c628,
 * high), translated. Source: SigmaHQ/sigma rules/cloud/azure/audit_logs/azure_app_credential_added.yml
 * @ ae8703ef910eb99159380e4baaf31ee7b8d7aafb.
 *
 * `properties.message` equals "Update Application-Certificates and secrets management" or
 * "Update Service principal/Update Application". Sigma equality is exact (case-insensitive):
 * Entra names the activity "Update application – Certificates and secrets management " (en dash,
 * spaces, trailing blank), so the rule as written matches no real record — nor ours.
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { sigmaAuditField, sigmaEq } from './_directory-changes-kql.ts';

export const SOURCE = 'SigmaHQ/sigma:rules/cloud/azure/audit_logs/azure_app_credential_added.yml@ae8703ef910eb99159380e4baaf31ee7b8d7aafb';

export function matches(rec: JsonObject): boolean {
  const m = sigmaAuditField(rec, 'properties.message');
  return sigmaEq(m, 'Update Application-Certificates and secrets management') || sigmaEq(m, 'Update Service principal/Update Application');
}
