/**
 * The diagnostic-settings log categories Entra ID exposes, and where each one lands:
 * its Log Analytics table (notes: log-analytics/README.md §2) and its Microsoft Graph
 * resource, where Graph has one (notes/graph-api.md §1).
 */
export const CATEGORIES = [
  'AuditLogs',
  'SignInLogs',
  'NonInteractiveUserSignInLogs',
  'ServicePrincipalSignInLogs',
  'ManagedIdentitySignInLogs',
  'ProvisioningLogs',
  'ADFSSignInLogs',
  'RiskyUsers',
  'UserRiskEvents',
  'RiskyServicePrincipals',
  'ServicePrincipalRiskEvents',
  'EnrichedOffice365AuditLogs',
  'MicrosoftGraphActivityLogs',
  'NetworkAccessTrafficLogs',
  'RemoteNetworkHealthLogs',
  'CustomSecurityAttributeAuditLogs',
] as const;

export type Category = (typeof CATEGORIES)[number];

export const SHAPES = ['diagnostic', 'graph', 'loganalytics'] as const;
export type Shape = (typeof SHAPES)[number];

export type GraphVersion = 'v1.0' | 'beta';

export interface GraphBinding {
  /** Graph entity type name without namespace (`signIn`, `networkAccessTraffic`). */
  readonly entityType: string;
  /** Versions that serve this resource. */
  readonly versions: ReadonlyArray<GraphVersion>;
  /** Collection path below the version root. */
  readonly path: string;
}

/** Log Analytics table per category. Note `SignInLogs` → `SigninLogs`. */
export const TABLE_OF: Readonly<Record<Category, string>> = {
  AuditLogs: 'AuditLogs',
  SignInLogs: 'SigninLogs',
  NonInteractiveUserSignInLogs: 'AADNonInteractiveUserSignInLogs',
  ServicePrincipalSignInLogs: 'AADServicePrincipalSignInLogs',
  ManagedIdentitySignInLogs: 'AADManagedIdentitySignInLogs',
  ProvisioningLogs: 'AADProvisioningLogs',
  ADFSSignInLogs: 'ADFSSignInLogs',
  RiskyUsers: 'AADRiskyUsers',
  UserRiskEvents: 'AADUserRiskEvents',
  RiskyServicePrincipals: 'AADRiskyServicePrincipals',
  ServicePrincipalRiskEvents: 'AADServicePrincipalRiskEvents',
  EnrichedOffice365AuditLogs: 'EnrichedMicrosoft365AuditLogs',
  MicrosoftGraphActivityLogs: 'MicrosoftGraphActivityLogs',
  NetworkAccessTrafficLogs: 'NetworkAccessTraffic',
  RemoteNetworkHealthLogs: 'RemoteNetworkHealthLogs',
  CustomSecurityAttributeAuditLogs: 'AADCustomSecurityAttributeAuditLogs',
};

const BOTH: ReadonlyArray<GraphVersion> = ['v1.0', 'beta'];
const BETA: ReadonlyArray<GraphVersion> = ['beta'];

/** Graph resource per category; ADFS sign-ins, Graph activity and enriched M365 logs have none. */
export const GRAPH_OF: Readonly<Record<Category, GraphBinding | null>> = {
  AuditLogs: { entityType: 'directoryAudit', versions: BOTH, path: 'auditLogs/directoryAudits' },
  SignInLogs: { entityType: 'signIn', versions: BOTH, path: 'auditLogs/signIns' },
  // Non-interactive, service-principal and managed-identity sign-ins are beta signIn
  // objects told apart by signInEventTypes; v1.0 serves interactive sign-ins only.
  NonInteractiveUserSignInLogs: { entityType: 'signIn', versions: BETA, path: 'auditLogs/signIns' },
  ServicePrincipalSignInLogs: { entityType: 'signIn', versions: BETA, path: 'auditLogs/signIns' },
  ManagedIdentitySignInLogs: { entityType: 'signIn', versions: BETA, path: 'auditLogs/signIns' },
  ProvisioningLogs: { entityType: 'provisioningObjectSummary', versions: BOTH, path: 'auditLogs/provisioning' },
  ADFSSignInLogs: null,
  RiskyUsers: { entityType: 'riskyUser', versions: BOTH, path: 'identityProtection/riskyUsers' },
  UserRiskEvents: { entityType: 'riskDetection', versions: BOTH, path: 'identityProtection/riskDetections' },
  RiskyServicePrincipals: {
    entityType: 'riskyServicePrincipal',
    versions: BOTH,
    path: 'identityProtection/riskyServicePrincipals',
  },
  ServicePrincipalRiskEvents: {
    entityType: 'servicePrincipalRiskDetection',
    versions: BOTH,
    path: 'identityProtection/servicePrincipalRiskDetections',
  },
  EnrichedOffice365AuditLogs: null,
  MicrosoftGraphActivityLogs: null,
  NetworkAccessTrafficLogs: { entityType: 'networkAccessTraffic', versions: BETA, path: 'networkAccess/logs/traffic' },
  RemoteNetworkHealthLogs: {
    entityType: 'remoteNetworkHealthEvent',
    versions: BETA,
    path: 'networkAccess/logs/remoteNetworks',
  },
  CustomSecurityAttributeAuditLogs: {
    entityType: 'customSecurityAttributeAudit',
    versions: BETA,
    path: 'auditLogs/customSecurityAttributeAudits',
  },
};

/** Event hub / storage container name Azure Monitor uses when the setting names none. */
export function hubName(category: Category): string {
  return `insights-logs-${category.toLowerCase()}`;
}

const BY_LOWER = new Map<string, Category>(CATEGORIES.map((c) => [c.toLowerCase(), c]));

/** Case-insensitive lookup; undefined for an unknown name. */
export function parseCategory(name: string): Category | undefined {
  return BY_LOWER.get(name.trim().toLowerCase());
}

export function isCategory(name: string): name is Category {
  return (CATEGORIES as ReadonlyArray<string>).includes(name);
}
