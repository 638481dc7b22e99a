/**
 * Microsoft first-party applications with their real, global app ids (the same in
 * every tenant), as they appear in `appId` / `appDisplayName` / `resourceId` /
 * `resourceDisplayName` of real sign-in logs.
 */
export interface FirstPartyAppRow {
  readonly appId: string;
  readonly displayName: string;
  readonly role: 'client' | 'resource' | 'both';
  readonly clientKind: 'browser' | 'richClient' | 'tool' | 'mobile' | 'daemon' | 'none';
  /** Display names of the resources this client usually gets tokens for. */
  readonly resources: ReadonlyArray<string>;
}

/** Microsoft's own tenant, owner of every first-party app (`appOwnerTenantId`). */
export const MICROSOFT_TENANT_ID = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a';
/** Microsoft Services tenant that issues some first-party tokens. */
export const MICROSOFT_SERVICES_TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';

// 797f4846… is registered as "Windows Azure Service Management API" but 2025 sign-in records name it
// "Azure Resource Manager" (resourceDisplayName), so that is the name used here.
export const FIRST_PARTY_APPS: ReadonlyArray<FirstPartyAppRow> = [
  { appId: '00000003-0000-0000-c000-000000000000', displayName: 'Microsoft Graph', role: 'resource', clientKind: 'none', resources: [] },
  { appId: '00000002-0000-0ff1-ce00-000000000000', displayName: 'Office 365 Exchange Online', role: 'resource', clientKind: 'none', resources: [] },
  { appId: '00000003-0000-0ff1-ce00-000000000000', displayName: 'Office 365 SharePoint Online', role: 'resource', clientKind: 'none', resources: [] },
  { appId: '00000002-0000-0000-c000-000000000000', displayName: 'Windows Azure Active Directory', role: 'resource', clientKind: 'none', resources: [] },
  { appId: '797f4846-ba00-4fd7-ba43-dac1f8f63013', displayName: 'Azure Resource Manager', role: 'resource', clientKind: 'none', resources: [] },
  { appId: 'cfa8b339-82a2-471a-a3c9-0fc0be7a4093', displayName: 'Azure Key Vault', role: 'resource', clientKind: 'none', resources: [] },
  { appId: 'e406a681-f3d4-42a8-90b6-c2b029497af1', displayName: 'Azure Storage', role: 'resource', clientKind: 'none', resources: [] },
  { appId: '0000000a-0000-0000-c000-000000000000', displayName: 'Microsoft Intune', role: 'resource', clientKind: 'none', resources: [] },
  { appId: '01cb2876-7ebd-4aa4-9cc9-d28bd4d359a9', displayName: 'Device Registration Service', role: 'resource', clientKind: 'none', resources: [] },
  { appId: 'cc15fd57-2c6c-4117-a88c-83b1d56b4bbe', displayName: 'Microsoft Teams Services', role: 'resource', clientKind: 'none', resources: [] },
  { appId: 'c5393580-f805-4401-95e8-94b7a6ef2fc2', displayName: 'Office 365 Management APIs', role: 'resource', clientKind: 'none', resources: [] },
  { appId: 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c', displayName: 'Azure Portal', role: 'client', clientKind: 'browser', resources: ['Azure Resource Manager', 'Microsoft Graph'] },
  { appId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46', displayName: 'Microsoft Azure CLI', role: 'client', clientKind: 'tool', resources: ['Azure Resource Manager', 'Microsoft Graph', 'Azure Key Vault'] },
  { appId: '1950a258-227b-4e31-a9cf-717495945fc2', displayName: 'Microsoft Azure PowerShell', role: 'client', clientKind: 'tool', resources: ['Azure Resource Manager', 'Microsoft Graph'] },
  { appId: '1b730954-1685-4b74-9bfd-dac224a7b894', displayName: 'Azure Active Directory PowerShell', role: 'client', clientKind: 'tool', resources: ['Windows Azure Active Directory', 'Microsoft Graph'] },
  { appId: '14d82eec-204b-4c2f-b7e8-296a70dab67e', displayName: 'Microsoft Graph Command Line Tools', role: 'client', clientKind: 'tool', resources: ['Microsoft Graph'] },
  { appId: 'de8bc8b5-d9f9-48b1-a8ad-b748da725064', displayName: 'Graph Explorer', role: 'client', clientKind: 'browser', resources: ['Microsoft Graph'] },
  { appId: '1fec8e78-bce4-4aaf-ab1b-5451cc387264', displayName: 'Microsoft Teams', role: 'client', clientKind: 'richClient', resources: ['Microsoft Teams Services', 'Microsoft Graph', 'Office 365 SharePoint Online'] },
  { appId: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', displayName: 'Microsoft Teams Web Client', role: 'client', clientKind: 'browser', resources: ['Microsoft Teams Services', 'Microsoft Graph'] },
  { appId: 'd3590ed6-52b3-4102-aeff-aad2292ab01c', displayName: 'Microsoft Office', role: 'client', clientKind: 'richClient', resources: ['Office 365 Exchange Online', 'Office 365 SharePoint Online', 'Microsoft Graph'] },
  { appId: '27922004-5251-4030-b22d-91ecd9a37ea4', displayName: 'Outlook Mobile', role: 'client', clientKind: 'mobile', resources: ['Office 365 Exchange Online', 'Microsoft Graph'] },
  { appId: '4765445b-32c6-49b0-83e6-1d93765276ca', displayName: 'OfficeHome', role: 'client', clientKind: 'browser', resources: ['Microsoft Graph', 'Office 365 SharePoint Online'] },
  { appId: '2793995e-0a7d-40d7-bd35-6968ba142197', displayName: 'My Apps', role: 'client', clientKind: 'browser', resources: ['Microsoft Graph'] },
  { appId: '38aa3b87-a06d-4817-b275-7a316988d93b', displayName: 'Windows Sign In', role: 'client', clientKind: 'richClient', resources: ['Windows Azure Active Directory', 'Device Registration Service'] },
  { appId: '29d9ed98-a469-4536-ade2-f981bc1d605e', displayName: 'Microsoft Authentication Broker', role: 'client', clientKind: 'richClient', resources: ['Device Registration Service', 'Microsoft Graph'] },
  { appId: '9ba1a5c7-f17a-4de9-a1f1-6178c8d51223', displayName: 'Microsoft Intune Company Portal', role: 'client', clientKind: 'mobile', resources: ['Microsoft Intune', 'Microsoft Graph'] },
  { appId: 'ab9b8c07-8f02-4f72-87fa-80105867a763', displayName: 'OneDrive SyncEngine', role: 'client', clientKind: 'richClient', resources: ['Office 365 SharePoint Online'] },
  { appId: 'ecd6b820-32c2-49b6-98a6-444530e5a77a', displayName: 'Microsoft Edge', role: 'client', clientKind: 'browser', resources: ['Microsoft Graph', 'Office 365 SharePoint Online'] },
  { appId: '80ccca67-54bd-44ab-8625-4b79c4dc7775', displayName: 'Microsoft 365 Security and Compliance Center', role: 'client', clientKind: 'browser', resources: ['Microsoft Graph'] },
  { appId: '0000000c-0000-0000-c000-000000000000', displayName: 'Microsoft App Access Panel', role: 'client', clientKind: 'browser', resources: ['Microsoft Graph'] },
  { appId: '4813382a-8fa7-425e-ab75-3b753aab3abb', displayName: 'Microsoft Authenticator App', role: 'client', clientKind: 'mobile', resources: ['Microsoft Graph'] },
];
