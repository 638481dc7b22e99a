/**
 * Sigma "Login to Disabled Account" (908655e0-25cf-4ae1-b775-1c8ce9cf43d8)
 * SigmaHQ/sigma rules/cloud/azure/signin_logs/azure_login_to_disabled_account.yml
 * @ 0d03b118ceff1a4097022763b8db24c34d1b11af — ResultType 50057 and ResultDescription
 * exactly "User account is disabled. The account has been disabled by an administrator."
 * That is the error catalog's old wording; records now read "The user account is
 * disabled." (Sentinel's SigninAttemptsByIPviaDisabledAccounts accepts both), so the rule
 * matches no current record.
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { eq, sigmaEvent, type SigmaEvent } from './sigma-sign-in.ts';

export const NAME = 'Login to Disabled Account';

export function detect(records: ReadonlyArray<JsonObject>): SigmaEvent[] {
  return records.map(sigmaEvent).filter((e) => eq(e.ResultType, 50057) && eq(e.ResultDescription, 'User account is disabled. The account has been disabled by an administrator.'));
}
