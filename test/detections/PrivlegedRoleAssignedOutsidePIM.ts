/**
 * Sentinel "Privileged Role Assigned Outside PIM" (Low), translated. Source: Azure/Azure-Sentinel
 * "Solutions/Microsoft Entra ID/Analytic Rules/PrivlegedRoleAssignedOutsidePIM.yaml"
 * @ 3f73afbe74e897a8742055d39d8d2ec71700f9bb (1.0.5). Runs daily over 1d. The NRT twin
 * (NRT_PrivlegedRoleAssignedOutsidePIM.yaml @ 793112e5e1af3762027ad6b9c719a4da4896daab) has
 * the same conditions.
 *
 * Category RoleManagement; OperationName has "Add member to role outside of PIM", or (Core
 * Directory, OperationName =~ "Add member to role", Identity != "MS-PIM"); one row per User
 * target (mv-apply drops events without one). No check that the role is privileged.
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { DAY, eqi, has, inLast, initiator, MINUTE, targets, type RuleInfo } from './_directory-changes-kql.ts';

export const RULE: RuleInfo = {
  name: 'Privileged Role Assigned Outside PIM',
  source: 'Azure/Azure-Sentinel:Solutions/Microsoft Entra ID/Analytic Rules/PrivlegedRoleAssignedOutsidePIM.yaml@3f73afbe74e897a8742055d39d8d2ec71700f9bb',
  queryFrequency: DAY,
  queryPeriod: DAY,
  triggerThreshold: 0,
};

export const NRT_RULE: RuleInfo = {
  name: 'NRT Privileged Role Assigned Outside PIM',
  source: 'Azure/Azure-Sentinel:Solutions/Microsoft Entra ID/Analytic Rules/NRT_PrivlegedRoleAssignedOutsidePIM.yaml@793112e5e1af3762027ad6b9c719a4da4896daab',
  queryFrequency: MINUTE,
  queryPeriod: MINUTE,
  triggerThreshold: 0,
};

export interface Match {
  readonly time: string;
  readonly target: string;
  readonly initiatedBy: string;
  readonly ipAddress: string;
}

export function matchRow(r: JsonObject): Match[] {
  if (!eqi(r.Category, 'RoleManagement')) return [];
  const outside = has(r.OperationName, 'Add member to role outside of PIM') || (eqi(r.LoggedByService, 'Core Directory') && eqi(r.OperationName, 'Add member to role') && r.Identity !== 'MS-PIM');
  if (!outside) return [];
  const who = initiator(r);
  return targets(r)
    .filter((t) => eqi(t.type, 'User'))
    .map((t) => ({ time: String(r.TimeGenerated), target: String(t.userPrincipalName ?? ''), initiatedBy: who.name, ipAddress: who.ipAddress }));
}

export function evaluate(audit: ReadonlyArray<JsonObject>, now: number, period = DAY): Match[] {
  return inLast(audit, now, period).flatMap(matchRow);
}
