/**
 * The sign-in family: interactive, non-interactive, service-principal and managed-identity
 * sign-ins share one activity model, builders and renderers (AD FS sign-ins live in
 * ../adfs-sign-ins and reuse them).
 */
export { signInLogs } from './interactive.ts';
export { nonInteractiveUserSignInLogs } from './non-interactive.ts';
export { servicePrincipalSignInLogs } from './service-principal.ts';
export { managedIdentitySignInLogs } from './managed-identity.ts';
export { failureSpec, INTERRUPT_CODES, INTERRUPTS } from './interactive.ts';
export {
  buildUserSignIn,
  buildUserSignInFlow,
  buildBaselineUserFlow,
  type UserSignInSpec,
  type UserSignInFlowSpec,
  type UserSignInCategory,
  type MfaSpec,
} from './build-user.ts';
export {
  buildServicePrincipalSignIn,
  buildManagedIdentitySignIn,
  type ServicePrincipalSignInSpec,
  type ManagedIdentitySignInSpec,
} from './build-workload.ts';
export type { RiskSpec } from './common.ts';
export type * from './model.ts';
export { uniqueTokenIdentifierOf, requestId, sessionIdFor } from './ids.ts';
export { signInToDiagnostic } from './render-diagnostic.ts';
export { signInToGraph } from './render-graph.ts';
export { signInToLogAnalytics } from './render-log-analytics.ts';
