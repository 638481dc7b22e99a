/**
 * Values of Entra provisioning logs: the provisioning jobs a tenant typically runs, step
 * names, skip reasons and error codes. Data only; logic in src/categories/provisioning/.
 *
 * Sources: Elastic's raw ProvisioningLogs samples (2022: jobId
 * `DropboxSCIMOutDelta.<tenant without dashes>.<guid>`, steps EntryImportAdd /
 * EntrySynchronizationScoping / EntrySynchronizationAdd / EntryExportAdd /
 * EntrySynchronizationSkip, SkipReason AttributeValidationFailed), Microsoft's Graph examples
 * (jobId `aws.<tenant>.<guid>`, `EntryImport`, `ContosoEntryConflict` with its 409 reason,
 * errorCategory nonServiceFailure), and the error codes Entra users quote
 * (`AzureActiveDirectoryDuplicateUserPrincipalName`,
 * `SystemForCrossDomainIdentityManagementServiceIncompatible`). Template ids other than those
 * seen in samples, and the wording of descriptions not seen, are best guesses.
 */

export type ProvisioningDirection = 'outbound' | 'inbound';

export interface ProvisioningConnectorRow {
  readonly key: string;
  readonly direction: ProvisioningDirection;
  /** First segment of jobId (the synchronization template). */
  readonly jobTemplate: string;
  /** Service principal display name (gallery app of the provisioning job). */
  readonly servicePrincipalName: string;
  /** The non-Entra side: targetSystem for outbound jobs, sourceSystem for inbound ones. */
  readonly systemName: string;
  /** `identityType` of the non-Entra identity. */
  readonly externalIdentityType: string;
  /** How ids look in the external system. */
  readonly externalIdFormat: 'scimGuid' | 'salesforce' | 'servicenow' | 'slack' | 'workday' | 'adGuid' | 'entraUser';
  /** Target of inbound jobs: on-premises AD or Entra ID. */
  readonly inboundTarget?: 'Active Directory' | 'Azure Active Directory';
  readonly weight: number;
}

export const PROVISIONING_CONNECTORS = [
  { key: 'salesforce', direction: 'outbound', jobTemplate: 'salesforce', servicePrincipalName: 'Salesforce', systemName: 'Salesforce', externalIdentityType: 'User', externalIdFormat: 'salesforce', weight: 20 },
  { key: 'servicenow', direction: 'outbound', jobTemplate: 'servicenow', servicePrincipalName: 'ServiceNow', systemName: 'ServiceNow', externalIdentityType: 'User', externalIdFormat: 'servicenow', weight: 15 },
  { key: 'slack', direction: 'outbound', jobTemplate: 'slack', servicePrincipalName: 'Slack', systemName: 'Slack', externalIdentityType: 'urn:ietf:params:scim:schemas:core:2.0:User', externalIdFormat: 'slack', weight: 15 },
  { key: 'zoom', direction: 'outbound', jobTemplate: 'zoom', servicePrincipalName: 'Zoom', systemName: 'Zoom', externalIdentityType: 'urn:ietf:params:scim:schemas:core:2.0:User', externalIdFormat: 'scimGuid', weight: 8 },
  { key: 'box', direction: 'outbound', jobTemplate: 'box', servicePrincipalName: 'Box', systemName: 'Box', externalIdentityType: 'User', externalIdFormat: 'scimGuid', weight: 5 },
  { key: 'aws', direction: 'outbound', jobTemplate: 'aws', servicePrincipalName: 'AWS IAM Identity Center', systemName: 'AWS IAM Identity Center', externalIdentityType: 'urn:ietf:params:scim:schemas:core:2.0:User', externalIdFormat: 'scimGuid', weight: 7 },
  { key: 'workday-ad', direction: 'inbound', jobTemplate: 'Workday2AD', servicePrincipalName: 'Workday to Active Directory User Provisioning', systemName: 'Workday', externalIdentityType: 'User', externalIdFormat: 'workday', inboundTarget: 'Active Directory', weight: 14 },
  { key: 'workday-entra', direction: 'inbound', jobTemplate: 'Workday2AAD', servicePrincipalName: 'Workday to Microsoft Entra user provisioning', systemName: 'Workday', externalIdentityType: 'User', externalIdFormat: 'workday', inboundTarget: 'Azure Active Directory', weight: 8 },
  { key: 'successfactors-ad', direction: 'inbound', jobTemplate: 'SuccessFactors2AD', servicePrincipalName: 'SAP SuccessFactors to Active Directory User Provisioning', systemName: 'SuccessFactors', externalIdentityType: 'User', externalIdFormat: 'workday', inboundTarget: 'Active Directory', weight: 5 },
  { key: 'successfactors-entra', direction: 'inbound', jobTemplate: 'SuccessFactors2AAD', servicePrincipalName: 'SAP SuccessFactors to Microsoft Entra user provisioning', systemName: 'SuccessFactors', externalIdentityType: 'User', externalIdFormat: 'workday', inboundTarget: 'Azure Active Directory', weight: 3 },
] as const satisfies ReadonlyArray<ProvisioningConnectorRow>;

export type ProvisioningConnectorKey = (typeof PROVISIONING_CONNECTORS)[number]['key'];

/** Entra's name in provisioning records [obs 2022: "Azure Active Directory"]. */
export const ENTRA_SYSTEM_NAME = 'Azure Active Directory';
/** Initiator of scheduled cycles [obs]. */
export const PROVISIONING_SERVICE_NAME = 'Azure AD Provisioning Service';

/** Diagnostic `provisioningStepType` numbers: the CSDL enum order (0 import … 5 export) [obs: 0,1,2,3,5]. */
export const STEP_TYPE_NUMBER = { import: 0, scoping: 1, matching: 2, processing: 3, referenceResolution: 4, export: 5 } as const;
/** Diagnostic step `status` numbers: provisioningResult enum order [obs: 0 success, 1 failure, 2 skipped]. */
export const STEP_STATUS_NUMBER = { success: 0, failure: 1, skipped: 2, warning: 3 } as const;
/** `statusInfo.Status` [obs: 0 success, 2 skipped; notes §A.4: 0|1|2]. */
export const STATUS_INFO_NUMBER = { success: 0, failure: 1, skipped: 2, warning: 0 } as const;

export interface ProvisioningErrorRow {
  readonly code: string;
  readonly category: 'failure' | 'nonServiceFailure';
  readonly direction: ProvisioningDirection | 'any';
  /** `{system}`, `{upn}`, `{name}` are filled in. */
  readonly reason: string;
  readonly recommendedAction: string | null;
  readonly weight: number;
}

export const PROVISIONING_ERRORS: ReadonlyArray<ProvisioningErrorRow> = [
  {
    // Microsoft's example: "<System>EntryConflict" with the 409 explanation.
    code: '{systemId}EntryConflict',
    category: 'nonServiceFailure',
    direction: 'outbound',
    reason:
      'Message: {system} returned an error response with the HTTP status code 409.  This response indicates that a user or a group already exisits with the same name. This can be avoided by identifying and removing the conflicting user from {system} via the {system} administrative user interface, or removing the current user from the scope of provisioning either by removing their assignment to the {system} application in Azure Active Directory or adding a scoping filter to exclude the user.',
    recommendedAction: null,
    weight: 5,
  },
  {
    code: 'SystemForCrossDomainIdentityManagementServiceIncompatible',
    category: 'nonServiceFailure',
    direction: 'outbound',
    reason:
      'StatusCode: BadRequest Message: Processing of the HTTP request resulted in an exception. Please see the HTTP response returned by the \'Response\' property of this exception for details. Web Response: {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"detail":"Invalid value for attribute \'emails\'.","scimType":"invalidValue","status":"400"}',
    recommendedAction: null,
    weight: 3,
  },
  {
    code: 'AzureActiveDirectoryDuplicateUserPrincipalName',
    category: 'nonServiceFailure',
    direction: 'inbound',
    reason: "Failed to create User '{upn}' in Azure Active Directory. The userPrincipalName '{upn}' is already in use by another object in the directory.",
    recommendedAction: 'Update the userPrincipalName mapping or remove the conflicting object, then retry.',
    weight: 4,
  },
  {
    code: 'DuplicateTargetEntries',
    category: 'nonServiceFailure',
    direction: 'inbound',
    reason: "The operation failed because more than one object in the target system matched the source object '{name}'. Remove the duplicate objects from the target system.",
    recommendedAction: null,
    weight: 2,
  },
];

export interface SkipReasonRow {
  readonly reason: string;
  /** `{name}` = the object, `{system}` = target system, `{property}` = attribute. */
  readonly description: string;
  readonly weight: number;
}

export const SKIP_REASONS: ReadonlyArray<SkipReasonRow> = [
  { reason: 'NotEffectivelyEntitled', description: "User '{name}' was skipped because it is not effectively entitled to be provisioned to {system}.", weight: 45 },
  { reason: 'RedundantExport', description: "User '{name}' was skipped because the object in {system} is already up to date.", weight: 35 },
  {
    reason: 'AttributeValidationFailed',
    description:
      "urn:ietf:params:scim:schemas:core:2.0:User '{name}' will be skipped because the value of the property {property} is missing or invalid. Please update the value of the property {property} on the object in the source system.",
    weight: 20,
  },
];
