/**
 * The only writes on these logs: the bound risk actions (notes §7, §9) —
 * `riskyUsers/dismiss|confirmCompromised|confirmSafe` (`userIds`),
 * `riskyServicePrincipals/dismiss|confirmCompromised` (`servicePrincipalIds`),
 * `signIns/dismiss|confirmCompromised|confirmSafe` (`requestIds`), all answering 204.
 * The HTTP side calls a `RiskActions` hook; the engine implements it to change risk
 * state and write the audit and risk records that follow. `InMemoryRiskActions` is a
 * simple default that updates an `InMemoryGraphLogSource` in place.
 */
import type { JsonObject } from '../../core/activity.ts';
import type { GraphVersion } from '../../core/categories.ts';
import { graphTime } from '../../core/time.ts';
import type { GraphCaller } from './auth.ts';
import type { GraphCollection } from './collections.ts';
import type { InMemoryGraphLogSource } from './in-memory-source.ts';

export type RiskActionTarget = 'riskyUsers' | 'riskyServicePrincipals' | 'signIns';
export type RiskActionKind = 'dismiss' | 'confirmCompromised' | 'confirmSafe';

export interface RiskActionSpec {
  readonly actions: ReadonlyArray<RiskActionKind>;
  /** The id array the JSON body carries. */
  readonly bodyProperty: 'userIds' | 'servicePrincipalIds' | 'requestIds';
  readonly writeRoles: ReadonlyArray<string>;
}

export const RISK_ACTION_SPECS: Readonly<Record<RiskActionTarget, RiskActionSpec>> = {
  riskyUsers: {
    actions: ['dismiss', 'confirmCompromised', 'confirmSafe'],
    bodyProperty: 'userIds',
    writeRoles: ['IdentityRiskyUser.ReadWrite.All'],
  },
  riskyServicePrincipals: {
    actions: ['dismiss', 'confirmCompromised'],
    bodyProperty: 'servicePrincipalIds',
    writeRoles: ['IdentityRiskyServicePrincipal.ReadWrite.All'],
  },
  signIns: {
    actions: ['dismiss', 'confirmCompromised', 'confirmSafe'],
    bodyProperty: 'requestIds',
    writeRoles: ['IdentityRiskEvent.ReadWrite.All'],
  },
};

export interface RiskAction {
  readonly target: RiskActionTarget;
  readonly action: RiskActionKind;
  readonly ids: ReadonlyArray<string>;
  readonly version: GraphVersion;
  /** The app that called (the actor of the audit record the engine writes). */
  readonly caller: GraphCaller;
  /** Epoch ms. */
  readonly time: number;
}

export interface RiskActions {
  apply(action: RiskAction): void | Promise<void>;
}

/** .NET ticks of an epoch-ms instant (history ids are the user id followed by ticks). */
function dotNetTicks(ms: number): string {
  return (BigInt(ms) * 10_000n + 621_355_968_000_000_000n).toString();
}

interface Outcome {
  readonly riskState: string;
  readonly riskLevel: string;
  readonly riskDetail: string;
}

const USER_OUTCOMES: Readonly<Record<RiskActionKind, Outcome>> = {
  // "dismiss sets the targeted user's risk level to none" (riskyuser-dismiss.md).
  dismiss: { riskState: 'dismissed', riskLevel: 'none', riskDetail: 'adminDismissedAllRiskForUser' },
  confirmCompromised: { riskState: 'confirmedCompromised', riskLevel: 'high', riskDetail: 'adminConfirmedUserCompromised' },
  confirmSafe: { riskState: 'confirmedSafe', riskLevel: 'none', riskDetail: 'adminConfirmedAccountSafe' },
};

const SERVICE_PRINCIPAL_OUTCOMES: Readonly<Record<RiskActionKind, Outcome>> = {
  dismiss: { riskState: 'dismissed', riskLevel: 'none', riskDetail: 'adminDismissedAllRiskForServicePrincipal' },
  confirmCompromised: { riskState: 'confirmedCompromised', riskLevel: 'high', riskDetail: 'adminConfirmedServicePrincipalCompromised' },
  confirmSafe: { riskState: 'confirmedSafe', riskLevel: 'none', riskDetail: 'none' },
};

const SIGN_IN_OUTCOMES: Readonly<Record<RiskActionKind, Outcome>> = {
  dismiss: { riskState: 'dismissed', riskLevel: 'none', riskDetail: 'adminDismissedRiskForSignIn' },
  confirmCompromised: { riskState: 'confirmedCompromised', riskLevel: 'high', riskDetail: 'adminConfirmedSigninCompromised' },
  confirmSafe: { riskState: 'confirmedSafe', riskLevel: 'none', riskDetail: 'adminConfirmedSigninSafe' },
};

const VERSIONS: ReadonlyArray<GraphVersion> = ['v1.0', 'beta'];

/** Default hook: updates risky-user / service-principal state and history, and sign-in risk, in place. */
export class InMemoryRiskActions implements RiskActions {
  /** Every action applied, in order (tests and tools inspect it). */
  readonly applied: RiskAction[] = [];

  constructor(private readonly source: InMemoryGraphLogSource) {}

  apply(action: RiskAction): void {
    this.applied.push(action);
    for (const version of VERSIONS) {
      for (const id of action.ids) {
        if (action.target === 'signIns') this.updateSignIn(version, id, SIGN_IN_OUTCOMES[action.action]);
        else if (action.target === 'riskyUsers') this.updateRisky('riskyUsers', 'riskyUserHistory', version, id, USER_OUTCOMES[action.action], action);
        else this.updateRisky('riskyServicePrincipals', 'riskyServicePrincipalHistory', version, id, SERVICE_PRINCIPAL_OUTCOMES[action.action], action);
      }
    }
  }

  private updateSignIn(version: GraphVersion, id: string, outcome: Outcome): void {
    this.source.update('signIns', version, id, (r) => ({ ...r, riskState: outcome.riskState, riskDetail: outcome.riskDetail }));
  }

  private updateRisky(
    collection: GraphCollection,
    history: GraphCollection,
    version: GraphVersion,
    id: string,
    outcome: Outcome,
    action: RiskAction,
  ): void {
    const item = this.source.get(collection, version, id, { now: Infinity });
    if (!item) return;
    const stamp = graphTime(action.time);
    const resource: JsonObject = {
      ...item.resource,
      isProcessing: false,
      riskLastUpdatedDateTime: stamp,
      riskLevel: outcome.riskLevel,
      riskState: outcome.riskState,
      riskDetail: outcome.riskDetail,
    };
    this.source.append(collection, version, { time: action.time, id, resource, visibleAt: action.time });
    const historyId = `${id}${dotNetTicks(action.time)}`;
    const historyItem: JsonObject = {
      ...resource,
      id: historyId,
      ...(collection === 'riskyUsers' ? { userId: id } : { servicePrincipalId: id }),
      initiatedBy: action.caller.servicePrincipalId,
      activity: { detail: outcome.riskDetail, riskEventTypes: [] },
    };
    if (collection === 'riskyServicePrincipals' && version === 'v1.0') delete historyItem.servicePrincipalId;
    this.source.append(history, version, { time: action.time, id: historyId, resource: historyItem, parentId: id, visibleAt: action.time });
  }
}
