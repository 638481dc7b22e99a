/**
 * What happens when a caller POSTs riskyUsers/confirmCompromised, dismiss or confirmSafe
 * (or the service-principal equivalents) to the mock Graph API: Identity Protection
 * changes the risk state, writes the RiskyUsers / RiskyServicePrincipals record of the
 * change (which updates the Graph resource and its history), an AuditLogs record
 * (Identity Protection, initiated by the calling app) and — for a confirmed compromise —
 * an adminConfirmedUserCompromised detection. The records go out through every output
 * like any other record.
 */
import type { ActivityBase, BuildContext } from '../core/activity.ts';
import { Rng } from '../core/random.ts';
import type { RiskAction, RiskActions } from '../api/graph/risk-actions.ts';
import { ServicePrincipalRiskStateMachine, UserRiskStateMachine } from '../categories/identity-protection/index.ts';
import type { Tenant } from '../tenant/types.ts';
import { identityProtectionAudit, type IdentityProtectionAuditActivity } from '../categories/audit/identity-protection.ts';

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
    const actor = action.caller.servicePrincipalId || action.caller.appId;
    const auditActor = {
      kind: 'app' as const,
      appId: action.caller.appId,
      displayName: action.caller.appDisplayName,
      servicePrincipalId: action.caller.servicePrincipalId,
    };
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
        const activity: IdentityProtectionAuditActivity =
          action.action === 'confirmCompromised' ? 'ConfirmAccountCompromised' : action.action === 'dismiss' ? 'DismissUser' : 'ConfirmAccountSafe';
        out.push(identityProtectionAudit(this.ctx(), action.time, { activity, actor: auditActor, target: { kind: 'user', user } }));
      } else if (action.target === 'riskyServicePrincipals') {
        const app = this.tenant.applications.find((a) => a.servicePrincipalId === id);
        if (!app) continue;
        let machine = this.servicePrincipals.get(id);
        if (!machine) this.servicePrincipals.set(id, (machine = new ServicePrincipalRiskStateMachine(this.ctx(), app)));
        const t = action.action === 'confirmCompromised' ? machine.confirmCompromised(action.time, actor) : machine.dismiss(action.time, actor);
        if (t.riskyServicePrincipal) out.push(t.riskyServicePrincipal);
        out.push(...t.detections);
        out.push(
          identityProtectionAudit(this.ctx(), action.time, {
            activity: action.action === 'confirmCompromised' ? 'ConfirmServicePrincipalCompromised' : 'DismissServicePrincipal',
            actor: auditActor,
            target: { kind: 'servicePrincipal', id: app.servicePrincipalId, displayName: app.displayName },
          }),
        );
      }
      for (const a of out) await this.emit(a);
    }
  }
}
