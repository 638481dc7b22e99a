/**
 * What happens when a caller POSTs riskyUsers/confirmCompromised, dismiss or confirmSafe
 * (or the service-principal equivalents) to the mock Graph API: Identity Protection
 * changes the risk state, writes the RiskyUsers / RiskyServicePrincipals record of the
 * change (which updates the Graph resource and its history), and — for a confirmed
 * compromise — an adminConfirmedUserCompromised detection. The records go out through
 * every output like any other record.
 */
import type { ActivityBase, BuildContext } from '../core/activity.ts';
import { Rng } from '../core/random.ts';
import type { RiskAction, RiskActions } from '../api/graph/risk-actions.ts';
import { ServicePrincipalRiskStateMachine, UserRiskStateMachine } from '../categories/identity-protection/index.ts';
import type { Tenant } from '../tenant/types.ts';

export class EngineRiskActions implements RiskActions {
  private readonly users = new Map<string, UserRiskStateMachine>();
  private readonly servicePrincipals = new Map<string, ServicePrincipalRiskStateMachine>();
  private count = 0;

  constructor(
    private readonly tenant: Tenant,
    private readonly seed: string,
    private readonly emit: (activity: ActivityBase) => Promise<void>,
  ) {}

  private ctx(): BuildContext {
    return { rng: new Rng(`${this.seed}/risk-action/${this.count++}`), tenant: this.tenant };
  }

  async apply(action: RiskAction): Promise<void> {
    // The caller is an app: its service principal is the actor Identity Protection records.
    const actor = action.caller.servicePrincipalId ?? action.caller.appId;
    for (const id of action.ids) {
      const out: ActivityBase[] = [];
      if (action.target === 'riskyUsers') {
        const user = this.tenant.userById(id);
        if (!user) continue;
        let machine = this.users.get(id);
        if (!machine) this.users.set(id, (machine = new UserRiskStateMachine(this.ctx(), user)));
        const t =
          action.action === 'confirmCompromised'
            ? machine.confirmCompromised(action.time, actor)
            : action.action === 'dismiss'
              ? machine.dismiss(action.time, actor)
              : machine.confirmSafe(action.time, actor);
        if (t.riskyUser) out.push(t.riskyUser);
        out.push(...t.detections);
      } else if (action.target === 'riskyServicePrincipals') {
        const app = this.tenant.applications.find((a) => a.servicePrincipalId === id);
        if (!app) continue;
        let machine = this.servicePrincipals.get(id);
        if (!machine) this.servicePrincipals.set(id, (machine = new ServicePrincipalRiskStateMachine(this.ctx(), app)));
        const t = action.action === 'confirmCompromised' ? machine.confirmCompromised(action.time, actor) : machine.dismiss(action.time, actor);
        if (t.riskyServicePrincipal) out.push(t.riskyServicePrincipal);
        out.push(...t.detections);
      }
      for (const a of out) await this.emit(a);
    }
  }
}
