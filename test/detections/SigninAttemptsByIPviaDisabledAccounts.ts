/**
 * Sentinel "Sign-ins from IPs that attempt sign-ins to disabled accounts"
 * Azure/Azure-Sentinel Solutions/Microsoft Entra ID/Analytic Rules/SigninAttemptsByIPviaDisabledAccounts.yaml
 * @ acd176ed5d25a1d37ec3c96ade7dbdec4a0cf808 (version 2.1.4), queryPeriod 1d, daily.
 *
 * Per table and IP, over a day: sign-ins failing with 50057 (ResultDescription either
 * wording of "account is disabled") joined with the IP's successful sign-ins by accounts
 * that are not among those disabled ones, fewer than 50 of them (more is taken for a
 * shared egress); alert when disabled accounts / successful accounts ≥ 0.5. The
 * BehaviorAnalytics join is left outer and only sorts: left out.
 */
import { DAY, groupBy, scheduled, slice, sortedByTime, str, table, USER_SIGN_IN_TABLES, type Row, type Tables } from './kql-sign-in.ts';

export const NAME = 'Sign-ins from IPs that attempt sign-ins to disabled accounts';
export const COLUMNS = ['TimeGenerated', 'ResultType', 'ResultDescription', 'UserPrincipalName', 'IPAddress', 'AppDisplayName'];

const DISABLED_TEXT = new Set(['User account is disabled. The account has been disabled by an administrator.', 'The user account is disabled.']);

export interface Finding {
  readonly table: string;
  readonly ip: string;
  readonly disabledAccounts: string[];
  readonly successfulAccounts: string[];
  readonly ratio: number;
  readonly now: number;
}

const isDisabledAttempt = (r: Row): boolean => str(r, 'ResultType') === '50057' && DISABLED_TEXT.has(str(r, 'ResultDescription'));

/** One run: the window's disabled-account attempts, and each of their IPs' rows in the window. */
function query(tableName: string, failed: Row[], byIp: ReadonlyMap<string, Row[]>, from: number, to: number, now: number): Finding[] {
  const disabledUsers = new Set(failed.map((r) => str(r, 'UserPrincipalName')));
  const out: Finding[] = [];
  for (const [ip, g] of groupBy(failed, (r) => str(r, 'IPAddress'))) {
    const successes = new Set(
      slice(byIp.get(ip) ?? [], from, to)
        .filter((r) => str(r, 'ResultType') === '0' && str(r, 'UserPrincipalName') !== '' && !disabledUsers.has(str(r, 'UserPrincipalName')))
        .map((r) => str(r, 'UserPrincipalName')),
    );
    if (successes.size === 0 || successes.size >= 50) continue;
    const disabled = new Set(g.map((r) => str(r, 'UserPrincipalName')));
    const ratio = disabled.size / successes.size;
    if (ratio >= 0.5) out.push({ table: tableName, ip, disabledAccounts: [...disabled], successfulAccounts: [...successes], ratio, now });
  }
  return out;
}

export function detect(tables: Tables): Finding[] {
  const out: Finding[] = [];
  for (const name of USER_SIGN_IN_TABLES) {
    const rows = table(tables, name);
    const failed = sortedByTime(rows.filter(isDisabledAttempt));
    const ips = new Set(failed.map((r) => str(r, 'IPAddress')));
    const byIp = new Map([...groupBy(rows.filter((r) => ips.has(str(r, 'IPAddress'))), (r) => str(r, 'IPAddress'))].map(([ip, g]) => [ip, sortedByTime(g)] as const));
    out.push(...scheduled(failed, { period: DAY }, (w, now) => query(name, w, byIp, now - DAY, now, now)));
  }
  return out;
}
