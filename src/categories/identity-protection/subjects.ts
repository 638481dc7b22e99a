/** Who a risk record is about: a user of the tenant, or one of its service principals. */
import type { BuildContext } from '../../core/activity.ts';
import type { Application, User } from '../../tenant/types.ts';

/**
 * A builder's `user` spec: a User, a user index, or (absent) a random user. Risky users
 * are members only: B2B guests' user risk is evaluated in their home tenant
 * (entra-docs id-protection/concept-identity-protection-b2b.md).
 */
export function resolveUser(ctx: BuildContext, user: User | number | undefined, membersOnly: boolean): User {
  if (typeof user === 'object') return user;
  const t = ctx.tenant;
  if (typeof user === 'number') return t.user(user);
  return t.user(ctx.rng.int(membersOnly ? t.memberCount : t.userCount));
}

/**
 * A builder's `servicePrincipal` spec: an Application, its appId / SP object id, or a
 * random one of the tenant's own and SaaS apps. ID Protection covers single-tenant,
 * SaaS and multitenant apps, not managed identities (concept-workload-identity-risk.md).
 */
export function resolveServicePrincipal(ctx: BuildContext, sp: Application | string | undefined): Application {
  if (typeof sp === 'object') return sp;
  const apps = ctx.tenant.applications;
  if (typeof sp === 'string') {
    const found = apps.find((a) => a.appId === sp || a.servicePrincipalId === sp);
    if (found) return found;
    return ctx.tenant.app(sp);
  }
  return ctx.rng.pick(apps);
}

/** An admin's object id (the break-glass account included): who clicks in the portal. */
export function pickAdminId(ctx: BuildContext): string {
  const admins = ctx.tenant.admins;
  return admins.length > 0 ? ctx.rng.pick(admins).id : ctx.tenant.user(0).id;
}
