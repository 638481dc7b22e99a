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
  INTERRUPTS,
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
        if (multiStep !== undefined && rng.bool(multiStep)) return buildBaselineUserFlow(ctx, time, { category, interrupt: rng.weighted(INTERRUPTS) });
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

/** Calls served by one token, on average: a token is acquired, then used a few times. */
export const CALLS_PER_TOKEN = 4;

type CallerKind = 'user' | 'app' | 'managedIdentity';

/**
 * Graph activity of one minute with the sign-ins that issued its tokens: `calls` requests
 * spread over ⌈calls / 4⌉ tokens, each token's sign-in written in the category that logs
 * it (non-interactive user, service principal, managed identity) when the run has that
 * category. The number of records depends only on `calls` and the run's categories, so
 * counts stay exact and shards stay independent.
 */
export interface GraphCellBuilder {
  /** Token sign-ins a minute with `calls` calls brings along. */
  tokensFor(calls: number): number;
  build(ctx: BuildContext, t0: number, span: number, calls: number, out: ActivityBase[]): void;
}

export function graphCellBuilder(run: PlannedRun): GraphCellBuilder {
  const emits = new Set<Category>(run.categories);
  const kinds: Array<readonly [CallerKind, number]> = [];
  if (emits.has('NonInteractiveUserSignInLogs')) kinds.push(['user', 45]);
  if (emits.has('ServicePrincipalSignInLogs')) kinds.push(['app', 40]);
  if (emits.has('ManagedIdentitySignInLogs') && run.tenant.managedIdentities.length > 0) kinds.push(['managedIdentity', 15]);
  const withTokens = kinds.length > 0;
  const tokensFor = (calls: number): number => (withTokens && calls > 0 ? Math.ceil(calls / CALLS_PER_TOKEN) : 0);
  return {
    tokensFor,
    build(ctx, t0, span, calls, out) {
      const { rng, tenant } = ctx;
      if (!withTokens) {
        for (let i = 0; i < calls; i++) out.push(buildGraphActivity(ctx, Math.floor(t0 + rng.next() * span)));
        return;
      }
      const tokens = tokensFor(calls);
      for (let t = 0; t < tokens; t++) {
        // Calls of this token: an even share of the minute's calls.
        const mine = Math.floor(calls / tokens) + (t < calls % tokens ? 1 : 0);
        const kind = rng.weighted(kinds);
        const user = kind === 'user' ? enabledUser(rng, tenant) : undefined;
        const time = Math.floor(t0 + rng.next() * span);
        // The token was acquired a little earlier (whole seconds, as `iat` is).
        const tokenIssuedAt = Math.floor((time - rng.range(2_000, 5 * 60_000)) / 1000) * 1000;
        const first: GraphActivity = user
          ? buildGraphActivity(ctx, time, { caller: 'user', user, tokenIssuedAt })
          : buildGraphActivity(ctx, time, { caller: kind, tokenIssuedAt });
        out.push(tokenSignIn(ctx, first, user, tokenIssuedAt));
        out.push(first);
        let at = time;
        for (let i = 1; i < mine; i++) {
          at = Math.min(at + rng.range(200, 20_000), t0 + span - 1);
          out.push(
            buildGraphActivity(ctx, at, {
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
      }
    },
  };
}

/** The sign-in that issued a call's token, with its `uniqueTokenIdentifier`. */
function tokenSignIn(ctx: BuildContext, call: GraphActivity, user: User | undefined, at: number): ActivityBase {
  const mi = call.idtyp === 'app' ? ctx.tenant.managedIdentities.find((m) => m.appId === call.appId) : undefined;
  if (call.idtyp === 'user' && user) {
    return buildUserSignIn(ctx, at, {
      category: 'NonInteractiveUserSignInLogs',
      user: user.index,
      app: call.appId,
      resource: 'Microsoft Graph',
      ip: call.ipAddress,
      uniqueTokenIdentifier: call.signInActivityId,
      ...(call.sessionId ? { sessionId: call.sessionId } : {}),
    });
  }
  if (mi) return buildManagedIdentitySignIn(ctx, at, { identity: mi.appId, resource: 'Microsoft Graph', uniqueTokenIdentifier: call.signInActivityId });
  return buildServicePrincipalSignIn(ctx, at, { app: call.appId, resource: 'Microsoft Graph', ip: call.ipAddress, uniqueTokenIdentifier: call.signInActivityId });
}

export function driverFor(module: CategoryModule, run: PlannedRun): Driver {
  switch (module.category) {
    case 'SignInLogs':
    case 'NonInteractiveUserSignInLogs':
    case 'ServicePrincipalSignInLogs':
    case 'ManagedIdentitySignInLogs':
      return signInDriver(module.category, run) ?? ((ctx, time) => module.baseline(ctx, time));
    default:
      return (ctx, time) => module.baseline(ctx, time);
  }
}
