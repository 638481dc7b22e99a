/**
 * Sentinel "Explicit MFA Deny"
 * Azure/Azure-Sentinel Solutions/Microsoft Entra ID/Analytic Rules/ExplicitMFADeny.yaml
 * @ 17f14ae4acd5e23701df9425003f0829ff40e64f (version 1.0.3), queryPeriod 1d, daily.
 *
 * SigninLogs and AADNonInteractiveUserSignInLogs rows with ResultType 500121 whose Status
 * `has` "MFA Denied; user declined the authentication" or "MFA denied; Phone App Reported
 * Fraud". The DeviceInfo join (Defender for Endpoint) is a left outer join that only adds
 * columns: left out.
 */
import { str, table, USER_SIGN_IN_TABLES, type Row, type Tables } from './kql-sign-in.ts';
import { has } from './MFARejectedbyUser.ts';

export const NAME = 'Explicit MFA Deny';
export const COLUMNS = ['TimeGenerated', 'ResultType', 'Status', 'UserPrincipalName', 'IPAddress'];

export interface Finding {
  readonly table: string;
  readonly userPrincipalName: string;
  readonly ip: string;
  readonly time: string;
}

function matches(r: Row): boolean {
  if (str(r, 'ResultType') !== '500121') return false;
  const status = str(r, 'Status');
  return has(status, 'MFA Denied; user declined the authentication') || has(status, 'MFA denied; Phone App Reported Fraud');
}

/** A row-level rule: every matching row is in some daily run. */
export function detect(tables: Tables): Finding[] {
  const out: Finding[] = [];
  for (const name of USER_SIGN_IN_TABLES) {
    for (const r of table(tables, name)) if (matches(r)) out.push({ table: name, userPrincipalName: str(r, 'UserPrincipalName'), ip: str(r, 'IPAddress'), time: str(r, 'TimeGenerated') });
  }
  return out;
}
