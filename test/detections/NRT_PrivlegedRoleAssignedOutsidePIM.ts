/**
 * Sentinel "NRT Privileged Role Assigned Outside PIM", translated. Source: Azure/Azure-Sentinel
 * "Solutions/Microsoft Entra ID/Analytic Rules/NRT_PrivlegedRoleAssignedOutsidePIM.yaml"
 * @ 793112e5e1af3762027ad6b9c719a4da4896daab (1.0.2): the scheduled rule's conditions, every
 * minute over what arrived since (see PrivlegedRoleAssignedOutsidePIM.ts).
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { evaluate as scheduled, NRT_RULE, type Match } from './PrivlegedRoleAssignedOutsidePIM.ts';

export const RULE = NRT_RULE;

export function evaluate(audit: ReadonlyArray<JsonObject>, from: number, to: number): Match[] {
  return scheduled(audit, to, to - from);
}
