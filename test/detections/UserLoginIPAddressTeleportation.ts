/**
 * Sentinel hunting query "User Login IP Address Teleportation"
 * Azure/Azure-Sentinel Hunting Queries/SigninLogs/UserLoginIPAddressTeleportation.yaml
 * @ 38fcb385d22db16f45809bdaea8232958f2de819 (version 2.0.0), windowTime 10m either side.
 *
 * Over the hunted range of SigninLogs rows with ConditionalAccessStatus "success": the
 * countries that make up less than 0.01 % of those sign-ins; a sign-in from such a country
 * alerts when the same user has another such sign-in from a different IP and a different
 * country within 10 minutes of it. The final UEBA score filter (> 20, from IdentityInfo
 * and BehaviorAnalytics) needs tables the simulator does not produce: left out.
 *
 * `reference`: the rows the country prevalence is computed over (default: `rows`). A hunt
 * runs over weeks of a tenant's sign-ins; a story test, which generates a day of a small
 * tenant, passes the enterprise baseline week plus the story's rows.
 */
import { dyn, groupBy, MINUTE, str, time, type Row } from './kql-sign-in.ts';

export const NAME = 'User Login IP Address Teleportation';
export const COLUMNS = ['TimeGenerated', 'ConditionalAccessStatus', 'LocationDetails', 'UserPrincipalName', 'IPAddress'];

const WINDOW = 10 * MINUTE;
const PREVALENCE_PERCENT = 0.01;

export interface Finding {
  readonly userPrincipalName: string;
  readonly anomalousIp: string;
  readonly anomalousCountry: string;
  readonly otherIp: string;
  readonly otherCountry: string;
  readonly minutesApart: number;
}

const country = (r: Row): string => String((dyn<Record<string, unknown> | null>(r.LocationDetails) ?? {}).countryOrRegion ?? '');
const caSuccess = (r: Row): boolean => str(r, 'ConditionalAccessStatus').toLowerCase() === 'success';

/** Countries under 0.01 % of the CA-successful sign-ins of `reference`. */
export function rareCountries(reference: ReadonlyArray<Row>): Set<string> {
  const rows = reference.filter((r) => caSuccess(r) && country(r) !== '');
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(country(r), (counts.get(country(r)) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => (n / rows.length) * 100 < PREVALENCE_PERCENT).map(([c]) => c));
}

export function detect(rows: ReadonlyArray<Row>, reference: ReadonlyArray<Row> = rows): Finding[] {
  const rare = rareCountries(reference);
  const ok = rows.filter(caSuccess);
  const byUser = groupBy(ok, (r) => str(r, 'UserPrincipalName'));
  const out: Finding[] = [];
  for (const r of ok) {
    if (!rare.has(country(r)) || str(r, 'IPAddress') === '') continue;
    for (const o of byUser.get(str(r, 'UserPrincipalName')) ?? []) {
      if (str(o, 'IPAddress') === str(r, 'IPAddress') || country(o) === country(r)) continue;
      if (Math.abs(time(r) - time(o)) <= WINDOW) {
        out.push({ userPrincipalName: str(r, 'UserPrincipalName'), anomalousIp: str(r, 'IPAddress'), anomalousCountry: country(r), otherIp: str(o, 'IPAddress'), otherCountry: country(o), minutesApart: Math.abs(time(r) - time(o)) / MINUTE });
      }
    }
  }
  return out;
}
