/**
 * Drivers: how the engine builds one baseline event of a category. By default the
 * category module's own baseline. Two categories get drivers that reach across
 * categories, as a real tenant does:
 *
 * - sign-ins follow the scenario's failure mix (AADSTS codes and their weights) and its
 *   share of multi-step sign-ins (an interrupt record, then the outcome, sharing
 *   correlationId and originalRequestId);
 * - Graph activity comes with the sign-in that issued its token: a token is acquired
 *   (non-interactive user, service-principal or managed-identity sign-in) and used for a
 *   few calls whose `signInActivityId` equals that sign-in's `uniqueTokenIdentifier`.
 */
import type { ActivityBase, BuildContext, CategoryModule } from '../core/activity.ts';
import type { Category } from '../core/categories.ts';
import type { Rng, Weighted } from '../core/random.ts';
import {
  buildBaselineUserFlow,
  buildManagedIdentitySignIn,
  buildServicePrincipalSignIn,
  buildUserSignIn,
  failureSpec,
  INTERRUPT_CODES,
} from '../categories/sign-ins/index.ts';
import { buildGraphActivity, type GraphActivity } from '../categories/graph-activity/index.ts';
import type { FailureMix } from '../scenarios/types.ts';
import type { Tenant, User } from '../tenant/types.ts';
import type { PlannedRun } from './run.ts';

export type Driver = (ctx: BuildContext, time: number) => ActivityBase[];

type SignInCategory = 'SignInLogs' | 'NonInteractiveUserSignInLogs' | 'ServicePrincipalSignInLogs' | 'ManagedIdentitySignInLogs';

function codeTable(mix: FailureMix): Weighted<number> {
  return Object.entries(mix.codes ?? {})
    .map(([code, w]) => [Number(code), Number(w)] as const)
    .filter(([, w]) => w > 0);
}

/** A sign-in driver that follows the scenario's failure mix; undefined when it says nothing. */
function signInDriver(category: SignInCategory, run: PlannedRun): Driver | undefined {
  const failures = run.scenario.failures;
  const mix = failures?.[category];
  const multiStep = category === 'SignInLogs' ? failures?.multiStep : undefined;
  if (!mix && multiStep === undefined) return undefined;
  const rate = mix?.rate ?? 0;
  const codes = mix ? codeTable(mix) : [];
  const interrupts: Weighted<number> = [
    [50140, 50],
    [50074, 22],
    [50076, 14],
    [50199, 6],
    [50072, 4],
    [50125, 4],
  ];
  return (ctx, time) => {
    const { rng, tenant } = ctx;
    const failing = codes.length > 0 && rng.bool(rate);
    switch (category) {
      case 'ServicePrincipalSignInLogs':
        return [buildServicePrincipalSignIn(ctx, time, failing ? { errorCode: rng.weighted(codes) } : {})];
      case 'ManagedIdentitySignInLogs':
        return tenant.managedIdentities.length === 0 ? [] : [buildManagedIdentitySignIn(ctx, time, failing ? { errorCode: rng.weighted(codes) } : {})];
      default: {
        if (failing) {
          const code = rng.weighted(codes);
          // Interrupts are not final: Entra writes the interrupt, then the user carries on.
          if (category === 'SignInLogs' && INTERRUPT_CODES.has(code)) return buildBaselineUserFlow(ctx, time, { category, interrupt: code });
          return buildBaselineUserFlow(ctx, time, failureSpec(rng, tenant, code, category));
        }
        if (multiStep !== undefined && rng.bool(multiStep)) return buildBaselineUserFlow(ctx, time, { category, interrupt: rng.weighted(interrupts) });
        return buildBaselineUserFlow(ctx, time, { category });
      }
    }
  };
}

function enabledUser(rng: Rng, tenant: Tenant): User {
  for (let i = 0; i < 16; i++) {
    const u = tenant.user(rng.int(tenant.userCount));
    if (u.accountEnabled) return u;
  }
  return tenant.user(0);
}

/** Calls made with one token: mostly a handful, sometimes a longer session. */
function callsPerToken(rng: Rng): number {
  return rng.weighted([
    [1, 30],
    [2, 22],
    [3, 16],
    [5, 14],
    [8, 10],
    [13, 8],
  ]);
}

/** Graph activity with the sign-in that issued its token. */
function graphActivityDriver(run: PlannedRun): Driver {
  const emits = new Set<Category>(run.categories);
  return (ctx, time) => {
    const { rng, tenant } = ctx;
    const kind = rng.weighted([
      ['user', 45],
      ['app', 40],
      ['managedIdentity', 15],
    ] as const);
    const user = kind === 'user' ? enabledUser(rng, tenant) : undefined;
    // The token was acquired a little earlier (whole seconds, as `iat` is).
    const tokenIssuedAt = Math.floor((time - rng.range(2_000, 20 * 60_000)) / 1000) * 1000;
    const first: GraphActivity = user
      ? buildGraphActivity(ctx, time, { caller: 'user', user, tokenIssuedAt })
      : buildGraphActivity(ctx, time, { caller: kind, tokenIssuedAt });
    const out: ActivityBase[] = [];
    const tokenTime = Math.min(first.tokenIssuedAt, time);
    // The token's sign-in, in the category that logs it, when the run includes that category.
    if (first.idtyp === 'user' && emits.has('NonInteractiveUserSignInLogs')) {
      if (user && user.id === first.userId) {
        out.push(
          buildUserSignIn(ctx, tokenTime, {
            category: 'NonInteractiveUserSignInLogs',
            user: user.index,
            app: first.appId,
            resource: 'Microsoft Graph',
            ip: first.ipAddress,
            uniqueTokenIdentifier: first.signInActivityId,
            ...(first.sessionId ? { sessionId: first.sessionId } : {}),
          }),
        );
      }
    } else if (first.idtyp === 'app') {
      const mi = tenant.managedIdentities.find((m) => m.appId === first.appId);
      if (mi && emits.has('ManagedIdentitySignInLogs')) {
        out.push(buildManagedIdentitySignIn(ctx, tokenTime, { identity: mi.appId, resource: 'Microsoft Graph', uniqueTokenIdentifier: first.signInActivityId }));
      } else if (!mi && emits.has('ServicePrincipalSignInLogs')) {
        out.push(
          buildServicePrincipalSignIn(ctx, tokenTime, {
            app: first.appId,
            resource: 'Microsoft Graph',
            ip: first.ipAddress,
            uniqueTokenIdentifier: first.signInActivityId,
          }),
        );
      }
    }
    out.push(first);
    // More calls on the same token, seconds to minutes apart.
    const more = callsPerToken(rng) - 1;
    let t = time;
    for (let i = 0; i < more; i++) {
      t += rng.range(200, 90_000);
      if (t >= run.end) break;
      out.push(
        buildGraphActivity(ctx, t, {
          caller: kind,
          ...(user && first.idtyp === 'user' ? { user, clientApp: tenant.app(first.appId) } : {}),
          ...(kind === 'app' ? { app: tenant.applications.find((a) => a.appId === first.appId) } : {}),
          ...(kind === 'managedIdentity' ? { managedIdentity: tenant.managedIdentities.find((m) => m.appId === first.appId) } : {}),
          ipAddress: first.ipAddress,
          userAgent: first.userAgent,
          signInActivityId: first.signInActivityId,
          tokenIssuedAt: first.tokenIssuedAt,
          ...(first.sessionId ? { sessionId: first.sessionId } : {}),
          ...(first.deviceId ? { deviceId: first.deviceId } : {}),
        }),
      );
    }
    return out;
  };
}

export function driverFor(module: CategoryModule, run: PlannedRun): Driver {
  switch (module.category) {
    case 'SignInLogs':
    case 'NonInteractiveUserSignInLogs':
    case 'ServicePrincipalSignInLogs':
    case 'ManagedIdentitySignInLogs':
      return signInDriver(module.category, run) ?? ((ctx, time) => module.baseline(ctx, time));
    case 'MicrosoftGraphActivityLogs':
      return graphActivityDriver(run);
    default:
      return (ctx, time) => module.baseline(ctx, time);
  }
}
