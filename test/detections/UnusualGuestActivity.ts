/**
 * Sentinel "External guest invitation followed by Microsoft Entra ID PowerShell signin"
 * (Medium), translated. Source: Azure/Azure-Sentinel "Solutions/Microsoft Entra ID/Analytic Rules/
 * UnusualGuestActivity.yaml" @ 26a1550da3923cf5b45d10df6232a199d483ab57 (1.0.1).
 * Runs hourly; invitations over 1d, sign-ins over the last hour.
 *
 * AuditLogs "Invite external user" / "Bulk invite users - started (bulk)" / "Invite external
 * user with reset invitation status" of the last day; for the inviter and each invited User
 * target UPN having "live.com#" or "#EXT#", the user key: lower case, the part before "#EXT#"
 * (or after "live.com#"), "@" → "_". Joined with SigninLogs ∪ AADNonInteractiveUserSignInLogs of
 * the last hour where UserType != "Member" and AppId has_any the PowerShell/CLI app ids; first
 * sign-in per UPN, key = UPN with "@" → "_" (not lower-cased).
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { DAY, hasAny, HOUR, inLast, initiator, targets, type RuleInfo } from './_directory-changes-kql.ts';

export const RULE: RuleInfo = {
  name: 'External guest invitation followed by Microsoft Entra ID PowerShell signin',
  source: 'Azure/Azure-Sentinel:Solutions/Microsoft Entra ID/Analytic Rules/UnusualGuestActivity.yaml@26a1550da3923cf5b45d10df6232a199d483ab57',
  queryFrequency: HOUR,
  queryPeriod: DAY,
  triggerThreshold: 0,
};

/** The app ids the rule lists (msshells.net). */
export const SHELL_APPS = [
  '1b730954-1685-4b74-9bfd-dac224a7b894',
  '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
  '1950a258-227b-4e31-a9cf-717495945fc2',
  'a0c73c16-a7e3-4564-9a95-2bdf47383716',
  'fb78d390-0c51-40cd-8e17-fdbfab77341b',
  'd1ddf0e4-d672-4dae-b554-9d5bdfd93547',
  '9bc3ab49-b65d-410a-85ad-de819febfddc',
  '12128f48-ec9e-42f0-b203-ea49fb6af367',
  '23d8f6bd-1eb0-4cc2-a08c-7bf525c67bcd',
  '31359c7f-bd7e-475c-86db-fdb8c937548e',
  '90f610bf-206d-4950-b61d-37fa6fd1b224',
  '14d82eec-204b-4c2f-b7e8-296a70dab67e',
];

const INVITES = ['Invite external user', 'Bulk invite users - started (bulk)', 'Invite external user with reset invitation status'];

export interface Match {
  readonly invitationTime: string;
  readonly invitedUser: string;
  readonly signInTime: string;
  readonly appDisplayName: string;
}

function parsedUser(upn: string): string {
  const lower = upn.toLowerCase();
  const base = upn.startsWith('live.com#') ? lower.split('#')[1] ?? '' : lower.split('#ext#')[0]!;
  return base.split('@').join('_');
}

export function evaluate(audit: ReadonlyArray<JsonObject>, signIns: ReadonlyArray<JsonObject>, now: number): Match[] {
  const first = new Map<string, JsonObject>();
  for (const s of inLast(signIns, now, HOUR)) {
    if (s.UserType === 'Member' || !hasAny(s.AppId, SHELL_APPS)) continue;
    const upn = String(s.UserPrincipalName);
    const prev = first.get(upn);
    if (!prev || String(s.TimeGenerated) < String(prev.TimeGenerated)) first.set(upn, s);
  }
  const byKey = new Map<string, JsonObject>();
  for (const [upn, s] of first) byKey.set(upn.split('@').join('_'), s);
  const out: Match[] = [];
  for (const r of inLast(audit, now, DAY)) {
    if (!INVITES.includes(String(r.OperationName))) continue;
    const by = initiator(r).name;
    for (const t of targets(r).filter((x) => String(x.type ?? '').toLowerCase() === 'user')) {
      const invited = String(t.userPrincipalName ?? '');
      for (const u of [by, invited]) {
        if (!hasAny(u, ['live.com#', '#EXT#'])) continue;
        const s = byKey.get(parsedUser(u));
        if (s) out.push({ invitationTime: String(r.TimeGenerated), invitedUser: invited, signInTime: String(s.TimeGenerated), appDisplayName: String(s.AppDisplayName) });
      }
    }
  }
  return out;
}
