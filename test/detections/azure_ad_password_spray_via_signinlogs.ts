/**
 * Sigma "Password Spray Attack via Azure AD Sign-In Logs" (4b7e9f3a-1c2d-4e8b-a9d5-6f0c3b8e7a2d)
 * SigmaHQ/sigma rules/cloud/azure/signin_logs/azure_ad_password_spray_via_signinlogs.yml
 * @ 58872943f0fa345be4002bc980a6771a08cadd4e
 *
 * Sign-ins whose ResultType starts with 5, 6 or 7 but is not 50140/70043/50074/0;
 * `count(UserPrincipalName) by IPAddress > 3` within `timeframe: 10m` — Sigma's field
 * count is a count of distinct values — over any 10-minute window.
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { groupBy, MINUTE } from './kql-sign-in.ts';
import { oneOf, sigmaEvent, startsWith, type SigmaEvent } from './sigma-sign-in.ts';

export const NAME = 'Password Spray Attack via Azure AD Sign-In Logs';

export interface Finding {
  readonly ip: string;
  readonly users: string[];
  readonly from: number;
}

const TIMEFRAME = 10 * MINUTE;

export function selected(e: SigmaEvent): boolean {
  return ['5', '7', '6'].some((p) => startsWith(e.ResultType, p)) && !oneOf(e.ResultType, ['50140', '70043', '50074', '0']);
}

export function detect(records: ReadonlyArray<JsonObject>): Finding[] {
  const out: Finding[] = [];
  for (const [ip, events] of groupBy(records.map(sigmaEvent).filter(selected), (e) => e.IPAddress)) {
    if (new Set(events.map((e) => e.UserPrincipalName)).size <= 3) continue;
    const sorted = [...events].sort((a, b) => a.time - b.time);
    // Sliding window: distinct users among the events of the 10 minutes ending at each event.
    let lo = 0;
    for (let hi = 0; hi < sorted.length; hi++) {
      while (sorted[hi]!.time - sorted[lo]!.time > TIMEFRAME) lo++;
      const users = new Set(sorted.slice(lo, hi + 1).map((e) => e.UserPrincipalName));
      if (users.size > 3) {
        out.push({ ip, users: [...users], from: sorted[lo]!.time });
        break;
      }
    }
  }
  return out;
}
