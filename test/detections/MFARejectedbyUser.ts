/**
 * Sentinel "MFA Rejected by User"
 * Azure/Azure-Sentinel Solutions/Microsoft Entra ID/Analytic Rules/MFARejectedbyUser.yaml
 * @ 5aaf878f72b7b53edec11525d09466cff994d90e (version 2.0.2), queryPeriod 1h, hourly.
 *
 * SigninLogs rows with ResultType 500121 whose Status.additionalDetails is "MFA denied;
 * user declined the authentication" (=~) or has the term "fraud", per user and IP.
 * The rule then keeps only results whose UEBA score (IdentityInfo blast radius +
 * BehaviorAnalytics investigation priority of the IP) exceeds 20: the simulator produces
 * no UEBA tables, so this translation stops before that filter (without UEBA data the
 * real rule returns nothing at all).
 */
import { dyn, groupBy, HOUR, scheduled, sortedByTime, str, table, type Row, type Tables } from './kql-sign-in.ts';

export const NAME = 'MFA Rejected by User';
export const COLUMNS = ['TimeGenerated', 'ResultType', 'Status', 'UserPrincipalName', 'UserId', 'IPAddress'];

export interface Finding {
  readonly userPrincipalName: string;
  readonly ip: string;
  readonly count: number;
  readonly now: number;
}

/** Kusto `has`: the needle as a whole term (or phrase of terms), case-insensitive. */
export function has(haystack: string, needle: string): boolean {
  const h = haystack.toLowerCase();
  const n = needle.toLowerCase();
  const word = /[a-z0-9]/;
  for (let i = h.indexOf(n); i >= 0; i = h.indexOf(n, i + 1)) {
    const before = i === 0 ? '' : h[i - 1]!;
    const after = h[i + n.length] ?? '';
    if (!word.test(before) && !word.test(after)) return true;
  }
  return false;
}

function matches(r: Row): boolean {
  if (str(r, 'ResultType') !== '500121') return false;
  const status = dyn<Record<string, unknown> | null>(r.Status) ?? {};
  const details = typeof status.additionalDetails === 'string' ? status.additionalDetails : '';
  return details.toLowerCase() === 'mfa denied; user declined the authentication' || has(details, 'fraud');
}

function query(rows: Row[], now: number): Finding[] {
  return [...groupBy(rows.filter(matches), (r) => `${str(r, 'UserPrincipalName').toLowerCase()}|${str(r, 'IPAddress')}`).values()].map((g) => ({
    userPrincipalName: str(g[0]!, 'UserPrincipalName').toLowerCase(),
    ip: str(g[0]!, 'IPAddress'),
    count: g.length,
    now,
  }));
}

export function detect(tables: Tables): Finding[] {
  return scheduled(sortedByTime(table(tables, 'SigninLogs').filter(matches)), { period: HOUR }, query);
}
