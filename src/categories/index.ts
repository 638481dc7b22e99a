/**
 * The category registry: one module per diagnostic-settings log category. Each module
 * folder holds its category's whole story (activity, builder, three renderers).
 */
import type { ActivityBase, CategoryModule } from '../core/activity.ts';
import type { Category } from '../core/categories.ts';
import { auditLogs } from './audit/index.ts';
import { signInLogs, nonInteractiveUserSignInLogs, servicePrincipalSignInLogs, managedIdentitySignInLogs } from './sign-ins/index.ts';
import { provisioningLogs } from './provisioning/index.ts';
import { adfsSignInLogs } from './adfs-sign-ins/index.ts';
import { riskyUsers } from './risky-users/index.ts';
import { userRiskEvents } from './user-risk-events/index.ts';
import { riskyServicePrincipals } from './risky-service-principals/index.ts';
import { servicePrincipalRiskEvents } from './service-principal-risk-events/index.ts';
import { enrichedOffice365AuditLogs } from './enriched-office365-audit/index.ts';
import { graphActivityLogs } from './graph-activity/index.ts';
import { networkAccessTrafficLogs } from './network-access-traffic/index.ts';
import { remoteNetworkHealthLogs } from './remote-network-health/index.ts';
import { customSecurityAttributeAuditLogs } from './custom-security-attribute-audit/index.ts';

/** Widens a module's activity type for the registry (each module only ever sees its own activities). */
function entry<A extends ActivityBase>(m: CategoryModule<A>): CategoryModule {
  return m as unknown as CategoryModule;
}

const MODULES: Readonly<Record<Category, CategoryModule>> = {
  AuditLogs: entry(auditLogs),
  SignInLogs: entry(signInLogs),
  NonInteractiveUserSignInLogs: entry(nonInteractiveUserSignInLogs),
  ServicePrincipalSignInLogs: entry(servicePrincipalSignInLogs),
  ManagedIdentitySignInLogs: entry(managedIdentitySignInLogs),
  ProvisioningLogs: entry(provisioningLogs),
  ADFSSignInLogs: entry(adfsSignInLogs),
  RiskyUsers: entry(riskyUsers),
  UserRiskEvents: entry(userRiskEvents),
  RiskyServicePrincipals: entry(riskyServicePrincipals),
  ServicePrincipalRiskEvents: entry(servicePrincipalRiskEvents),
  EnrichedOffice365AuditLogs: entry(enrichedOffice365AuditLogs),
  MicrosoftGraphActivityLogs: entry(graphActivityLogs),
  NetworkAccessTrafficLogs: entry(networkAccessTrafficLogs),
  RemoteNetworkHealthLogs: entry(remoteNetworkHealthLogs),
  CustomSecurityAttributeAuditLogs: entry(customSecurityAttributeAuditLogs),
};

export function categoryModule(category: Category): CategoryModule {
  return MODULES[category];
}

export function categoryModules(): ReadonlyArray<CategoryModule> {
  return Object.values(MODULES);
}
