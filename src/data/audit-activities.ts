/**
 * The Entra audit activities entrasim writes, as Entra names and files them, plus the value
 * tables their records draw on. Data only: the builders in src/categories/audit/ hold the logic.
 *
 * Sources: the real 2025 AuditLogs records in the Datadog storage fixtures (notes
 * diagnostic-format.md [obs]), the OTRF AuditLogs rows (log-analytics/samples), Sekoia and
 * Panther parser tests, Microsoft's "audit log activity reference" (entra-docs
 * reference-audit-activities.md) for names and categories, and the Sentinel PIM parser
 * mapping for PIM target-resource layouts.
 */

/** `loggedByService` values as Entra writes them. */
export type LoggedByService =
  | 'Core Directory'
  | 'Self-service Password Management'
  | 'Authentication Methods'
  | 'Invited Users'
  | 'PIM'
  | 'Conditional Access'
  | 'Device Registration Service';

/**
 * Prefix of `properties.id` per service [obs]: `Directory_<correlationId>_<5>_<digits>`,
 * `SSPR_…`, `Authentication Methods_…`, `Invited Users_…` (Sekoia), `PIM_…` (Panther);
 * other services use their own name (notes §A.4 — unverified for Conditional Access).
 */
export const ID_PREFIX: Readonly<Record<LoggedByService, string>> = {
  'Core Directory': 'Directory',
  'Self-service Password Management': 'SSPR',
  'Authentication Methods': 'Authentication Methods',
  'Invited Users': 'Invited Users',
  PIM: 'PIM',
  'Conditional Access': 'Conditional Access',
  'Device Registration Service': 'Device Registration Service',
};

/** Who performs an activity in a baseline tenant. */
export type InitiatorKind =
  /** A tenant admin through the portal, PowerShell or Graph. */
  | 'admin'
  /** The user the record is about, acting on themselves. */
  | 'self'
  /** A Microsoft back-end service principal (appId null in the record). */
  | 'service'
  /** Either an admin or a Microsoft service, depending on the variant. */
  | 'adminOrService';

/** How the builder fills targets, modified properties and details (see audit/activities.ts). */
export type AuditShape =
  | 'addUser'
  | 'updateUser'
  | 'deleteUser'
  | 'restoreUser'
  | 'disableAccount'
  | 'resetUserPassword'
  | 'changeUserPassword'
  | 'updatePasswordProfile'
  | 'stsRefresh'
  | 'inviteExternalUser'
  | 'redeemInvite'
  | 'ssprReset'
  | 'ssprChange'
  | 'securityInfoRegistered'
  | 'securityInfoStarted'
  | 'securityInfoDeleted'
  | 'securityInfoAllRequired'
  | 'addMemberToGroup'
  | 'removeMemberFromGroup'
  | 'addGroup'
  | 'updateGroup'
  | 'deleteGroup'
  | 'addOwnerToGroup'
  | 'addMemberToRole'
  | 'removeMemberFromRole'
  | 'pimEligiblePermanent'
  | 'pimEligibleTimebound'
  | 'pimActivationRequested'
  | 'pimActivationCompleted'
  | 'pimActivationExpired'
  | 'addApplication'
  | 'updateApplication'
  | 'updateApplicationSecrets'
  | 'addServicePrincipal'
  | 'updateServicePrincipal'
  | 'addServicePrincipalCredentials'
  | 'consentToApplication'
  | 'addDelegatedPermissionGrant'
  | 'addAppRoleAssignmentToServicePrincipal'
  | 'addAppRoleAssignmentGrantToUser'
  | 'addConditionalAccessPolicy'
  | 'updateConditionalAccessPolicy'
  | 'addNamedLocation'
  | 'registerDevice'
  | 'addDevice'
  | 'updateDevice'
  | 'deleteDevice'
  | 'addRegisteredOwnerToDevice'
  | 'addRegisteredUsersToDevice'
  | 'setCompanyInformation';

export interface AuditActivityRow {
  /** `activityDisplayName` (= envelope `operationName`, LA `OperationName`), byte for byte. */
  readonly name: string;
  /** `properties.category` / LA `Category`. */
  readonly category: string;
  readonly service: LoggedByService;
  /** `operationType` / LA `AADOperationType`. */
  readonly operationType: string;
  readonly shape: AuditShape;
  readonly initiator: InitiatorKind;
  /**
   * Relative baseline frequency (events per 1,000 audit events). 0 = only written as a
   * companion record of another activity (e.g. Core Directory "Change user password" after a
   * self-service change).
   */
  readonly weight: number;
}

/**
 * The catalogue. Weights follow what a mid-size tenant's audit log looks like: mostly
 * service-driven "Update user" / "Update device" and group membership changes, then
 * self-service security-info and password events; admin, role and app changes are rare.
 */
export const AUDIT_ACTIVITIES = [
  // UserManagement — Core Directory
  { name: 'Add user', category: 'UserManagement', service: 'Core Directory', operationType: 'Add', shape: 'addUser', initiator: 'admin', weight: 6 },
  { name: 'Update user', category: 'UserManagement', service: 'Core Directory', operationType: 'Update', shape: 'updateUser', initiator: 'adminOrService', weight: 260 },
  { name: 'Delete user', category: 'UserManagement', service: 'Core Directory', operationType: 'Delete', shape: 'deleteUser', initiator: 'admin', weight: 3 },
  { name: 'Restore user', category: 'UserManagement', service: 'Core Directory', operationType: 'Update', shape: 'restoreUser', initiator: 'admin', weight: 0.4 },
  { name: 'Disable account', category: 'UserManagement', service: 'Core Directory', operationType: 'Update', shape: 'disableAccount', initiator: 'admin', weight: 2 },
  { name: 'Reset user password', category: 'UserManagement', service: 'Core Directory', operationType: 'Update', shape: 'resetUserPassword', initiator: 'admin', weight: 4 },
  { name: 'Change user password', category: 'UserManagement', service: 'Core Directory', operationType: 'Update', shape: 'changeUserPassword', initiator: 'service', weight: 0 },
  { name: 'Update PasswordProfile', category: 'UserManagement', service: 'Core Directory', operationType: 'Update', shape: 'updatePasswordProfile', initiator: 'service', weight: 0 },
  { name: 'Update StsRefreshTokenValidFrom Timestamp', category: 'UserManagement', service: 'Core Directory', operationType: 'Update', shape: 'stsRefresh', initiator: 'service', weight: 4 },
  // UserManagement — B2B
  { name: 'Invite external user', category: 'UserManagement', service: 'Invited Users', operationType: 'Add', shape: 'inviteExternalUser', initiator: 'admin', weight: 2 },
  { name: 'Redeem external user invite', category: 'UserManagement', service: 'Invited Users', operationType: 'Update', shape: 'redeemInvite', initiator: 'self', weight: 1.5 },
  // UserManagement — self-service password management
  { name: 'Reset password (self-service)', category: 'UserManagement', service: 'Self-service Password Management', operationType: 'Update', shape: 'ssprReset', initiator: 'self', weight: 8 },
  { name: 'Change password (self-service)', category: 'UserManagement', service: 'Self-service Password Management', operationType: 'Update', shape: 'ssprChange', initiator: 'self', weight: 10 },
  // UserManagement — authentication methods (whole-second timestamps [obs])
  { name: 'User registered security info', category: 'UserManagement', service: 'Authentication Methods', operationType: 'Add', shape: 'securityInfoRegistered', initiator: 'self', weight: 24 },
  { name: 'User started security info registration', category: 'UserManagement', service: 'Authentication Methods', operationType: 'Add', shape: 'securityInfoStarted', initiator: 'self', weight: 0 },
  { name: 'User deleted security info', category: 'UserManagement', service: 'Authentication Methods', operationType: 'Delete', shape: 'securityInfoDeleted', initiator: 'self', weight: 3 },
  { name: 'User registered all required security info', category: 'UserManagement', service: 'Authentication Methods', operationType: 'Add', shape: 'securityInfoAllRequired', initiator: 'self', weight: 5 },
  // GroupManagement
  { name: 'Add member to group', category: 'GroupManagement', service: 'Core Directory', operationType: 'Assign', shape: 'addMemberToGroup', initiator: 'admin', weight: 70 },
  { name: 'Remove member from group', category: 'GroupManagement', service: 'Core Directory', operationType: 'Unassign', shape: 'removeMemberFromGroup', initiator: 'admin', weight: 35 },
  { name: 'Add group', category: 'GroupManagement', service: 'Core Directory', operationType: 'Add', shape: 'addGroup', initiator: 'admin', weight: 4 },
  { name: 'Update group', category: 'GroupManagement', service: 'Core Directory', operationType: 'Update', shape: 'updateGroup', initiator: 'admin', weight: 8 },
  { name: 'Delete group', category: 'GroupManagement', service: 'Core Directory', operationType: 'Delete', shape: 'deleteGroup', initiator: 'admin', weight: 1 },
  { name: 'Add owner to group', category: 'GroupManagement', service: 'Core Directory', operationType: 'Assign', shape: 'addOwnerToGroup', initiator: 'admin', weight: 3 },
  // RoleManagement
  { name: 'Add member to role', category: 'RoleManagement', service: 'Core Directory', operationType: 'Assign', shape: 'addMemberToRole', initiator: 'admin', weight: 0 },
  { name: 'Remove member from role', category: 'RoleManagement', service: 'Core Directory', operationType: 'Unassign', shape: 'removeMemberFromRole', initiator: 'admin', weight: 0.6 },
  { name: 'Add eligible member to role in PIM completed (permanent)', category: 'RoleManagement', service: 'PIM', operationType: 'Add', shape: 'pimEligiblePermanent', initiator: 'admin', weight: 0.3 },
  { name: 'Add eligible member to role in PIM completed (timebound)', category: 'RoleManagement', service: 'PIM', operationType: 'Add', shape: 'pimEligibleTimebound', initiator: 'admin', weight: 0.3 },
  { name: 'Add member to role requested (PIM activation)', category: 'RoleManagement', service: 'PIM', operationType: 'Add', shape: 'pimActivationRequested', initiator: 'self', weight: 0 },
  { name: 'Add member to role completed (PIM activation)', category: 'RoleManagement', service: 'PIM', operationType: 'Add', shape: 'pimActivationCompleted', initiator: 'self', weight: 3 },
  { name: 'Remove member from role (PIM activation expired)', category: 'RoleManagement', service: 'PIM', operationType: 'Delete', shape: 'pimActivationExpired', initiator: 'service', weight: 2.5 },
  // ApplicationManagement
  { name: 'Add application', category: 'ApplicationManagement', service: 'Core Directory', operationType: 'Add', shape: 'addApplication', initiator: 'admin', weight: 0.6 },
  { name: 'Update application', category: 'ApplicationManagement', service: 'Core Directory', operationType: 'Update', shape: 'updateApplication', initiator: 'admin', weight: 3 },
  // En dash and trailing blank exactly as Entra writes it (OTRF sample row).
  { name: 'Update application – Certificates and secrets management ', category: 'ApplicationManagement', service: 'Core Directory', operationType: 'Update', shape: 'updateApplicationSecrets', initiator: 'admin', weight: 1.2 },
  { name: 'Add service principal', category: 'ApplicationManagement', service: 'Core Directory', operationType: 'Add', shape: 'addServicePrincipal', initiator: 'admin', weight: 1.5 },
  { name: 'Update service principal', category: 'ApplicationManagement', service: 'Core Directory', operationType: 'Update', shape: 'updateServicePrincipal', initiator: 'admin', weight: 3 },
  { name: 'Add service principal credentials', category: 'ApplicationManagement', service: 'Core Directory', operationType: 'Update', shape: 'addServicePrincipalCredentials', initiator: 'admin', weight: 0.4 },
  { name: 'Consent to application', category: 'ApplicationManagement', service: 'Core Directory', operationType: 'Assign', shape: 'consentToApplication', initiator: 'self', weight: 0.15 },
  { name: 'Add delegated permission grant', category: 'ApplicationManagement', service: 'Core Directory', operationType: 'Assign', shape: 'addDelegatedPermissionGrant', initiator: 'admin', weight: 0 },
  { name: 'Add app role assignment to service principal', category: 'ApplicationManagement', service: 'Core Directory', operationType: 'Assign', shape: 'addAppRoleAssignmentToServicePrincipal', initiator: 'admin', weight: 0.6 },
  { name: 'Add app role assignment grant to user', category: 'UserManagement', service: 'Core Directory', operationType: 'Assign', shape: 'addAppRoleAssignmentGrantToUser', initiator: 'admin', weight: 5 },
  // Policy — Conditional Access
  { name: 'Add conditional access policy', category: 'Policy', service: 'Conditional Access', operationType: 'Add', shape: 'addConditionalAccessPolicy', initiator: 'admin', weight: 0.2 },
  { name: 'Update conditional access policy', category: 'Policy', service: 'Conditional Access', operationType: 'Update', shape: 'updateConditionalAccessPolicy', initiator: 'admin', weight: 0.8 },
  { name: 'Add named location', category: 'Policy', service: 'Conditional Access', operationType: 'Add', shape: 'addNamedLocation', initiator: 'admin', weight: 0.1 },
  // Device
  { name: 'Register device', category: 'Device', service: 'Device Registration Service', operationType: 'Add', shape: 'registerDevice', initiator: 'self', weight: 6 },
  { name: 'Add device', category: 'Device', service: 'Core Directory', operationType: 'Add', shape: 'addDevice', initiator: 'service', weight: 0 },
  { name: 'Add registered owner to device', category: 'Device', service: 'Core Directory', operationType: 'Assign', shape: 'addRegisteredOwnerToDevice', initiator: 'service', weight: 0 },
  { name: 'Add registered users to device', category: 'Device', service: 'Core Directory', operationType: 'Assign', shape: 'addRegisteredUsersToDevice', initiator: 'service', weight: 0 },
  { name: 'Update device', category: 'Device', service: 'Core Directory', operationType: 'Update', shape: 'updateDevice', initiator: 'service', weight: 45 },
  { name: 'Delete device', category: 'Device', service: 'Core Directory', operationType: 'Delete', shape: 'deleteDevice', initiator: 'admin', weight: 1 },
  // DirectoryManagement
  { name: 'Set Company Information', category: 'DirectoryManagement', service: 'Core Directory', operationType: 'Update', shape: 'setCompanyInformation', initiator: 'admin', weight: 0.1 },
] as const satisfies ReadonlyArray<AuditActivityRow>;

export type AuditActivityName = (typeof AUDIT_ACTIVITIES)[number]['name'];

/**
 * Microsoft back-end service principals that initiate audit events. In the records their
 * `initiatedBy.app.appId` is null and `servicePrincipalId` is the SP's object id in the
 * tenant [obs, Datadog 2025]; some add `ActorId.ServicePrincipalNames` / `SPN` modified
 * properties with these values [obs].
 */
export interface ServiceActorRow {
  readonly displayName: string;
  readonly appId: string;
  /** `ActorId.ServicePrincipalNames` / `SPN` value, when Entra writes one. */
  readonly spns?: string;
}

export const SERVICE_ACTORS = {
  credentialConfig: { displayName: 'Azure Credential Configuration Endpoint Service', appId: 'ea890292-c8c8-4433-b5ea-b09d0668e1a6', spns: 'ea890292-c8c8-4433-b5ea-b09d0668e1a6;https://mface.windowsazure.com/' },
  mfa: { displayName: 'Azure MFA StrongAuthenticationService', appId: 'b5a60e17-278b-4c92-a4e2-b9262e66bb28', spns: 'b5a60e17-278b-4c92-a4e2-b9262e66bb28' },
  passwordReset: {
    displayName: 'Microsoft password reset service',
    appId: '93625bc8-bfe2-437a-97e0-3d0060024faa',
    spns: 'https://passwordreset.microsoftonline.com/;93625bc8-bfe2-437a-97e0-3d0060024faa;SelfServicePasswordReset',
  },
  pim: { displayName: 'MS-PIM', appId: '01fc33a7-78ba-4d2f-a4b7-768e336e890e' },
  deviceRegistration: { displayName: 'Device Registration Service', appId: '01cb2876-7ebd-4aa4-9cc9-d28bd4d359a9' },
  intune: { displayName: 'Microsoft Intune', appId: '0000000a-0000-0000-c000-000000000000' },
  substrate: { displayName: 'Microsoft Substrate Management', appId: '98db8bd6-0cc0-4e67-9de5-f187f1cd1b41' },
  teams: { displayName: 'Microsoft Teams Services', appId: 'cc15fd57-2c6c-4117-a88c-83b1d56b4bbe' },
} as const satisfies Readonly<Record<string, ServiceActorRow>>;

export type ServiceActorKey = keyof typeof SERVICE_ACTORS;

/**
 * The client a user-initiated Core Directory change came through. Since 2025 Entra writes it
 * as `initiatedBy.user.displayName` and envelope `identity` (e.g. "Microsoft App Access
 * Panel", "Microsoft Teams Services", "Microsoft_AAD_RegisteredApps" [obs]); `agent` says
 * which User-Agent goes into `additionalDetails`.
 */
export type AdminArea = 'users' | 'groups' | 'roles' | 'apps' | 'devices' | 'directory';

export interface AdminClientRow {
  readonly displayName: string;
  readonly agent: 'browser' | 'powershell' | 'graphSdk';
  readonly weight: number;
  /** Which admin areas the client (portal blade / tool) is used for. */
  readonly areas: ReadonlyArray<AdminArea>;
}

export const ADMIN_CLIENTS: ReadonlyArray<AdminClientRow> = [
  { displayName: 'Microsoft_AAD_UsersAndTenants', agent: 'browser', weight: 40, areas: ['users', 'groups', 'directory'] },
  { displayName: 'Microsoft_AAD_IAM', agent: 'browser', weight: 20, areas: ['groups', 'roles', 'apps', 'directory'] },
  { displayName: 'Microsoft_AAD_RegisteredApps', agent: 'browser', weight: 25, areas: ['apps'] },
  { displayName: 'Microsoft_AAD_Devices', agent: 'browser', weight: 25, areas: ['devices'] },
  { displayName: 'Microsoft Graph Command Line Tools', agent: 'graphSdk', weight: 18, areas: ['users', 'groups', 'roles', 'apps', 'devices', 'directory'] },
  { displayName: 'Azure Active Directory PowerShell', agent: 'powershell', weight: 6, areas: ['users', 'groups', 'roles', 'apps'] },
];

/** PowerShell user agents as the OTRF sample shows them (`WindowsPowerShell/5.1.<build>`). */
export const POWERSHELL_AGENTS: ReadonlyArray<string> = [
  'Mozilla/5.0 (Windows NT; Windows NT 10.0; en-US) WindowsPowerShell/5.1.17763.1971',
  'Mozilla/5.0 (Windows NT; Windows NT 10.0; en-US) WindowsPowerShell/5.1.19041.4648',
  'Mozilla/5.0 (Windows NT; Windows NT 10.0; en-US) WindowsPowerShell/5.1.22621.4249',
];
export const GRAPH_SDK_AGENTS: ReadonlyArray<string> = [
  'Mozilla/5.0 (Windows NT 10.0; Microsoft Windows 10.0.22631; en-US) PowerShell/7.4.6',
  'Mozilla/5.0 (Windows NT 10.0; Microsoft Windows 10.0.19045; en-US) PowerShell/7.4.5',
  'Mozilla/5.0 (Windows NT 10.0; Microsoft Windows 10.0.26100; en-US) PowerShell/7.5.0',
];

/**
 * Security-info methods as "Authentication Methods" names them in `resultReason`
 * ("User registered Authenticator App with Code", "User registered Mobile Phone SMS" [obs])
 * and in `additionalDetails.AuthenticationMethodType`; `methodType` is the legacy
 * StrongAuthenticationMethod number Core Directory writes in the companion "Update user"
 * (7 seen after an app-code registration [obs]; others guessed).
 */
export interface SecurityInfoMethodRow {
  readonly method: string;
  readonly type: string;
  readonly methodType: number;
  readonly weight: number;
}

export const SECURITY_INFO_METHODS: ReadonlyArray<SecurityInfoMethodRow> = [
  { method: 'Authenticator App with Notification and Code', type: 'PhoneAppNotification', methodType: 6, weight: 45 },
  { method: 'Authenticator App with Code', type: 'AppCodeOnly', methodType: 7, weight: 15 },
  { method: 'Mobile Phone SMS', type: 'OneWaySms', methodType: 0, weight: 25 },
  { method: 'Email', type: 'Email', methodType: 8, weight: 15 },
];

/**
 * Microsoft Graph application permissions with their real app-role ids and display names
 * (`AppRole.Id` / `AppRole.Value` / `AppRole.DisplayName` in app-role assignments [obs]).
 */
export const GRAPH_APP_ROLES: Readonly<Record<string, { readonly id: string; readonly displayName: string }>> = {
  'User.Read.All': { id: 'df021288-bdef-4463-88db-98f22de89214', displayName: "Read all users' full profiles" },
  'User.ReadWrite.All': { id: '741f803b-c850-494e-b5df-cde7c675a1ca', displayName: "Read and write all users' full profiles" },
  'Directory.Read.All': { id: '7ab1d382-f21e-4acd-a863-ba3e13f7da61', displayName: 'Read directory data' },
  'Mail.Read': { id: '810c84a8-4a9e-49e6-bf7d-12d183f40d01', displayName: 'Read mail in all mailboxes' },
  'Mail.ReadWrite': { id: 'e2a3a72e-5f79-4c64-b1b1-878b674786c9', displayName: 'Read and write mail in all mailboxes' },
  'Mail.Send': { id: 'b633e1c5-b582-4048-a93e-9f11b44c7e96', displayName: 'Send mail as any user' },
  'Files.Read.All': { id: '01d4889c-1287-42c6-ac1f-5d1e02578ef6', displayName: 'Read files in all site collections' },
  'Sites.Read.All': { id: '332a536c-c7ef-4017-ab91-336970924f0d', displayName: 'Read items in all site collections' },
  'AuditLog.Read.All': { id: 'b0afded3-3588-46d8-8b3d-9842eff778da', displayName: 'Read all audit log data' },
  'Group.Read.All': { id: '5b567255-7703-4780-807c-7be8301ae99b', displayName: 'Read all groups' },
  'Group.ReadWrite.All': { id: '62a82d76-70ea-41e2-9197-370581804d09', displayName: 'Read and write all groups' },
  'Application.ReadWrite.All': { id: '1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9', displayName: 'Read and write all applications' },
  'RoleManagement.ReadWrite.Directory': { id: '9e3f62cf-ca93-4989-b6ce-bf83c28f9fe8', displayName: 'Read and write all directory RBAC settings' },
};

/** `TargetId.ServicePrincipalNames` of Microsoft Graph's service principal [obs, OTRF]. */
export const GRAPH_SERVICE_PRINCIPAL_NAMES =
  '00000003-0000-0000-c000-000000000000/ags.windows.net;00000003-0000-0000-c000-000000000000;https://canary.graph.microsoft.com;https://graph.microsoft.com;https://ags.windows.net;https://graph.microsoft.us;https://graph.microsoft.com/;https://dod-graph.microsoft.us;https://canary.graph.microsoft.com/;https://graph.microsoft.us/;https://dod-graph.microsoft.us/';

/** Delegated scope sets users consent to; the consent-phishing story forces its own. */
export const CONSENT_SCOPE_SETS: ReadonlyArray<readonly [ReadonlyArray<string>, number]> = [
  [['openid', 'profile', 'email', 'offline_access', 'User.Read'], 40],
  [['User.Read'], 25],
  [['openid', 'profile', 'offline_access', 'User.Read', 'Calendars.Read'], 10],
  [['openid', 'profile', 'Files.Read'], 10],
  [['openid', 'profile', 'User.Read', 'Mail.Read'], 5],
  [['User.Read', 'Contacts.Read'], 5],
];

/**
 * Well-known object names Core Directory writes as `Role.WellKnownObjectName` for some
 * built-in roles; other roles get null.
 */
export const ROLE_WELL_KNOWN_NAMES: Readonly<Record<string, string>> = {
  '62e90394-69f5-4237-9190-012177145e10': 'TenantAdmins',
  'fe930be7-5e62-47db-91af-98c3a49a38b1': 'UserAccountAdmins',
  '729827e3-9c14-49f7-bb1b-9608f156bbb8': 'HelpDeskAdmins',
  '29232cdf-9323-42fd-ade2-1d097af3e4de': 'ExchangeServiceAdmins',
  'f28a1f50-f6e7-4571-818b-6a12f2af6b6c': 'SharePointServiceAdmins',
  '88d8e3e3-8f55-4a1e-953a-9b9898b8876b': 'DirectoryReaders',
};

/** User attributes admins edit ("Update user" by an admin), with plausible values. */
export const USER_ATTRIBUTE_EDITS: ReadonlyArray<readonly [string, ReadonlyArray<string>]> = [
  ['JobTitle', ['Account Executive', 'Senior Engineer', 'Product Manager', 'Analyst', 'Team Lead', 'Director']],
  ['Department', ['Sales', 'Engineering', 'Finance', 'Marketing', 'Operations', 'Human Resources']],
  ['MobilePhone', ['+1 206 555 0142', '+44 20 7946 0018', '+49 30 901820', '+1 415 555 0199']],
  ['UsageLocation', ['US', 'GB', 'DE', 'IN', 'CA']],
  ['City', ['Seattle', 'London', 'Berlin', 'Toronto', 'Bengaluru']],
];

/** Justifications users type when activating a PIM role. */
export const PIM_JUSTIFICATIONS: ReadonlyArray<string> = [
  'Incident investigation',
  'Weekly user administration tasks',
  'Change request CHG0041873',
  'Troubleshooting sign-in issue for a user',
  'Reviewing conditional access policy',
  'App registration maintenance',
  'Scheduled maintenance window',
];

/** Entra `tenantGeo` by the tenant's home country [obs: "NA", "EU"]; others guessed. */
export const TENANT_GEO: Readonly<Record<string, string>> = {
  US: 'NA', CA: 'NA', MX: 'NA',
  GB: 'EU', IE: 'EU', NL: 'EU', FR: 'EU', DE: 'EU', ES: 'EU', IT: 'EU', SE: 'EU', PL: 'EU', RO: 'EU', BG: 'EU',
  IN: 'AS', SG: 'AS', JP: 'AS', VN: 'AS',
  AU: 'OC', BR: 'SA', NG: 'AF', RU: 'EU',
};

/**
 * Microsoft Graph delegated permission (oauth2PermissionScope) ids, as they appear in
 * `RequiredResourceAccess` entitlements (e.g. 024d486e… = Mail.ReadWrite [obs, OTRF]).
 */
export const GRAPH_DELEGATED_SCOPE_IDS: Readonly<Record<string, string>> = {
  'User.Read': 'e1fe6dd8-ba31-4d61-89e7-88639da4683d',
  'Mail.Read': '570282fd-fa5c-430d-a7fd-fc8dc98a9dca',
  'Mail.ReadWrite': '024d486e-b451-40bb-833d-3e66d98c5c73',
  'Mail.Send': 'e383f46e-2787-4529-855e-0e479a3ffac0',
  offline_access: '7427e0e9-2fba-42fe-b0c0-848c9e6a8182',
  openid: '37f7f235-527c-4136-accd-4a02d197296e',
  profile: '14dad69e-099b-42c9-810b-d002981feec1',
  email: '64a6cdd6-aab1-4aaf-94b8-3cc8405e90d0',
  'Files.Read': '10465720-29dd-4523-a11a-6a75c743c9d9',
  'Calendars.Read': '465a38f9-76ea-45b9-9f34-9e8b0d4b0b42',
  'Contacts.Read': 'ff74d97f-43af-4b68-9f2a-b77ee6968c5d',
};
