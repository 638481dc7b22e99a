/**
 * Sentinel "Password spray attack against Microsoft Entra ID application"
 * Azure/Azure-Sentinel Solutions/Microsoft Entra ID/Analytic Rules/SigninPasswordSpray.yaml
 * @ 6cdb4a288d5118648bead2fb6a715927837cf5a1 (version 1.0.4), defaults: timeRange 3d,
 * authenticationWindow 20m, authenticationThreshold 5, runs daily.
 *
 * Per table (SigninLogs, AADNonInteractiveUserSignInLogs): an IP breaches when, in one
 * 20-minute bin, ≥ 5 distinct UPNs fail on one app with 50053/50126/50055; it alerts when,
 * over the 3 days, more distinct principals failed from it (those codes) than succeeded
 * (the rule's "success" list, which counts MFA interrupts and CA blocks as a right
 * password). The identity lookup only renames unresolved GUID identities: left out.
 */
import { bin, dcount, DAY, groupBy, MINUTE, scheduled, sortedByTime, str, table, time, USER_SIGN_IN_TABLES, type Row, type Tables } from './kql-sign-in.ts';

export const NAME = 'Password spray attack against Microsoft Entra ID application';
export const COLUMNS = ['TimeGenerated', 'ResultType', 'UserPrincipalName', 'IPAddress', 'AppDisplayName'];

const FAILURE = new Set(['50053', '50126', '50055']);
const SUCCESS = new Set(['0', '50055', '50057', '50155', '50105', '50133', '50005', '50076', '50079', '50173', '50158', '50072', '50074', '53003', '53000', '53001', '50129']);
const WINDOW = 20 * MINUTE;
const THRESHOLD = 5;

export interface Finding {
  readonly table: string;
  readonly ip: string;
  readonly apps: string[];
  readonly windowThresholdBreaches: number;
  readonly failedPrincipals: number;
  readonly successPrincipals: number;
  readonly now: number;
}

/** IP → number of (20-minute bin, app) groups with ≥ 5 distinct failing UPNs. */
function breaches(rows: ReadonlyArray<Row>): Map<string, number> {
  const failures = rows.filter((r) => FAILURE.has(str(r, 'ResultType')));
  const out = new Map<string, number>();
  for (const g of groupBy(failures, (r) => `${bin(time(r), WINDOW)}|${str(r, 'IPAddress')}|${str(r, 'AppDisplayName')}`).values()) {
    if (dcount(g.map((r) => str(r, 'UserPrincipalName'))) >= THRESHOLD) {
      const ip = str(g[0]!, 'IPAddress');
      out.set(ip, (out.get(ip) ?? 0) + 1);
    }
  }
  return out;
}

function query(tableName: string, rows: Row[], now: number): Finding[] {
  const out: Finding[] = [];
  for (const [ip, windowThresholdBreaches] of breaches(rows)) {
    const fromIp = rows.filter((r) => str(r, 'IPAddress') === ip);
    const ok = new Set(fromIp.filter((r) => SUCCESS.has(str(r, 'ResultType'))).map((r) => str(r, 'UserPrincipalName')));
    const bad = new Set(fromIp.filter((r) => FAILURE.has(str(r, 'ResultType'))).map((r) => str(r, 'UserPrincipalName')));
    if (bad.size > ok.size) {
      const apps = [...new Set(fromIp.filter((r) => FAILURE.has(str(r, 'ResultType'))).map((r) => str(r, 'AppDisplayName')))];
      out.push({ table: tableName, ip, apps, windowThresholdBreaches, failedPrincipals: bad.size, successPrincipals: ok.size, now });
    }
  }
  return out;
}

/** Alerts of the rule run daily (at any hour) over the data. */
export function detect(tables: Tables): Finding[] {
  const out: Finding[] = [];
  for (const name of USER_SIGN_IN_TABLES) {
    const rows = table(tables, name);
    // A run's bins hold a subset of the whole data's bins: IPs that never breach over all of
    // it cannot breach in a run. Keep the others' rows (successes too, for the ratio).
    const ips = new Set(breaches(rows).keys());
    const sorted = sortedByTime(rows.filter((r) => ips.has(str(r, 'IPAddress'))));
    out.push(...scheduled(sorted, { period: 3 * DAY }, (w, now) => query(name, w, now)));
  }
  return out;
}
