/**
 * sensitive-attribute-change: an attribute administrator signs in and changes a custom
 * security attribute used for access decisions (the `Security` set by default) on a
 * privileged user — e.g. raising `Security.Clearance` so attribute-based access control
 * grants more, or flipping an attribute a Conditional Access filter excludes on.
 * CustomSecurityAttributeAuditLogs "Update attribute values assigned to a user", initiated
 * by the admin from the IP of the sign-in.
 */
import type { ActivityBase } from '../../core/activity.ts';
import { buildCustomSecurityAttributeAudit } from '../../categories/custom-security-attribute-audit/index.ts';
import type { Story } from '../types.ts';
import { adminIndex, adminSignIn, buildContext, MINUTE, ROLE, usualIp, userParam } from './common.ts';

export interface SensitiveAttributeChangeParams {
  /** Who changes the attribute; default an Attribute Assignment Administrator (else another admin). */
  readonly actor?: number;
  /** The sensitive user; default a privileged role holder other than the actor. */
  readonly user?: number;
  readonly attributeSet: string;
  readonly attribute: string;
  /** The new value. */
  readonly value: string;
}

export const sensitiveAttributeChange: Story<SensitiveAttributeChangeParams> = {
  id: 'sensitive-attribute-change',
  title: 'Custom security attribute changed on a privileged user',
  description: 'An attribute administrator changes an access-relevant custom security attribute (Security.Clearance by default) on a privileged user.',
  categories: ['SignInLogs', 'CustomSecurityAttributeAuditLogs'],
  detections: ['Sensitive custom security attribute changed on a privileged user (entrasim definition from Microsoft guidance; no public Sentinel or Sigma rule exists)'],
  params: {
    properties: {
      actor: { type: 'integer', minimum: 0, description: 'Who changes the attribute (user index).' },
      user: { type: 'integer', minimum: 0, description: 'The sensitive user (user index).' },
      attributeSet: { type: 'string', minLength: 1, description: 'Attribute set.' },
      attribute: { type: 'string', minLength: 1, description: 'Attribute name in the set.' },
      value: { type: 'string', minLength: 1, description: 'New value.' },
    },
  },
  defaults: { attributeSet: 'Security', attribute: 'Clearance', value: 'High' },
  run(ctx, p) {
    const { rng, tenant } = ctx;
    const bctx = buildContext(ctx);
    const out: ActivityBase[] = [];
    const actor = userParam(tenant, p.actor, 'actor') ?? adminIndex(rng, tenant, [ROLE.attributeAssignmentAdmin, ROLE.globalAdmin]);
    const privileged = tenant.admins.filter((a) => a.index !== actor && a.roles.some((r) => r.privileged));
    const user = userParam(tenant, p.user, 'user') ?? (privileged.length > 0 ? rng.pick(privileged).index : adminIndex(rng, tenant, [], new Set([actor])));
    const ip = usualIp(rng, tenant, tenant.user(actor));
    const start = ctx.at + rng.int(90_000);
    out.push(...adminSignIn(bctx, start, actor, ip));
    out.push(
      ...buildCustomSecurityAttributeAudit(bctx, start + rng.range(2 * MINUTE, 9 * MINUTE), {
        activity: 'Update attribute values assigned to a user',
        initiator: { user: actor, ipAddress: ip },
        target: { user },
        attributeSet: p.attributeSet,
        attribute: p.attribute,
        value: p.value,
      }),
    );
    return out;
  },
};
