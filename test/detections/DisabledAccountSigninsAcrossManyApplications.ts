/**
 * Sentinel "Attempts to sign in to disabled accounts"
 * Azure/Azure-Sentinel Solutions/Microsoft Entra ID/Analytic Rules/DisabledAccountSigninsAcrossManyApplications.yaml
 * @ 07c6272f42a9220029484da478dc12f717df104f (version 1.0.4), threshold 3, queryPeriod 1d.
 *
 * The published query does not parse (it closes an `aadFunc` it never opens and queries
 * SigninLogs directly); its evident logic, applied to both tables as its union intends:
 * per user and IP, ResultType "50057" on at least 3 distinct applications in a day.
 */
import { DAY, groupBy, scheduled, sortedByTime, str, table, USER_SIGN_IN_TABLES, type Row, type Tables } from './kql-sign-in.ts';

export const NAME = 'Attempts to sign in to disabled accounts';
export const COLUMNS = ['TimeGenerated', 'ResultType', 'UserPrincipalName', 'IPAddress', 'AppDisplayName'];

const THRESHOLD = 3;

export interface Finding {
  readonly table: string;
  readonly userPrincipalName: string;
  readonly ip: string;
  readonly applications: string[];
  readonly now: number;
}

function query(tableName: string, rows: Row[], now: number): Finding[] {
  const out: Finding[] = [];
  for (const g of groupBy(rows, (r) => `${str(r, 'UserPrincipalName')}|${str(r, 'IPAddress')}`).values()) {
    const apps = [...new Set(g.map((r) => str(r, 'AppDisplayName')))];
    if (apps.length >= THRESHOLD) out.push({ table: tableName, userPrincipalName: str(g[0]!, 'UserPrincipalName'), ip: str(g[0]!, 'IPAddress'), applications: apps, now });
  }
  return out;
}

export function detect(tables: Tables): Finding[] {
  const out: Finding[] = [];
  for (const name of USER_SIGN_IN_TABLES) {
    const sorted = sortedByTime(table(tables, name).filter((r) => str(r, 'ResultType') === '50057'));
    out.push(...scheduled(sorted, { period: DAY }, (w, now) => query(name, w, now)));
  }
  return out;
}
