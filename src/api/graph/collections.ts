/**
 * The Graph log collections entrasim serves, what each one is (entity type, key,
 * time key, versions) and what it takes to read it (app roles, licence). Facts:
 * notes graph-api.md §1, §1.2, §3–§10.
 */
import { GRAPH_OF, type Category, type GraphVersion } from '../../core/categories.ts';
import * as caps from './capabilities.ts';
import type { QueryCapabilities } from './capabilities.ts';

export const GRAPH_COLLECTIONS = [
  'signIns',
  'directoryAudits',
  'provisioning',
  'customSecurityAttributeAudits',
  'riskyUsers',
  'riskyUserHistory',
  'riskDetections',
  'riskyServicePrincipals',
  'riskyServicePrincipalHistory',
  'servicePrincipalRiskDetections',
  'networkAccessTraffic',
  'remoteNetworkHealth',
] as const;

export type GraphCollection = (typeof GRAPH_COLLECTIONS)[number];

/** Throttling and error behaviour differ per API family (notes §13). */
export type ApiFamily = 'reports' | 'identityProtection' | 'networkAccess';

/** Licence a tenant needs before the collection answers (notes §1.2). */
export type RequiredLicence = 'none' | 'p1' | 'p2' | 'workloadIdentitiesPremium';

export interface GraphCollectionInfo {
  readonly collection: GraphCollection;
  /** Fully qualified entity type. */
  readonly entityType: string;
  readonly versions: ReadonlyArray<GraphVersion>;
  /** `@odata.context` path (CSDL names); `{parent}` stands for the parent key of history sets. */
  readonly contextPath: string;
  readonly keyProperty: string;
  /** The property the source orders by; `GraphLogItem.time` is its epoch-ms value. */
  readonly timeProperty: string;
  readonly family: ApiFamily;
  readonly parent?: GraphCollection;
  /** Any one of these app roles grants read access. */
  readonly readRoles: ReadonlyArray<string>;
  /** The permission named in Graph's "missing permission" error. */
  readonly leastPrivilegedRole: string;
  readonly licence: RequiredLicence;
  readonly capabilities: QueryCapabilities;
}

const BOTH: ReadonlyArray<GraphVersion> = ['v1.0', 'beta'];
const BETA: ReadonlyArray<GraphVersion> = ['beta'];
const G = 'microsoft.graph.';

const AUDIT_LOG = ['AuditLog.Read.All'];
const RISKY_USER = ['IdentityRiskyUser.Read.All', 'IdentityRiskyUser.ReadWrite.All'];
const RISK_EVENT = ['IdentityRiskEvent.Read.All', 'IdentityRiskEvent.ReadWrite.All'];
const RISKY_SP = ['IdentityRiskyServicePrincipal.Read.All', 'IdentityRiskyServicePrincipal.ReadWrite.All'];

export const COLLECTION_INFO: Readonly<Record<GraphCollection, GraphCollectionInfo>> = {
  signIns: {
    collection: 'signIns',
    entityType: G + 'signIn',
    versions: BOTH,
    contextPath: 'auditLogs/signIns',
    keyProperty: 'id',
    timeProperty: 'createdDateTime',
    family: 'reports',
    // Directory.Read.All alone is not enough (notes §1.2).
    readRoles: AUDIT_LOG,
    leastPrivilegedRole: 'AuditLog.Read.All',
    licence: 'p1',
    capabilities: caps.SIGN_INS,
  },
  directoryAudits: {
    collection: 'directoryAudits',
    entityType: G + 'directoryAudit',
    versions: BOTH,
    contextPath: 'auditLogs/directoryAudits',
    keyProperty: 'id',
    timeProperty: 'activityDateTime',
    family: 'reports',
    readRoles: AUDIT_LOG,
    leastPrivilegedRole: 'AuditLog.Read.All',
    licence: 'none',
    capabilities: caps.DIRECTORY_AUDITS,
  },
  provisioning: {
    collection: 'provisioning',
    entityType: G + 'provisioningObjectSummary',
    versions: BOTH,
    contextPath: 'auditLogs/provisioning',
    keyProperty: 'id',
    timeProperty: 'activityDateTime',
    family: 'reports',
    readRoles: AUDIT_LOG,
    leastPrivilegedRole: 'AuditLog.Read.All',
    licence: 'p1',
    capabilities: caps.PROVISIONING,
  },
  customSecurityAttributeAudits: {
    collection: 'customSecurityAttributeAudits',
    entityType: G + 'customSecurityAttributeAudit',
    versions: BETA,
    contextPath: 'auditLogs/customSecurityAttributeAudits',
    keyProperty: 'id',
    timeProperty: 'activityDateTime',
    family: 'reports',
    readRoles: ['CustomSecAttributeAuditLogs.Read.All'],
    leastPrivilegedRole: 'CustomSecAttributeAuditLogs.Read.All',
    licence: 'none',
    capabilities: caps.CUSTOM_SECURITY_ATTRIBUTE_AUDITS,
  },
  riskyUsers: {
    collection: 'riskyUsers',
    entityType: G + 'riskyUser',
    versions: BOTH,
    contextPath: 'identityProtection/riskyUsers',
    keyProperty: 'id',
    timeProperty: 'riskLastUpdatedDateTime',
    family: 'identityProtection',
    readRoles: RISKY_USER,
    leastPrivilegedRole: 'IdentityRiskyUser.Read.All',
    licence: 'p2',
    capabilities: caps.RISKY_USERS,
  },
  riskyUserHistory: {
    collection: 'riskyUserHistory',
    entityType: G + 'riskyUserHistoryItem',
    versions: BOTH,
    contextPath: "identityProtection/riskyUsers('{parent}')/history",
    keyProperty: 'id',
    timeProperty: 'riskLastUpdatedDateTime',
    family: 'identityProtection',
    parent: 'riskyUsers',
    readRoles: RISKY_USER,
    leastPrivilegedRole: 'IdentityRiskyUser.Read.All',
    licence: 'p2',
    capabilities: caps.RISKY_HISTORY,
  },
  riskDetections: {
    collection: 'riskDetections',
    entityType: G + 'riskDetection',
    versions: BOTH,
    contextPath: 'identityProtection/riskDetections',
    keyProperty: 'id',
    timeProperty: 'activityDateTime',
    family: 'identityProtection',
    readRoles: RISK_EVENT,
    leastPrivilegedRole: 'IdentityRiskEvent.Read.All',
    licence: 'p1',
    capabilities: caps.RISK_DETECTIONS,
  },
  riskyServicePrincipals: {
    collection: 'riskyServicePrincipals',
    entityType: G + 'riskyServicePrincipal',
    versions: BOTH,
    contextPath: 'identityProtection/riskyServicePrincipals',
    keyProperty: 'id',
    timeProperty: 'riskLastUpdatedDateTime',
    family: 'identityProtection',
    readRoles: RISKY_SP,
    leastPrivilegedRole: 'IdentityRiskyServicePrincipal.Read.All',
    licence: 'workloadIdentitiesPremium',
    capabilities: caps.RISKY_SERVICE_PRINCIPALS,
  },
  riskyServicePrincipalHistory: {
    collection: 'riskyServicePrincipalHistory',
    entityType: G + 'riskyServicePrincipalHistoryItem',
    versions: BOTH,
    contextPath: "identityProtection/riskyServicePrincipals('{parent}')/history",
    keyProperty: 'id',
    timeProperty: 'riskLastUpdatedDateTime',
    family: 'identityProtection',
    parent: 'riskyServicePrincipals',
    readRoles: RISKY_SP,
    leastPrivilegedRole: 'IdentityRiskyServicePrincipal.Read.All',
    licence: 'workloadIdentitiesPremium',
    capabilities: caps.RISKY_HISTORY,
  },
  servicePrincipalRiskDetections: {
    collection: 'servicePrincipalRiskDetections',
    entityType: G + 'servicePrincipalRiskDetection',
    versions: BOTH,
    contextPath: 'identityProtection/servicePrincipalRiskDetections',
    keyProperty: 'id',
    timeProperty: 'activityDateTime',
    family: 'identityProtection',
    readRoles: RISK_EVENT,
    leastPrivilegedRole: 'IdentityRiskEvent.Read.All',
    licence: 'workloadIdentitiesPremium',
    capabilities: caps.SERVICE_PRINCIPAL_RISK_DETECTIONS,
  },
  networkAccessTraffic: {
    collection: 'networkAccessTraffic',
    entityType: G + 'networkaccess.networkAccessTraffic',
    versions: BETA,
    contextPath: 'networkAccess/logs/traffic',
    keyProperty: 'transactionId',
    timeProperty: 'createdDateTime',
    family: 'networkAccess',
    readRoles: ['NetworkAccess-Reports.Read.All', 'NetworkAccess.Read.All', 'NetworkAccess.ReadWrite.All'],
    leastPrivilegedRole: 'NetworkAccess-Reports.Read.All',
    licence: 'none',
    capabilities: caps.NETWORK_ACCESS_TRAFFIC,
  },
  remoteNetworkHealth: {
    collection: 'remoteNetworkHealth',
    entityType: G + 'networkaccess.remoteNetworkHealthEvent',
    versions: BETA,
    contextPath: 'networkAccess/logs/remoteNetworks',
    keyProperty: 'id',
    timeProperty: 'createdDateTime',
    family: 'networkAccess',
    // The page says application permissions are unsupported; [rec] accept the
    // policy read roles and the reports role so collectors can be exercised at all.
    readRoles: [
      'NetworkAccessPolicy.Read.All',
      'NetworkAccessPolicy.ReadWrite.All',
      'NetworkAccess-Reports.Read.All',
      'NetworkAccess.Read.All',
    ],
    leastPrivilegedRole: 'NetworkAccessPolicy.Read.All',
    licence: 'none',
    capabilities: caps.REMOTE_NETWORK_HEALTH,
  },
};

/** Write roles for the risk actions (notes §7, §9). */
export const ACTION_ROLES = {
  riskyUsers: ['IdentityRiskyUser.ReadWrite.All'],
  riskyServicePrincipals: ['IdentityRiskyServicePrincipal.ReadWrite.All'],
  signIns: ['IdentityRiskEvent.ReadWrite.All'],
} as const;

/** Every read role the default collector app is granted. */
export const ALL_READ_ROLES: ReadonlyArray<string> = [
  ...new Set(Object.values(COLLECTION_INFO).flatMap((c) => c.readRoles.filter((r) => !r.includes('ReadWrite')))),
];

const BY_CATEGORY: Partial<Record<Category, GraphCollection>> = {
  AuditLogs: 'directoryAudits',
  SignInLogs: 'signIns',
  NonInteractiveUserSignInLogs: 'signIns',
  ServicePrincipalSignInLogs: 'signIns',
  ManagedIdentitySignInLogs: 'signIns',
  ProvisioningLogs: 'provisioning',
  RiskyUsers: 'riskyUsers',
  UserRiskEvents: 'riskDetections',
  RiskyServicePrincipals: 'riskyServicePrincipals',
  ServicePrincipalRiskEvents: 'servicePrincipalRiskDetections',
  NetworkAccessTrafficLogs: 'networkAccessTraffic',
  RemoteNetworkHealthLogs: 'remoteNetworkHealth',
  CustomSecurityAttributeAuditLogs: 'customSecurityAttributeAudits',
};

/** The collection a category's Graph resources land in; undefined where Graph has none. */
export function collectionOfCategory(category: Category): GraphCollection | undefined {
  return GRAPH_OF[category] ? BY_CATEGORY[category] : undefined;
}
