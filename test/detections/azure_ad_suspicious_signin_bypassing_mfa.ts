/**
 * Sigma "Potential MFA Bypass Using Legacy Client Authentication" (53bb4f7f-48a8-4475-ac30-5a82ddfdf6fc)
 * SigmaHQ/sigma rules/cloud/azure/signin_logs/azure_ad_suspicious_signin_bypassing_mfa.yml
 * @ 08b3fd5fec8c60f4b2dbfca56d5ba9079ad12268 — `Status: 'Success'` (read as a successful
 * sign-in: Status is an object whose errorCode is 0) and userAgent containing BAV2ROPC,
 * CBAinPROD or CBAinTAR; any single sign-in.
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { contains, eq, sigmaEvent, type SigmaEvent } from './sigma-sign-in.ts';

export const NAME = 'Potential MFA Bypass Using Legacy Client Authentication';

export function detect(records: ReadonlyArray<JsonObject>): SigmaEvent[] {
  return records.map(sigmaEvent).filter((e) => eq(e.ResultType, 0) && ['BAV2ROPC', 'CBAinPROD', 'CBAinTAR'].some((n) => contains(e.userAgent, n)));
}
