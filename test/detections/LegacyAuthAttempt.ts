/**
 * Sentinel hunting query "Login attempts using Legacy Auth"
 * Azure/Azure-Sentinel Hunting Queries/SigninLogs/LegacyAuthAttempt.yaml
 * @ 38fcb385d22db16f45809bdaea8232958f2de819 (version 2.0.0).
 *
 * Successful SigninLogs rows (ResultType 0) of a legacy client (the query's list: SMTP,
 * AutoDiscover, ActiveSync, EWS, IMAP4, MAPI, POP3, "Other clients"…) in the hunted range,
 * except user/client/app/IP combinations already seen in the 7× longer look-back before
 * it. Its UEBA filter (`InvestigationPriority > 10`, from BehaviorAnalytics) needs tables
 * the simulator does not produce: left out. Hunted here one day at a time.
 */
import { DAY, str, time, type Row } from './kql-sign-in.ts';

export const NAME = 'Login attempts using Legacy Auth';
export const COLUMNS = ['TimeGenerated', 'ResultType', 'ClientAppUsed', 'UserPrincipalName', 'AppDisplayName', 'IPAddress'];

const LEGACY = new Set([
  'Authenticated SMTP',
  'AutoDiscover',
  'Exchange ActiveSync',
  'Exchange Online PowerShell',
  'Exchange Web Services',
  'IMAP4',
  'MAPI Over HTTP',
  'Outlook Anywhere (RPC over HTTP)',
  'Outlook Service',
  'POP3',
  'Reporting Web Services',
  'Other clients',
]);

export interface Finding {
  readonly userPrincipalName: string;
  readonly clientAppUsed: string;
  readonly ip: string;
  readonly count: number;
}

const key = (r: Row): string => [str(r, 'UserPrincipalName'), str(r, 'ClientAppUsed'), str(r, 'AppDisplayName'), str(r, 'IPAddress')].join('|');

/** Hunts [start, end) with the look-back before it. */
export function hunt(rows: ReadonlyArray<Row>, start: number, end: number): Finding[] {
  const legacy = rows.filter((r) => str(r, 'ResultType') === '0' && LEGACY.has(str(r, 'ClientAppUsed') || 'Unknown'));
  const lookback = 7 * (end - start);
  const seen = new Set(legacy.filter((r) => time(r) >= end - lookback && time(r) < start).map(key));
  const found = new Map<string, Finding>();
  for (const r of legacy) {
    const t = time(r);
    if (t < start || t >= end || seen.has(key(r))) continue;
    const f = found.get(key(r));
    found.set(key(r), { userPrincipalName: str(r, 'UserPrincipalName'), clientAppUsed: str(r, 'ClientAppUsed'), ip: str(r, 'IPAddress'), count: (f?.count ?? 0) + 1 });
  }
  return [...found.values()];
}

/** Every day of the data hunted in turn. */
export function detect(rows: ReadonlyArray<Row>): Finding[] {
  if (rows.length === 0) return [];
  let first = Infinity;
  let last = -Infinity;
  for (const r of rows) {
    const t = time(r);
    if (t < first) first = t;
    if (t > last) last = t;
  }
  first = Math.floor(first / DAY) * DAY;
  const out: Finding[] = [];
  for (let d = first; d <= last; d += DAY) out.push(...hunt(rows, d, d + DAY));
  return out;
}
