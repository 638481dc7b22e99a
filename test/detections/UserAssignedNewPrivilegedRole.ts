/**
 * Sentinel "User Assigned New Privileged Role" (High), translated. Source: Azure/Azure-Sentinel
 * "Solutions/Microsoft Entra ID/Analytic Rules/UserAssignedNewPrivilegedRole.yaml"
 * @ 78733cf6658a72e05b2f59db90fcfed68eb3a5c7 (1.0.1). Runs every 2h over 2h.
 *
 * RoleManagement; AADOperationType in (Assign, AssignEligibleRole, CreateRequestGrantedRole,
 * CreateRequestPermanentEligibleRole, CreateRequestPermanentGrantedRole); ActivityDisplayName
 * has_any ("Add eligible member to role", "Add member to role"); the User/ServicePrincipal
 * subject's Role.DisplayName property, or when the subject has no modified properties the Role
 * target's display name, contains "Admin"; initiator (app name, else UPN) != "MS-PIM";
 * summarised per 1h bin, operation, role, target, initiator.
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { containsi, eqi, hasAny, HOUR, inLast, initiator, modifiedProperties, targets, trimQuotes, type RuleInfo } from './_directory-changes-kql.ts';

export const RULE: RuleInfo = {
  name: 'User Assigned New Privileged Role',
  source: 'Azure/Azure-Sentinel:Solutions/Microsoft Entra ID/Analytic Rules/UserAssignedNewPrivilegedRole.yaml@78733cf6658a72e05b2f59db90fcfed68eb3a5c7',
  queryFrequency: 2 * HOUR,
  queryPeriod: 2 * HOUR,
  triggerThreshold: 0,
};

const OPERATION_TYPES = ['Assign', 'AssignEligibleRole', 'CreateRequestGrantedRole', 'CreateRequestPermanentEligibleRole', 'CreateRequestPermanentGrantedRole'];

export interface Match {
  readonly bin: number;
  readonly operationName: string;
  readonly roleName: string;
  readonly target: string;
  readonly initiator: string;
}

export function evaluate(audit: ReadonlyArray<JsonObject>, now: number): Match[] {
  const out = new Map<string, Match>();
  for (const r of inLast(audit, now, 2 * HOUR)) {
    if (!eqi(r.Category, 'RoleManagement') || !OPERATION_TYPES.includes(String(r.AADOperationType))) continue;
    if (!hasAny(r.ActivityDisplayName, ['Add eligible member to role', 'Add member to role'])) continue;
    const ts = targets(r);
    const subject = ts.find((t) => ['user', 'serviceprincipal'].includes(String(t.type ?? '').toLowerCase()));
    const role = ts.find((t) => eqi(t.type, 'Role'));
    if (!subject || !role) continue;
    const target = eqi(subject.type, 'ServicePrincipal') ? String(subject.displayName ?? '') : String(subject.userPrincipalName ?? '');
    const props = modifiedProperties(subject);
    const source = props.length > 0 ? props : [{ displayName: 'Role.DisplayName', oldValue: null, newValue: role.displayName === null || role.displayName === undefined ? null : String(role.displayName) }];
    const who = initiator(r);
    const init = who.appDisplayName || who.userPrincipalName;
    if (init === 'MS-PIM') continue;
    for (const p of source.filter((m) => eqi(m.displayName, 'Role.DisplayName'))) {
      const roleName = trimQuotes(p.newValue ?? '');
      if (!containsi(roleName, 'Admin')) continue;
      const bin = Math.floor(Date.parse(String(r.TimeGenerated)) / HOUR) * HOUR;
      out.set(`${bin}|${r.OperationName}|${roleName}|${target}|${init}`, { bin, operationName: String(r.OperationName), roleName, target, initiator: init });
    }
  }
  return [...out.values()];
}
