/**
 * Sigma "Discovery Using AzureHound" (35b781cc-1a08-4a5a-80af-42fd7c315c6b)
 * SigmaHQ/sigma rules/cloud/azure/signin_logs/azure_ad_azurehound_discovery.yml
 * @ 020fc8061f46c6f0b214b5903ae357e49f1f0413 — signinlogs with userAgent|contains "azurehound"
 * and ResultType 0; any single sign-in.
 *
 * AzureHound authenticates with a refresh token, which Entra logs as a non-interactive
 * sign-in: the rule sees it only where the SIEM maps AADNonInteractiveUserSignInLogs to
 * the signinlogs logsource as well (a pipeline mapping only SigninLogs would not).
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { contains, eq, sigmaEvent, type SigmaEvent } from './sigma-sign-in.ts';

export const NAME = 'Discovery Using AzureHound';

export function detect(records: ReadonlyArray<JsonObject>): SigmaEvent[] {
  return records.map(sigmaEvent).filter((e) => contains(e.userAgent, 'azurehound') && eq(e.ResultType, 0));
}
