/**
 * Sentinel "Distributed Password cracking attempts in Microsoft Entra ID"
 * Azure/Azure-Sentinel Solutions/Microsoft Entra ID/Analytic Rules/DistribPassCrackAttempt.yaml
 * @ 5a165e260b5c47e30fff93154fe42f9e7e41706e (version 1.0.5), defaults: s_threshold 30,
 * l_threshold 3, queryPeriod 1d, daily.
 *
 * Per table and UPN, over a day: more than 30 sign-ins failing with 50126/50053/50055/50056
 * from at least 3 distinct locations (country/state/city).
 */
import { DAY, groupBy, locationString, scheduled, sortedByTime, str, table, USER_SIGN_IN_TABLES, type Row, type Tables } from './kql-sign-in.ts';

export const NAME = 'Distributed Password cracking attempts in Microsoft Entra ID';
export const COLUMNS = ['TimeGenerated', 'OperationName', 'ResultType', 'UserPrincipalName', 'IPAddress', 'LocationDetails'];

const CODES = new Set(['50126', '50053', '50055', '50056']);
const COUNT = 30;
const LOCATIONS = 3;

export interface Finding {
  readonly table: string;
  readonly userPrincipalName: string;
  readonly signInCount: number;
  readonly locationCount: number;
  readonly ipCount: number;
  readonly now: number;
}

function query(tableName: string, rows: Row[], now: number): Finding[] {
  const out: Finding[] = [];
  for (const [upn, g] of groupBy(rows, (r) => str(r, 'UserPrincipalName'))) {
    if (g.length <= COUNT) continue;
    const locations = new Set(g.map((r) => locationString(r, '/')));
    if (locations.size >= LOCATIONS) {
      out.push({ table: tableName, userPrincipalName: upn, signInCount: g.length, locationCount: locations.size, ipCount: new Set(g.map((r) => str(r, 'IPAddress'))).size, now });
    }
  }
  return out;
}

export function detect(tables: Tables): Finding[] {
  const out: Finding[] = [];
  for (const name of USER_SIGN_IN_TABLES) {
    const failures = table(tables, name).filter((r) => str(r, 'OperationName').toLowerCase() === 'sign-in activity' && CODES.has(str(r, 'ResultType')));
    // Users with 30 or fewer such failures in the whole data cannot pass in any day.
    const many = new Set([...groupBy(failures, (r) => str(r, 'UserPrincipalName'))].filter(([, g]) => g.length > COUNT).map(([u]) => u));
    const sorted = sortedByTime(failures.filter((r) => many.has(str(r, 'UserPrincipalName'))));
    out.push(...scheduled(sorted, { period: DAY }, (w, now) => query(name, w, now)));
  }
  return out;
}
