/**
 * Sigma "Potential Successful MFA Fatigue Attack - Repeated MFA Failures Followed By
 * Successful Logon - Azure" (c250e579-b241-48a0-8df6-2130a57ab92e) and the rules it
 * correlates, SigmaHQ/sigma rules/cloud/azure/signin_logs/azure_successful_mfa_fatigue_attack.yml
 * @ 6c1707b7a92023a0440a7fe28d2a8b6844f51989.
 *
 * Failed MFA prompt: authentication failure, resulttype 500121/70037/1003033,
 * mfanotificationoutcome contains "mfa denied" or "user denied"; ≥ 7 of them for one
 * account within 10 minutes, and a successful logon (resulttype 0) of that account, all
 * within 10 minutes (temporal correlation). The rule's field names (authentication_result,
 * mfanotificationoutcome, AccountUPN) are not Entra's; they are read as ResultType ≠ 0,
 * Status (where the denial reason is written) and UserPrincipalName.
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { groupBy, MINUTE } from './kql-sign-in.ts';
import { contains, eq, oneOf, sigmaEvent, type SigmaEvent } from './sigma-sign-in.ts';

export const NAME = 'Potential Successful MFA Fatigue Attack - Repeated MFA Failures Followed By Successful Logon - Azure';

const TIMESPAN = 10 * MINUTE;

export interface Finding {
  readonly userPrincipalName: string;
  readonly failedPrompts: number;
  readonly from: number;
}

const failedPrompt = (e: SigmaEvent): boolean =>
  !eq(e.ResultType, 0) && oneOf(e.ResultType, [500121, 70037, 1003033]) && (contains(e.Status, 'mfa denied') || contains(e.Status, 'user denied'));
const success = (e: SigmaEvent): boolean => eq(e.ResultType, 0);

export function detect(records: ReadonlyArray<JsonObject>): Finding[] {
  const out: Finding[] = [];
  const events = records.map(sigmaEvent).filter((e) => failedPrompt(e) || success(e));
  for (const [upn, g] of groupBy(events, (e) => e.UserPrincipalName.toLowerCase())) {
    const prompts = g.filter(failedPrompt).sort((a, b) => a.time - b.time);
    if (prompts.length < 7) continue;
    const successes = g.filter(success).map((e) => e.time);
    for (let i = 0; i + 6 < prompts.length; i++) {
      const from = prompts[i]!.time;
      const to = prompts[i + 6]!.time;
      if (to - from > TIMESPAN) continue;
      // Both correlated rules fire within one 10-minute span.
      if (successes.some((t) => Math.max(t, to) - Math.min(t, from) <= TIMESPAN)) {
        out.push({ userPrincipalName: upn, failedPrompts: prompts.filter((p) => p.time >= from && p.time - from <= TIMESPAN).length, from });
        break;
      }
    }
  }
  return out;
}
