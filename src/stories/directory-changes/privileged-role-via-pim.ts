/**
 * privileged-role-via-pim: the sanctioned path. A privileged-role administrator makes a user
 * eligible for a role in PIM; later the user signs in, requests activation with a
 * justification, PIM completes it and writes the assignment itself through Core Directory as
 * MS-PIM; when the activation ends, PIM removes it ("PIM activation expired").
 *
 * Assignment rules that count PIM activations see an assignment; the outside-PIM rules must not.
 */
import type { ActivityBase } from '../../core/activity.ts';
import { buildAuditEvent } from '../../categories/audit/index.ts';
import type { DirectoryAuditActivity } from '../../categories/audit/index.ts';
import type { Story } from '../types.ts';
import { adminIndex, adminSignIn, buildContext, memberIndex, MINUTE, ROLE, usualIp, userParam } from './common.ts';

export interface PrivilegedRoleViaPimParams {
  /** Administrator making the eligible assignment; default a Privileged Role or Global Administrator. */
  readonly admin?: number;
  /** User made eligible, who then activates; default an ordinary member. */
  readonly user?: number;
  /** Role display name or template id. */
  readonly role: string;
  readonly eligibility: 'permanent' | 'timebound';
  /** Minutes between the eligible assignment and the activation. */
  readonly activationAfterMinutes: number;
  /** Activation justification (default drawn from typical ones). */
  readonly justification?: string;
  /** Write the expiry of the activation when it falls inside the scenario window. */
  readonly expire: boolean;
}

function detail(a: DirectoryAuditActivity, key: string): string | undefined {
  return a.additionalDetails.find((d) => d.key === key)?.value;
}

export const privilegedRoleViaPim: Story<PrivilegedRoleViaPimParams> = {
  id: 'privileged-role-via-pim',
  title: 'Privileged role through PIM: eligible assignment, activation, expiry',
  description:
    'An administrator makes a user eligible for a privileged role in PIM; the user later activates it with a justification (PIM writes the assignment as MS-PIM) and the activation expires. Must not trip the outside-PIM rules.',
  categories: ['SignInLogs', 'AuditLogs'],
  detections: [
    'New User Assigned to Privileged Role (Sentinel UserAssignedPrivilegedRole; counts PIM activations by default)',
    "User Added to an Administrator's Azure AD Role (Sigma azure_ad_user_added_to_admin_role; PIM activations are its documented false positive)",
  ],
  params: {
    properties: {
      admin: { type: 'integer', minimum: 0, description: 'Administrator making the eligible assignment (user index).' },
      user: { type: 'integer', minimum: 0, description: 'User made eligible (user index).' },
      role: { type: 'string', minLength: 1, description: 'Role display name or template id.' },
      eligibility: { enum: ['permanent', 'timebound'], description: 'Permanent or time-bound eligibility.' },
      activationAfterMinutes: { type: 'integer', minimum: 1, maximum: 2880, description: 'Minutes from assignment to activation.' },
      justification: { type: 'string', minLength: 1, description: 'Activation justification.' },
      expire: { type: 'boolean', description: 'Write the activation expiry.' },
    },
  },
  defaults: { role: 'Global Administrator', eligibility: 'permanent', activationAfterMinutes: 45, expire: true },
  run(ctx, p) {
    const { rng, tenant } = ctx;
    const bctx = buildContext(ctx);
    const out: ActivityBase[] = [];
    const admin = userParam(tenant, p.admin, 'admin') ?? adminIndex(rng, tenant, [ROLE.privilegedRoleAdmin, ROLE.globalAdmin]);
    const user = userParam(tenant, p.user, 'user') ?? memberIndex(rng, tenant, new Set([admin]));
    const adminIp = usualIp(rng, tenant, tenant.user(admin));
    // Stories start within a minute or so of their placement, not on the dot.
    let t = ctx.at + rng.int(90_000);
    out.push(...adminSignIn(bctx, t, admin, adminIp));
    t += rng.range(2 * MINUTE, 6 * MINUTE);
    out.push(
      ...buildAuditEvent(bctx, t, {
        activity: p.eligibility === 'permanent' ? 'Add eligible member to role in PIM completed (permanent)' : 'Add eligible member to role in PIM completed (timebound)',
        initiator: { user: admin, ipAddress: adminIp },
        target: { user, role: p.role },
        result: 'success',
      }),
    );
    t += p.activationAfterMinutes * MINUTE;
    const userIp = usualIp(rng, tenant, tenant.user(user));
    out.push(...adminSignIn(bctx, t, user, userIp));
    t += rng.range(1 * MINUTE, 4 * MINUTE);
    const activation = buildAuditEvent(bctx, t, {
      activity: 'Add member to role completed (PIM activation)',
      initiator: { user, ipAddress: userIp },
      target: { user, role: p.role },
      ...(p.justification !== undefined ? { justification: p.justification } : {}),
      result: 'success',
    });
    out.push(...activation);
    const completed = activation.find((a) => a.activityDisplayName === 'Add member to role completed (PIM activation)');
    const expiry = completed ? Date.parse(detail(completed, 'ExpirationTime') ?? '') : NaN;
    if (p.expire && Number.isFinite(expiry) && expiry < ctx.end) {
      out.push(...buildAuditEvent(bctx, expiry + rng.range(5, 60) * 1000, { activity: 'Remove member from role (PIM activation expired)', target: { user, role: p.role }, result: 'success' }));
    }
    return out;
  },
};
