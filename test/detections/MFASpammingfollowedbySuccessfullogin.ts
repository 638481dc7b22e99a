/**
 * Sentinel "MFA Spamming followed by Successful login"
 * Azure/Azure-Sentinel Solutions/Microsoft Entra ID/Analytic Rules/MFASpammingfollowedbySuccessfullogin.yaml
 * @ 0b244849506f5a629e0c6ed661ea0a2825891fbf (version 1.0.4), queryPeriod 1d, daily.
 *
 * SigninLogs rows requiring MFA, one row per authentication step (`mv-expand
 * AuthenticationDetails`; a row without steps expands to nothing), grouped by user, IP
 * and place (state, city, country) over the whole day: more than 10 steps "MFA denied;
 * user declined the authentication" / "… did not respond to mobile app notification",
 * at least one "MFA successfully completed", and the group's first and last
 * TimeGenerated at most 5 minutes apart. (`ingestion_time()` is read as TimeGenerated.)
 */
import { DAY, dyn, groupBy, MINUTE, scheduled, sortedByTime, str, table, time, type Row, type Tables } from './kql-sign-in.ts';

export const NAME = 'MFA Spamming followed by Successful login';
export const COLUMNS = ['TimeGenerated', 'AuthenticationRequirement', 'AuthenticationDetails', 'UserPrincipalName', 'IPAddress', 'LocationDetails'];

const DENIED = new Set(['MFA denied; user declined the authentication', 'MFA denied; user did not respond to mobile app notification']);
const SUCCESS = 'MFA successfully completed';

export interface Finding {
  readonly userPrincipalName: string;
  readonly ip: string;
  readonly failedAttempts: number;
  readonly successfulAttempts: number;
  readonly windowMs: number;
  readonly now: number;
}

function steps(r: Row): string[] {
  const d = dyn<Array<Record<string, unknown>> | null>(r.AuthenticationDetails);
  return Array.isArray(d) ? d.map((s) => String(s.authenticationStepResultDetail ?? '')) : [];
}

function query(rows: Row[], now: number): Finding[] {
  const out: Finding[] = [];
  const expanded = rows.filter((r) => steps(r).length > 0);
  for (const g of groupBy(expanded, (r) => {
    const l = dyn<Record<string, unknown> | null>(r.LocationDetails) ?? {};
    return [str(r, 'UserPrincipalName'), str(r, 'IPAddress'), String(l.state ?? ''), String(l.city ?? ''), String(l.countryOrRegion ?? '')].join('|');
  }).values()) {
    let failed = 0;
    let ok = 0;
    for (const r of g) {
      for (const s of steps(r)) {
        if (DENIED.has(s)) failed++;
        else if (s === SUCCESS) ok++;
      }
    }
    const times = g.map((r) => time(r));
    const windowMs = Math.max(...times) - Math.min(...times);
    if (failed > 10 && windowMs <= 5 * MINUTE && ok >= 1) {
      out.push({ userPrincipalName: str(g[0]!, 'UserPrincipalName'), ip: str(g[0]!, 'IPAddress'), failedAttempts: failed, successfulAttempts: ok, windowMs, now });
    }
  }
  return out;
}

export function detect(tables: Tables): Finding[] {
  const rows = table(tables, 'SigninLogs').filter((r) => str(r, 'AuthenticationRequirement') === 'multiFactorAuthentication');
  // Cheap text test first: a pair needs denied steps, whose text the JSON holds verbatim.
  const denying = rows.filter((r) => str(r, 'AuthenticationDetails').includes('MFA denied'));
  // Only user/IP pairs with more than 10 denied steps over all the data can pass in a day.
  const denied = groupBy(denying, (r) => `${str(r, 'UserPrincipalName')}|${str(r, 'IPAddress')}`);
  const keep = new Set([...denied].filter(([, g]) => g.reduce((n, r) => n + steps(r).filter((s) => DENIED.has(s)).length, 0) > 10).map(([k]) => k));
  const sorted = sortedByTime(rows.filter((r) => keep.has(`${str(r, 'UserPrincipalName')}|${str(r, 'IPAddress')}`)));
  return scheduled(sorted, { period: DAY }, query);
}
