/**
 * Log Analytics columns of the sign-in tables, in the order of the table reference, with
 * their Kusto types. Generated from log-analytics/tables/entra-tables-compared.json
 * (source preference current > docs2024 > sentinel_ct; columns of the preferred source
 * only), hidden `_…` columns left out, `TenantId` added where the reference omits it
 * (README §5: every table carries it).
 */
export type KustoType = 'string' | 'datetime' | 'bool' | 'int' | 'long' | 'real' | 'dynamic';

export type LaColumn = readonly [name: string, type: KustoType];

/** `SigninLogs` (current). */
export const SIGNIN_LOGS_COLUMNS: ReadonlyArray<LaColumn> = [
  ['AADTenantId', 'string'], ['Agent', 'dynamic'], ['AlternateSignInName', 'string'], ['AppDisplayName', 'string'],
  ['AppId', 'string'], ['AppliedConditionalAccessPolicies', 'string'], ['AppliedEventListeners', 'dynamic'],
  ['AppOwnerTenantId', 'string'], ['AuthenticationAppDeviceDetails', 'string'],
  ['AuthenticationAppPolicyEvaluationDetails', 'string'], ['AuthenticationContextClassReferences', 'string'],
  ['AuthenticationDetails', 'string'], ['AuthenticationMethodsUsed', 'string'],
  ['AuthenticationProcessingDetails', 'string'], ['AuthenticationProtocol', 'string'],
  ['AuthenticationRequirement', 'string'], ['AuthenticationRequirementPolicies', 'string'],
  ['AuthenticatorAppLocation', 'string'], ['AutonomousSystemNumber', 'string'], ['Category', 'string'],
  ['ClientAppUsed', 'string'], ['ClientCredentialType', 'string'], ['ClientSessionId', 'string'],
  ['ConditionalAccessAudiences', 'string'], ['ConditionalAccessPolicies', 'dynamic'],
  ['ConditionalAccessStatus', 'string'], ['CorrelationId', 'string'], ['CreatedDateTime', 'datetime'],
  ['CrossTenantAccessType', 'string'], ['DeviceDetail', 'dynamic'], ['DurationMs', 'long'],
  ['FederatedCredentialId', 'string'], ['FlaggedForReview', 'bool'], ['GlobalSecureAccessIpAddress', 'string'],
  ['HomeTenantId', 'string'], ['HomeTenantName', 'string'], ['Id', 'string'], ['Identity', 'string'],
  ['IncomingTokenType', 'string'], ['IPAddress', 'string'], ['IPAddressFromResourceProvider', 'string'],
  ['IsInteractive', 'bool'], ['IsRisky', 'bool'], ['IsTenantRestricted', 'bool'],
  ['IsThroughGlobalSecureAccess', 'bool'], ['Level', 'string'], ['Location', 'string'], ['LocationDetails', 'dynamic'],
  ['MfaDetail', 'dynamic'], ['NetworkLocationDetails', 'string'], ['OperationName', 'string'],
  ['OperationVersion', 'string'], ['OriginalRequestId', 'string'], ['OriginalTransferMethod', 'string'],
  ['ProcessingTimeInMilliseconds', 'string'], ['Resource', 'string'], ['ResourceDisplayName', 'string'],
  ['ResourceGroup', 'string'], ['ResourceId', 'string'], ['ResourceIdentity', 'string'],
  ['ResourceOwnerTenantId', 'string'], ['ResourceProvider', 'string'], ['ResourceServicePrincipalId', 'string'],
  ['ResourceTenantId', 'string'], ['ResultDescription', 'string'], ['ResultSignature', 'string'],
  ['ResultType', 'string'], ['RiskDetail', 'string'], ['RiskEventTypes', 'string'], ['RiskEventTypes_V2', 'string'],
  ['RiskLevel', 'string'], ['RiskLevelAggregated', 'string'], ['RiskLevelDuringSignIn', 'string'],
  ['RiskState', 'string'], ['RootActorID', 'string'], ['ServicePrincipalId', 'string'],
  ['ServicePrincipalName', 'string'], ['SessionId', 'string'], ['SessionLifetimePolicies', 'string'],
  ['SignInIdentifier', 'string'], ['SignInIdentifierType', 'string'], ['SourceAppClientId', 'string'],
  ['SourceSystem', 'string'], ['Status', 'dynamic'], ['TenantId', 'string'], ['TimeGenerated', 'datetime'],
  ['TokenIssuerName', 'string'], ['TokenIssuerType', 'string'], ['TokenProtectionStatusDetails', 'dynamic'],
  ['Type', 'string'], ['UniqueTokenIdentifier', 'string'], ['UserAgent', 'string'], ['UserDisplayName', 'string'],
  ['UserId', 'string'], ['UserPrincipalName', 'string'], ['UserType', 'string'],
];

/** `AADNonInteractiveUserSignInLogs` (current). */
export const NON_INTERACTIVE_COLUMNS: ReadonlyArray<LaColumn> = [
  ['AADTenantId', 'string'], ['Agent', 'string'], ['AlternateSignInName', 'string'], ['AppDisplayName', 'string'],
  ['AppId', 'string'], ['AppliedEventListeners', 'dynamic'], ['AppOwnerTenantId', 'string'],
  ['AuthenticationContextClassReferences', 'string'], ['AuthenticationDetails', 'string'],
  ['AuthenticationMethodsUsed', 'string'], ['AuthenticationProcessingDetails', 'string'],
  ['AuthenticationProtocol', 'string'], ['AuthenticationRequirement', 'string'],
  ['AuthenticationRequirementPolicies', 'string'], ['AuthenticatorAppLocation', 'string'],
  ['AutonomousSystemNumber', 'string'], ['Category', 'string'], ['ClientAppUsed', 'string'],
  ['ClientCredentialType', 'string'], ['ClientSessionId', 'string'], ['ConditionalAccessAudiences', 'string'],
  ['ConditionalAccessPolicies', 'string'], ['ConditionalAccessStatus', 'string'], ['CorrelationId', 'string'],
  ['CreatedDateTime', 'datetime'], ['CrossTenantAccessType', 'string'], ['DeviceDetail', 'string'],
  ['DurationMs', 'long'], ['FederatedCredentialId', 'string'], ['GlobalSecureAccessIpAddress', 'string'],
  ['HomeTenantId', 'string'], ['HomeTenantName', 'string'], ['Id', 'string'], ['Identity', 'string'],
  ['IncomingTokenType', 'string'], ['IPAddress', 'string'], ['IsInteractive', 'bool'], ['IsRisky', 'bool'],
  ['IsTenantRestricted', 'bool'], ['IsThroughGlobalSecureAccess', 'bool'], ['Level', 'string'], ['Location', 'string'],
  ['LocationDetails', 'string'], ['MfaDetail', 'string'], ['NetworkLocationDetails', 'string'],
  ['OperationName', 'string'], ['OperationVersion', 'string'], ['OriginalRequestId', 'string'],
  ['OriginalTransferMethod', 'string'], ['ProcessingTimeInMs', 'string'], ['ResourceDisplayName', 'string'],
  ['ResourceGroup', 'string'], ['ResourceIdentity', 'string'], ['ResourceOwnerTenantId', 'string'],
  ['ResourceServicePrincipalId', 'string'], ['ResourceTenantId', 'string'], ['ResultDescription', 'string'],
  ['ResultSignature', 'string'], ['ResultType', 'string'], ['RiskDetail', 'string'], ['RiskEventTypes', 'string'],
  ['RiskEventTypes_V2', 'string'], ['RiskLevelAggregated', 'string'], ['RiskLevelDuringSignIn', 'string'],
  ['RiskState', 'string'], ['ServicePrincipalId', 'string'], ['SessionId', 'string'],
  ['SessionLifetimePolicies', 'string'], ['SignInEventTypes', 'string'], ['SignInIdentifierType', 'string'],
  ['SourceSystem', 'string'], ['Status', 'string'], ['TenantId', 'string'], ['TimeGenerated', 'datetime'],
  ['TokenIssuerName', 'string'], ['TokenIssuerType', 'string'], ['TokenProtectionStatusDetails', 'string'],
  ['Type', 'string'], ['UniqueTokenIdentifier', 'string'], ['UserAgent', 'string'], ['UserDisplayName', 'string'],
  ['UserId', 'string'], ['UserPrincipalName', 'string'], ['UserType', 'string'],
];

/** `AADServicePrincipalSignInLogs` (current). */
export const SERVICE_PRINCIPAL_COLUMNS: ReadonlyArray<LaColumn> = [
  ['AADTenantId', 'string'], ['Agent', 'string'], ['AppId', 'string'], ['AppOwnerTenantId', 'string'],
  ['AuthenticationContextClassReferences', 'string'], ['AuthenticationProcessingDetails', 'string'],
  ['AutonomousSystemNumber', 'string'], ['Category', 'string'], ['ClientCredentialType', 'string'],
  ['ConditionalAccessAudiences', 'string'], ['ConditionalAccessPolicies', 'string'],
  ['ConditionalAccessStatus', 'string'], ['CorrelationId', 'string'], ['CreatedDateTime', 'datetime'],
  ['DurationMs', 'long'], ['FederatedCredentialId', 'string'], ['Id', 'string'], ['Identity', 'string'],
  ['IPAddress', 'string'], ['Level', 'string'], ['Location', 'string'], ['LocationDetails', 'string'],
  ['NetworkLocationDetails', 'string'], ['OperationName', 'string'], ['OperationVersion', 'string'],
  ['ResourceDisplayName', 'string'], ['ResourceGroup', 'string'], ['ResourceIdentity', 'string'],
  ['ResourceOwnerTenantId', 'string'], ['ResourceServicePrincipalId', 'string'], ['ResultDescription', 'string'],
  ['ResultSignature', 'string'], ['ResultType', 'string'], ['ServicePrincipalCredentialKeyId', 'string'],
  ['ServicePrincipalCredentialThumbprint', 'string'], ['ServicePrincipalId', 'string'],
  ['ServicePrincipalName', 'string'], ['SessionId', 'string'], ['SourceSystem', 'string'], ['TenantId', 'string'],
  ['TimeGenerated', 'datetime'], ['Type', 'string'], ['UniqueTokenIdentifier', 'string'], ['UserAgent', 'string'],
];

/** `AADManagedIdentitySignInLogs` (current). */
export const MANAGED_IDENTITY_COLUMNS: ReadonlyArray<LaColumn> = [
  ['AADTenantId', 'string'], ['Agent', 'string'], ['AppId', 'string'], ['AppOwnerTenantId', 'string'],
  ['AuthenticationContextClassReferences', 'string'], ['AuthenticationProcessingDetails', 'string'],
  ['Category', 'string'], ['ClientCredentialType', 'string'], ['ConditionalAccessAudiences', 'string'],
  ['ConditionalAccessPolicies', 'string'], ['ConditionalAccessStatus', 'string'], ['CorrelationId', 'string'],
  ['CreatedDateTime', 'datetime'], ['DurationMs', 'long'], ['FederatedCredentialId', 'string'], ['Id', 'string'],
  ['Identity', 'string'], ['IPAddress', 'string'], ['Level', 'string'], ['Location', 'string'],
  ['LocationDetails', 'string'], ['ManagedServiceIdentity', 'string'], ['NetworkLocationDetails', 'string'],
  ['OperationName', 'string'], ['OperationVersion', 'string'], ['ResourceDisplayName', 'string'],
  ['ResourceGroup', 'string'], ['ResourceIdentity', 'string'], ['ResourceOwnerTenantId', 'string'],
  ['ResourceServicePrincipalId', 'string'], ['ResultDescription', 'string'], ['ResultSignature', 'string'],
  ['ResultType', 'string'], ['ServicePrincipalCredentialKeyId', 'string'],
  ['ServicePrincipalCredentialThumbprint', 'string'], ['ServicePrincipalId', 'string'],
  ['ServicePrincipalName', 'string'], ['SessionId', 'string'], ['SourceAppClientId', 'string'],
  ['SourceSystem', 'string'], ['TenantId', 'string'], ['TimeGenerated', 'datetime'], ['Type', 'string'],
  ['UniqueTokenIdentifier', 'string'], ['UserAgent', 'string'],
];

/** `ADFSSignInLogs` (docs2024). */
export const ADFS_COLUMNS: ReadonlyArray<LaColumn> = [
  ['AlternateSignInName', 'string'], ['AppDisplayName', 'string'], ['AppId', 'string'],
  ['AuthenticationDetails', 'string'], ['AuthenticationProcessingDetails', 'string'],
  ['AuthenticationRequirement', 'string'], ['AuthenticationRequirementPolicies', 'string'], ['Category', 'string'],
  ['ConditionalAccessPolicies', 'string'], ['ConditionalAccessStatus', 'string'], ['CorrelationId', 'string'],
  ['CreatedDateTime', 'datetime'], ['DeviceDetail', 'string'], ['DurationMs', 'long'], ['Id', 'string'],
  ['Identity', 'string'], ['IPAddress', 'string'], ['IsInteractive', 'bool'], ['Level', 'string'],
  ['Location', 'string'], ['NetworkLocationDetails', 'string'], ['OperationName', 'string'],
  ['OperationVersion', 'string'], ['OriginalRequestId', 'string'], ['ProcessingTimeInMs', 'string'],
  ['Requirement', 'string'], ['ResourceDisplayName', 'string'], ['ResourceGroup', 'string'],
  ['ResourceIdentity', 'string'], ['ResourceTenantId', 'string'], ['ResultDescription', 'string'],
  ['ResultSignature', 'string'], ['ResultType', 'string'], ['SourceSystem', 'string'], ['Status', 'string'],
  ['TenantId', 'string'], ['TimeGenerated', 'datetime'], ['TokenIssuerName', 'string'], ['TokenIssuerType', 'string'],
  ['Type', 'string'], ['UniqueTokenIdentifier', 'string'], ['UserAgent', 'string'], ['UserDisplayName', 'string'],
  ['UserId', 'string'], ['UserPrincipalName', 'string'],
];
