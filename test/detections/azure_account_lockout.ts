/**
 * Sigma "Account Lockout" (2b7d6fc0-71ac-4cf7-8ed1-b5788ee5257a)
 * SigmaHQ/sigma rules/cloud/azure/signin_logs/azure_account_lockout.yml
 * @ 0252d8e021f41a4097489572e611e79410f87171 — ResultType: 50053, any single sign-in.
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { eq, sigmaEvent, type SigmaEvent } from './sigma-sign-in.ts';

export const NAME = 'Account Lockout';

export function detect(records: ReadonlyArray<JsonObject>): SigmaEvent[] {
  return records.map(sigmaEvent).filter((e) => eq(e.ResultType, 50053));
}
