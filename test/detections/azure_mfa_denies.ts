/**
 * Sigma "Multifactor Authentication Denied" (e40f4962-b02b-4192-9bfe-245f7ece1f99)
 * SigmaHQ/sigma rules/cloud/azure/signin_logs/azure_mfa_denies.yml
 * @ 08b3fd5fec8c60f4b2dbfca56d5ba9079ad12268 — AuthenticationRequirement
 * "multiFactorAuthentication" and Status contains "MFA Denied"; any single sign-in.
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { contains, eq, sigmaEvent, type SigmaEvent } from './sigma-sign-in.ts';

export const NAME = 'Multifactor Authentication Denied';

export function detect(records: ReadonlyArray<JsonObject>): SigmaEvent[] {
  return records.map(sigmaEvent).filter((e) => eq(e.AuthenticationRequirement, 'multiFactorAuthentication') && contains(e.Status, 'MFA Denied'));
}
