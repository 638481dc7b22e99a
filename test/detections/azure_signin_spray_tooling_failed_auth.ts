/**
 * Sigma "Failed Entra ID Sign-In Via Azure AD PowerShell Or Azure CLI With Generic User Agent"
 * (7c26981b-492d-46ef-a7eb-719cd84e7a43)
 * SigmaHQ/sigma rules/cloud/azure/signin_logs/azure_signin_spray_tooling_failed_auth.yml
 * @ 6f6aeb9c7353ec942d9322f852b4ff5b23c79ec4 — ResultType 50126/50053/50055/50056, AppId
 * Azure AD PowerShell or Azure CLI, userAgent exactly "Mozilla/5.0"; any single sign-in.
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { eq, oneOf, sigmaEvent, type SigmaEvent } from './sigma-sign-in.ts';

export const NAME = 'Failed Entra ID Sign-In Via Azure AD PowerShell Or Azure CLI With Generic User Agent';

export function detect(records: ReadonlyArray<JsonObject>): SigmaEvent[] {
  return records
    .map(sigmaEvent)
    .filter(
      (e) =>
        oneOf(e.ResultType, [50126, 50053, 50055, 50056]) &&
        oneOf(e.AppId, ['1b730954-1685-4b74-9bfd-dac224a7b894', '04b07795-8ddb-461a-bbee-02f9e1bf7b46']) &&
        eq(e.userAgent, 'Mozilla/5.0'),
    );
}
