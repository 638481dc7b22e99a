/**
 * Sentinel "Successful logon from IP and failure from a different IP"
 * Azure/Azure-Sentinel Solutions/Microsoft Entra ID/Analytic Rules/SuccessThenFail_DiffIP_SameUserandApp.yaml
 * @ 3ecd726eadebe1aba38b000cee678f9e1e999c64 (version 2.1.11), logonDiff 10m, queryPeriod 1d.
 *
 * Per table: a success (ResultType "0") and, for the same user and app (Exchange Online and
 * Skype for Business excluded), a failure (not 0/50140, ResultDescription not "Other")
 * later by at most 10 minutes from an address outside the success's block (first two
 * IPv4 octets / IPv6 groups). The rule then keeps only results whose UEBA score
 * (BehaviorAnalytics investigation priority of the failing IP) exceeds 3: the simulator
 * produces no UEBA tables, so this translation stops before that filter.
 */
import { groupBy, MINUTE, str, table, time, USER_SIGN_IN_TABLES, type Row, type Tables } from './kql-sign-in.ts';

export const NAME = 'Successful logon from IP and failure from a different IP';
export const COLUMNS = ['TimeGenerated', 'ResultType', 'ResultDescription', 'UserPrincipalName', 'IPAddress', 'AppDisplayName', 'Location'];

const EXCLUDED_APPS = new Set(['Office 365 Exchange Online', 'Skype for Business Online']);
const LOGON_DIFF = 10 * MINUTE;

export interface Finding {
  readonly table: string;
  readonly userPrincipalName: string;
  readonly app: string;
  readonly successIp: string;
  readonly failedIp: string;
  readonly resultType: string;
  /** TimeGenerated of the failure. */
  readonly time: number;
}

/** The success's address block as the rule builds it. */
export function ipBlock(ip: string): string {
  const parts = ip.includes(':') ? ip.split(':') : ip.split('.');
  return `${parts[0] ?? ''}${ip.includes(':') ? ':' : '.'}${parts[1] ?? ''}`;
}

const isSuccess = (r: Row): boolean => str(r, 'ResultType') === '0';
const isFailure = (r: Row): boolean => !['0', '50140'].includes(str(r, 'ResultType')) && str(r, 'ResultDescription').toLowerCase() !== 'other';

/**
 * Every (success, later failure ≤ 10 minutes, other block) pair of a user and app. The
 * rule's 1-day period never separates such a pair (10 minutes fit in a day), so the union
 * of all daily runs is this one pass over the data.
 */
function pairs(tableName: string, rows: ReadonlyArray<Row>): Finding[] {
  const out = new Map<string, Finding>();
  for (const g of groupBy(rows, (r) => `${str(r, 'UserPrincipalName')}|${str(r, 'AppDisplayName')}`).values()) {
    const successes = g.filter(isSuccess).map((r) => [time(r), r] as const).sort((a, b) => a[0] - b[0]);
    if (successes.length === 0) continue;
    for (const f of g) {
      if (!isFailure(f)) continue;
      const tf = time(f);
      const fip = str(f, 'IPAddress');
      for (const [ts, s] of successes) {
        if (ts >= tf) break;
        if (tf - ts > LOGON_DIFF || fip.startsWith(ipBlock(str(s, 'IPAddress')))) continue;
        const finding = { table: tableName, userPrincipalName: str(f, 'UserPrincipalName').toLowerCase(), app: str(f, 'AppDisplayName'), successIp: str(s, 'IPAddress'), failedIp: fip, resultType: str(f, 'ResultType'), time: tf };
        out.set(`${finding.userPrincipalName}|${finding.app}|${finding.successIp}|${fip}|${finding.resultType}`, finding);
      }
    }
  }
  return [...out.values()];
}

export function detect(tables: Tables): Finding[] {
  const out: Finding[] = [];
  for (const name of USER_SIGN_IN_TABLES) {
    const rows = table(tables, name).filter((r) => !EXCLUDED_APPS.has(str(r, 'AppDisplayName')));
    // Only user/app pairs with a failure can match.
    const keys = new Set(rows.filter(isFailure).map((r) => `${str(r, 'UserPrincipalName')}|${str(r, 'AppDisplayName')}`));
    out.push(...pairs(name, rows.filter((r) => keys.has(`${str(r, 'UserPrincipalName')}|${str(r, 'AppDisplayName')}`))));
  }
  return out;
}
