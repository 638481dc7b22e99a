/**
 * Sentinel "New User Assigned to Privileged Role" (High), translated. Source: Azure/Azure-Sentinel
 * "Solutions/Microsoft Entra ID/Analytic Rules/UserAssignedPrivilegedRole.yaml"
 * @ 0f29f795efcc2cb7a2d17feb489e5e9283d27fec (1.1.0). Runs hourly; looks back 14 days.
 *
 * RoleManagement, AADOperationType in (Assign, AssignEligibleRole), ActivityDisplayName has_any
 * ("Add eligible member to role", "Add member to role"); per User/ServicePrincipal target
 * (Target = UPN, or display name for SPs) the Role.DisplayName modified property (quotes
 * trimmed) contains "Admin", Result == success. Events of the last hour whose (Target,
 * RoleName, OperationName) did not occur in the 14 days before are alerts. PIM activations
 * count: the filter on MS-PIM is commented out in the rule.
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { between, containsi, DAY, eqi, hasAny, HOUR, initiator, modifiedProperties, targets, trimQuotes, type RuleInfo } from './_directory-changes-kql.ts';

export const RULE: RuleInfo = {
  name: 'New User Assigned to Privileged Role',
  source: 'Azure/Azure-Sentinel:Solutions/Microsoft Entra ID/Analytic Rules/UserAssignedPrivilegedRole.yaml@0f29f795efcc2cb7a2d17feb489e5e9283d27fec',
  queryFrequency: HOUR,
  queryPeriod: 14 * DAY,
  triggerThreshold: 0,
};

export interface Match {
  readonly time: string;
  readonly operationName: string;
  readonly roleName: string;
  readonly target: string;
  readonly initiator: string;
}

function assignments(rows: ReadonlyArray<JsonObject>): Match[] {
  const out: Match[] = [];
  for (const r of rows) {
    if (!eqi(r.Category, 'RoleManagement')) continue;
    if (r.AADOperationType !== 'Assign' && r.AADOperationType !== 'AssignEligibleRole') continue;
    if (!hasAny(r.ActivityDisplayName, ['Add eligible member to role', 'Add member to role'])) continue;
    if (r.Result !== 'success') continue;
    const who = initiator(r);
    for (const t of targets(r).filter((x) => ['user', 'serviceprincipal'].includes(String(x.type ?? '').toLowerCase()))) {
      const target = eqi(t.type, 'ServicePrincipal') ? String(t.displayName ?? '') : String(t.userPrincipalName ?? '');
      for (const p of modifiedProperties(t).filter((m) => eqi(m.displayName, 'Role.DisplayName'))) {
        const roleName = trimQuotes(p.newValue ?? '');
        if (containsi(roleName, 'Admin')) out.push({ time: String(r.TimeGenerated), operationName: String(r.OperationName), roleName, target, initiator: who.appDisplayName || who.userPrincipalName });
      }
    }
  }
  return out;
}

export function evaluate(audit: ReadonlyArray<JsonObject>, now: number): Match[] {
  const start = now - HOUR;
  const seen = new Set(assignments(between(audit, start - 14 * DAY, start)).map((m) => `${m.target}\u0000${m.roleName}\u0000${m.operationName}`));
  return assignments(between(audit, start, now + 1)).filter((m) => !seen.has(`${m.target}\u0000${m.roleName}\u0000${m.operationName}`));
}
