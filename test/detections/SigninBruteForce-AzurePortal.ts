/**
 * Sentinel "Brute force attack against Azure Portal"
 * Azure/Azure-Sentinel Solutions/Microsoft Entra ID/Analytic Rules/SigninBruteForce-AzurePortal.yaml
 * @ 0b244849506f5a629e0c6ed661ea0a2825891fbf (version 2.1.4), defaults: threshold 25
 * (deviation), authenticationWindow 20m, ≥ 10 failures, last 1d, averages over 7d.
 *
 * Per table, Azure Portal rows of the last day, sorted by user and time, are cut into
 * sessions by `row_window_session(TimeGenerated, 24h, 20m, new user or previous row a
 * success)` — success is 0/50125/50140/70043/70044, anything else a failure. Within a
 * session, rows are grouped by CorrelationId (the rule's second summarize keys on it):
 * a group alerts when its list of outcomes ends with its only success, it holds ≥ 10
 * failures, and |failures − avg| / avg > 25, where avg is the user's share of failing
 * Azure Portal rows over 7 days. (With no other portal sign-ins the deviation equals the
 * failure count, so ≥ 26 failures are needed.)
 */
import { bin, DAY, dyn, groupBy, MINUTE, scheduled, sortedByTime, str, table, time, USER_SIGN_IN_TABLES, type Row, type Tables } from './kql-sign-in.ts';

export const NAME = 'Brute force attack against Azure Portal';
export const COLUMNS = ['TimeGenerated', 'AppDisplayName', 'ResultType', 'UserPrincipalName', 'UserId', 'IPAddress', 'CorrelationId', 'DeviceDetail', 'LocationDetails'];

const SUCCESS = new Set(['0', '50125', '50140', '70043', '70044']);
const WINDOW = 20 * MINUTE;
const MAX_SESSION = DAY;
const DEVIATION = 25;
const MIN_FAILURES = 10;

export interface Finding {
  readonly table: string;
  readonly userPrincipalName: string;
  readonly correlationId: string;
  readonly failureCountBeforeSuccess: number;
  readonly deviation: number;
  readonly ips: string[];
  readonly now: number;
}

const isPortal = (r: Row): boolean => str(r, 'AppDisplayName').toLowerCase().includes('azure portal');
const isSuccess = (r: Row): boolean => SUCCESS.has(str(r, 'ResultType'));

/** row_window_session over rows sorted by (UPN, time): each row's session start. */
function sessions(rows: ReadonlyArray<Row>): Map<Row, number> {
  const start = new Map<Row, number>();
  let sessionStart = NaN;
  let prev: Row | undefined;
  for (const r of rows) {
    const t = time(r);
    const restart =
      prev === undefined ||
      str(r, 'UserPrincipalName') !== str(prev, 'UserPrincipalName') ||
      isSuccess(prev) ||
      t - time(prev) > WINDOW ||
      t - sessionStart > MAX_SESSION;
    if (restart) sessionStart = t;
    start.set(r, sessionStart);
    prev = r;
  }
  return start;
}

function query(tableName: string, rows7d: Row[], now: number): Finding[] {
  const rows = rows7d.filter((r) => time(r) > now - DAY);
  const sorted = [...rows].sort((a, b) => str(a, 'UserPrincipalName').localeCompare(str(b, 'UserPrincipalName')) || time(a) - time(b));
  const start = sessions(sorted);
  const avg = new Map<string, number>();
  for (const [upn, g] of groupBy(rows7d, (r) => str(r, 'UserPrincipalName'))) avg.set(upn, g.filter((r) => !isSuccess(r)).length / g.length);

  const out: Finding[] = [];
  for (const g of groupBy(sorted, (r) => `${start.get(r)}|${str(r, 'UserPrincipalName')}|${str(r, 'CorrelationId')}|${str(r, 'AppDisplayName')}|${str(r, 'UserId')}`).values()) {
    // The first summarize's groups (outcome, IP, device, place, 20-minute bin, result…), in time order.
    const inner = groupBy(g, (r) => {
      const d = dyn<Record<string, unknown> | null>(r.DeviceDetail) ?? {};
      return [isSuccess(r) ? 'S' : 'F', str(r, 'IPAddress'), String(d.browser ?? ''), String(d.operatingSystem ?? ''), dyn<Record<string, unknown> | null>(r.LocationDetails) ? JSON.stringify(dyn(r.LocationDetails)) : '', bin(time(r), WINDOW), str(r, 'ResultType')].join('|');
    });
    const list = [...inner.values()].map((x) => x[0]!).sort((a, b) => time(a) - time(b)).map((r) => (isSuccess(r) ? 'Success' : 'Failure'));
    const firstSuccess = list.indexOf('Success');
    if (firstSuccess === 0 || firstSuccess !== list.length - 1) continue;
    const failures = g.filter((r) => !isSuccess(r)).length;
    const upn = str(g[0]!, 'UserPrincipalName');
    const a = avg.get(upn) ?? 0;
    const deviation = a === 0 ? Infinity : Math.abs(failures - a) / a;
    if (deviation > DEVIATION && failures >= MIN_FAILURES) {
      out.push({ table: tableName, userPrincipalName: upn, correlationId: str(g[0]!, 'CorrelationId'), failureCountBeforeSuccess: failures, deviation, ips: [...new Set(g.map((r) => str(r, 'IPAddress')))], now });
    }
  }
  return out;
}

export function detect(tables: Tables): Finding[] {
  const out: Finding[] = [];
  for (const name of USER_SIGN_IN_TABLES) {
    const portal = table(tables, name).filter(isPortal);
    // A user needs ≥ 10 failures in a day to alert: users with fewer in all the data cannot.
    const users = new Set([...groupBy(portal.filter((r) => !isSuccess(r)), (r) => str(r, 'UserPrincipalName'))].filter(([, g]) => g.length >= MIN_FAILURES).map(([u]) => u));
    const sorted = sortedByTime(portal.filter((r) => users.has(str(r, 'UserPrincipalName'))));
    out.push(...scheduled(sorted, { period: 7 * DAY }, (w, now) => query(name, w, now)));
  }
  return out;
}
