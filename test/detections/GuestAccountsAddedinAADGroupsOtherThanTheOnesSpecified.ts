/**
 * Sentinel "Guest accounts added in Entra ID Groups other than the ones specified" (High),
 * translated. Source: Azure/Azure-Sentinel "Solutions/Microsoft Entra ID/Analytic Rules/
 * GuestAccountsAddedinAADGroupsOtherThanTheOnesSpecified.yaml" @ 24b26dcab434ba5b2920047538789e76b95038b5
 * (1.0.6). Runs every 2h over 2h.
 *
 * "Add member to group" / "Add owner to group"; per User target with a Group.DisplayName and a
 * Group.ObjectID property, the target UPN has_any ("CUSTOM DOMAIN NAME#", "#EXT#") and the group
 * id is not in GroupIDs. At defaults GroupIDs holds the two placeholder strings of the rule, so
 * every guest added to any group matches.
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { eqi, hasAny, HOUR, inLast, initiator, modifiedProperties, targets, trimQuotes, type RuleInfo } from './_directory-changes-kql.ts';

export const RULE: RuleInfo = {
  name: 'Guest accounts added in Entra ID Groups other than the ones specified',
  source: 'Azure/Azure-Sentinel:Solutions/Microsoft Entra ID/Analytic Rules/GuestAccountsAddedinAADGroupsOtherThanTheOnesSpecified.yaml@24b26dcab434ba5b2920047538789e76b95038b5',
  queryFrequency: 2 * HOUR,
  queryPeriod: 2 * HOUR,
  triggerThreshold: 0,
};

const GROUP_IDS = ['List with Custom AAD GROUP OBJECT ID 1', 'Custom AAD GROUP OBJECT ID 2'];

export interface Match {
  readonly time: string;
  readonly invitedUser: string;
  readonly group: string;
  readonly initiatedBy: string;
}

export function evaluate(audit: ReadonlyArray<JsonObject>, now: number): Match[] {
  const out: Match[] = [];
  for (const r of inLast(audit, now, 2 * HOUR)) {
    if (r.OperationName !== 'Add member to group' && r.OperationName !== 'Add owner to group') continue;
    for (const t of targets(r).filter((x) => eqi(x.type, 'User'))) {
      const upn = trimQuotes(String(t.userPrincipalName ?? ''));
      const props = modifiedProperties(t);
      const name = props.find((p) => eqi(p.displayName, 'Group.DisplayName'));
      const id = props.find((p) => eqi(p.displayName, 'Group.ObjectID'));
      if (!name || !id) continue;
      if (!hasAny(upn, ['CUSTOM DOMAIN NAME#', '#EXT#'])) continue;
      const groupId = trimQuotes(id.newValue ?? '');
      if (GROUP_IDS.includes(groupId)) continue;
      out.push({ time: String(r.TimeGenerated), invitedUser: upn, group: trimQuotes(name.newValue ?? ''), initiatedBy: initiator(r).name });
    }
  }
  return out;
}
