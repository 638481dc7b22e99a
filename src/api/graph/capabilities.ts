/**
 * What each Graph collection accepts in its query options, as data. Sources: notes
 * graph-api.md §1.1 (options, page sizes), §3–§10 (filterable properties and
 * operators), CSDL capability annotations (countable, skip). Where Microsoft documents
 * nothing the entry says [rec] and follows the nearest documented sibling.
 */
import type { FilterOperator, LambdaOperator } from './odata/ast.ts';

/**
 * `$filter` support: either an explicit table of property paths → operators, or every
 * property with the given operators. Paths are canonical (`status/errorCode`); a lambda
 * over a collection is written `collection/any` (primitive elements) or
 * `collection/any/sub/path` (properties of complex elements).
 */
export type FilterCapability =
  | { readonly kind: 'listed'; readonly properties: Readonly<Record<string, ReadonlyArray<FilterOperator>>> }
  | { readonly kind: 'all'; readonly operators: ReadonlyArray<FilterOperator>; readonly lambdas: ReadonlyArray<LambdaOperator> };

export interface QueryCapabilities {
  readonly filter: FilterCapability;
  /** Provisioning filters are case-sensitive (notes §1.1); everything else folds case. */
  readonly caseSensitive: boolean;
  /** Properties accepted by `$orderby` (the collection's time key: paging is keyset on it). */
  readonly orderBy: ReadonlyArray<string>;
  readonly top: { readonly default: number; readonly max: number };
  /** `$count=true` allowed (CSDL CountRestrictions/Countable). */
  readonly count: boolean;
  readonly select: boolean;
}

const EQ: ReadonlyArray<FilterOperator> = ['eq'];
const EQ_STARTS: ReadonlyArray<FilterOperator> = ['eq', 'startswith'];
const RANGE: ReadonlyArray<FilterOperator> = ['eq', 'ge', 'le'];
const ALL_COMPARE: ReadonlyArray<FilterOperator> = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'];

/** signIn `$filter` table: DC beta/resources/signin.md @027089ba (notes §3). */
export const SIGN_IN_FILTER: Readonly<Record<string, ReadonlyArray<FilterOperator>>> = {
  appDisplayName: EQ_STARTS,
  appId: EQ,
  authenticationRequirement: EQ_STARTS,
  clientAppUsed: EQ,
  'conditionalAccessAudiences/any': EQ,
  conditionalAccessStatus: EQ,
  correlationId: EQ,
  createdDateTime: RANGE,
  'deviceDetail/browser': EQ_STARTS,
  'deviceDetail/operatingSystem': EQ_STARTS,
  id: EQ,
  ipAddress: EQ_STARTS,
  'location/city': EQ_STARTS,
  'location/state': EQ_STARTS,
  'location/countryOrRegion': EQ_STARTS,
  originalRequestId: EQ,
  resourceDisplayName: EQ,
  resourceId: EQ,
  riskDetail: EQ,
  'riskEventTypes_v2/any': EQ_STARTS,
  riskLevelAggregated: EQ,
  riskLevelDuringSignIn: EQ,
  riskState: EQ,
  servicePrincipalId: EQ_STARTS,
  servicePrincipalName: EQ_STARTS,
  'signInEventTypes/any': ['eq', 'ne'],
  'status/errorCode': EQ,
  tokenIssuerName: EQ,
  userAgent: EQ_STARTS,
  userDisplayName: EQ_STARTS,
  userId: EQ,
  userPrincipalName: EQ_STARTS,
  // L graph/api/resources/appliedconditionalaccesspolicy: `id` (eq) via the collection.
  'appliedConditionalAccessPolicies/any/id': EQ,
  // 2020 beta page (DC beta/api/signin-list.md @923bf06f).
  tokenIssuerType: EQ,
  'riskEventTypes/any': EQ,
};

/** directoryAudit `$filter` table: DC v1.0/resources/directoryaudit.md (notes §4). */
export const DIRECTORY_AUDIT_FILTER: Readonly<Record<string, ReadonlyArray<FilterOperator>>> = {
  activityDateTime: RANGE,
  activityDisplayName: EQ_STARTS,
  correlationId: EQ,
  id: EQ,
  'initiatedBy/user/id': EQ,
  'initiatedBy/user/displayName': EQ,
  'initiatedBy/user/userPrincipalName': EQ_STARTS,
  'initiatedBy/app/appId': EQ,
  'initiatedBy/app/displayName': EQ,
  loggedByService: EQ,
  // [rec] the docs name targetResources id/displayName; OData needs the lambda form.
  'targetResources/any/id': EQ,
  'targetResources/any/displayName': EQ_STARTS,
};

const TIME_ORDERED = (property: string): ReadonlyArray<string> => [property];

export const SIGN_INS: QueryCapabilities = {
  filter: { kind: 'listed', properties: SIGN_IN_FILTER },
  caseSensitive: false,
  orderBy: TIME_ORDERED('createdDateTime'),
  top: { default: 1000, max: 1000 },
  count: true,
  select: true,
};

export const DIRECTORY_AUDITS: QueryCapabilities = {
  filter: { kind: 'listed', properties: DIRECTORY_AUDIT_FILTER },
  caseSensitive: false,
  orderBy: TIME_ORDERED('activityDateTime'),
  // [rec] page size undocumented; the sign-in figures.
  top: { default: 1000, max: 1000 },
  count: true,
  select: true,
};

export const PROVISIONING: QueryCapabilities = {
  // DC provisioningobjectsummary-list.md: eq, contains, gt, lt; no property list → all [rec].
  filter: { kind: 'all', operators: ['eq', 'contains', 'gt', 'lt'], lambdas: ['any'] },
  caseSensitive: true,
  orderBy: TIME_ORDERED('activityDateTime'),
  top: { default: 1000, max: 1000 },
  count: false,
  select: true,
};

export const CUSTOM_SECURITY_ATTRIBUTE_AUDITS: QueryCapabilities = {
  // Same operators as directoryAudits (eq, ge, le, startswith); same property table [rec].
  filter: { kind: 'listed', properties: DIRECTORY_AUDIT_FILTER },
  caseSensitive: false,
  orderBy: TIME_ORDERED('activityDateTime'),
  top: { default: 100, max: 100 },
  count: false,
  select: true,
};

/** Identity Protection collections: "supports $filter" without a table → all properties [rec]. */
const IDENTITY_PROTECTION_FILTER: FilterCapability = {
  kind: 'all',
  operators: [...ALL_COMPARE, 'startswith'],
  lambdas: ['any'],
};

export const RISK_DETECTIONS: QueryCapabilities = {
  filter: IDENTITY_PROTECTION_FILTER,
  caseSensitive: false,
  orderBy: TIME_ORDERED('activityDateTime'),
  top: { default: 20, max: 500 },
  count: false,
  select: true,
};

export const RISKY_USERS: QueryCapabilities = {
  filter: IDENTITY_PROTECTION_FILTER,
  caseSensitive: false,
  orderBy: TIME_ORDERED('riskLastUpdatedDateTime'),
  // [rec] undocumented; riskDetections' figures (same service).
  top: { default: 20, max: 500 },
  count: true,
  select: true,
};

export const RISKY_HISTORY: QueryCapabilities = { ...RISKY_USERS, count: false };

export const RISKY_SERVICE_PRINCIPALS: QueryCapabilities = { ...RISKY_USERS, count: true };

export const SERVICE_PRINCIPAL_RISK_DETECTIONS: QueryCapabilities = { ...RISK_DETECTIONS };

export const NETWORK_ACCESS_TRAFFIC: QueryCapabilities = {
  // "all properties filterable and orderable" (DC networkaccess-logs-list-traffic.md);
  // $orderby is limited to the time key here because paging is keyset on it.
  filter: { kind: 'all', operators: [...ALL_COMPARE, 'startswith', 'endswith', 'contains'], lambdas: ['any', 'all'] },
  caseSensitive: false,
  orderBy: TIME_ORDERED('createdDateTime'),
  top: { default: 1000, max: 1000 },
  count: false,
  select: true,
};

export const REMOTE_NETWORK_HEALTH: QueryCapabilities = { ...NETWORK_ACCESS_TRAFFIC };
