/**
 * Microsoft Graph requests as they appear in MicrosoftGraphActivityLogs `requestUri`,
 * grouped by who makes them: first-party clients acting for a signed-in user (delegated
 * tokens, `scopes`) and the tenant's daemons / managed identities (app-only tokens,
 * `roles`). Every path is a real Graph v1.0/beta route; each row names the least
 * privileged permission that grants it, so a caller's token always carries a scope or
 * role that explains the request (and 403s are the requests whose permission is missing).
 *
 * Paths use placeholders filled per request: {userId} {upn} {otherUserId} {otherUpn}
 * {groupId} {appObjectId} {appId} {spId} {deviceId} {siteHost} {siteId} {driveId}
 * {itemId} {messageId} {teamId} {siteName} {otherFirst} {since} {until}.
 */

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type GraphApiVersion = 'v1.0' | 'beta';

export interface GraphRequestRow {
  readonly method: HttpMethod;
  /** Path below `https://graph.microsoft.com/<version>/`, with placeholders. */
  readonly path: string;
  readonly versions: ReadonlyArray<GraphApiVersion>;
  /** Status of a successful call: 200, 201 (create), 202 (sendMail), 204 (no content). */
  readonly ok: 200 | 201 | 202 | 204;
  /** Typical body size of the successful response, bytes (0 for 202/204). */
  readonly size: readonly [number, number];
  /** Least privileged permission (delegated scope or application role) that allows the call. */
  readonly permission: string;
  /** Relative frequency within its caller's list. */
  readonly weight: number;
  /** Share of calls answered 404 (a photo that was never set, a deleted object). */
  readonly notFound?: number;
}

const B: ReadonlyArray<GraphApiVersion> = ['v1.0', 'beta'];
const V1: ReadonlyArray<GraphApiVersion> = ['v1.0'];
const BETA: ReadonlyArray<GraphApiVersion> = ['beta'];

/** The kinds of caller whose request mixes differ. */
export type GraphCallerKind =
  | 'teams'
  | 'outlook'
  | 'outlookMobile'
  | 'officeHome'
  | 'graphExplorer'
  | 'graphCli'
  | 'azurePortal'
  | 'daemon'
  | 'managedIdentity';

/** First-party clients acting for users: display name in data/first-party-apps.ts, its kind. */
export const DELEGATED_CLIENTS: ReadonlyArray<{
  readonly app: string;
  readonly kind: Exclude<GraphCallerKind, 'daemon' | 'managedIdentity'>;
  readonly weight: number;
  /** Token `appidacr`: 0 public client (desktop/mobile/SPA), 2 confidential web app with a certificate. */
  readonly clientAuthMethod: 0 | 1 | 2;
  /** Mostly used by administrators. */
  readonly adminTool: boolean;
  /**
   * `scp` claim of the Graph token, space separated, sorted case-insensitively as Entra
   * writes it. Teams' and Outlook's sets are those seen in real Graph activity records
   * (SEKOIA-IO/intake-formats Azure AD tests, 2025-10 and 2026-04); the others are the
   * scopes those tools request by default [guessed].
   */
  readonly scopes: string;
}> = [
  {
    app: 'Microsoft Teams',
    kind: 'teams',
    weight: 30,
    clientAuthMethod: 0,
    adminTool: false,
    scopes:
      'AppCatalog.Read.All Channel.ReadBasic.All Contacts.ReadWrite.Shared email Files.ReadWrite.All FileStorageContainer.Selected InformationProtectionPolicy.Read Mail.ReadWrite Mail.Send MailboxSettings.ReadWrite Notes.ReadWrite.All openid Organization.Read.All People.Read Place.Read.All profile Sites.ReadWrite.All Tasks.ReadWrite Team.ReadBasic.All TeamsAppInstallation.ReadForTeam TeamsTab.Create User.ReadBasic.All',
  },
  {
    app: 'Microsoft Office',
    kind: 'outlook',
    weight: 22,
    clientAuthMethod: 0,
    adminTool: false,
    scopes:
      'AuditLog.Create Calendar.ReadWrite Calendars.Read.Shared Calendars.ReadWrite Channel.Create Channel.ReadBasic.All ChannelMember.ReadWrite.All ChannelMessage.Read.All ChannelMessage.Send ChannelSettings.ReadWrite.All Chat.Create Chat.ReadWrite ChatMember.ReadWrite Contacts.ReadWrite DataLossPreventionPolicy.Evaluate Directory.AccessAsUser.All Directory.Read.All email Files.Read Files.Read.All Files.ReadWrite.All FileStorageContainer.Selected Group.Read.All Group.ReadWrite.All InformationProtectionPolicy.Read Mail.ReadWrite Mail.Send Notes.Create openid Organization.Read.All People.Read People.Read.All Printer.Read.All PrinterShare.ReadBasic.All PrintJob.Create PrintJob.ReadWriteBasic profile Reports.Read.All SensitiveInfoType.Detect SensitiveInfoType.Read.All SensitivityLabel.Evaluate Tasks.ReadWrite Team.ReadBasic.All TeamMember.ReadWrite.All TeamsTab.ReadWriteForChat User.Read.All User.ReadBasic.All User.ReadWrite Users.Read',
  },
  {
    app: 'Outlook Mobile',
    kind: 'outlookMobile',
    weight: 10,
    clientAuthMethod: 0,
    adminTool: false,
    scopes: 'Calendars.ReadWrite Contacts.ReadWrite email Files.ReadWrite.All Mail.ReadWrite Mail.Send MailboxSettings.ReadWrite openid People.Read profile User.Read User.ReadBasic.All',
  },
  {
    app: 'OfficeHome',
    kind: 'officeHome',
    weight: 16,
    clientAuthMethod: 2,
    adminTool: false,
    scopes: 'email Files.ReadWrite.All Group.Read.All Mail.Read openid People.Read profile Sites.Read.All User.Read User.ReadBasic.All',
  },
  {
    app: 'Graph Explorer',
    kind: 'graphExplorer',
    weight: 3,
    clientAuthMethod: 0,
    adminTool: true,
    scopes: 'Directory.Read.All email Mail.Read openid profile User.Read User.Read.All',
  },
  {
    app: 'Microsoft Graph Command Line Tools',
    kind: 'graphCli',
    weight: 8,
    clientAuthMethod: 0,
    adminTool: true,
    scopes: 'AuditLog.Read.All DeviceManagementManagedDevices.Read.All Directory.Read.All email Group.Read.All openid Policy.Read.All profile User.Read User.Read.All',
  },
  {
    app: 'Azure Portal',
    kind: 'azurePortal',
    weight: 6,
    clientAuthMethod: 2,
    adminTool: true,
    scopes: 'AuditLog.Read.All Directory.AccessAsUser.All email openid profile',
  },
];

/**
 * What each kind of caller asks Graph for. Delegated rows name delegated scopes, the
 * daemon / managed-identity rows application roles.
 */
export const GRAPH_REQUESTS: Readonly<Record<GraphCallerKind, ReadonlyArray<GraphRequestRow>>> = {
  teams: [
    { method: 'GET', path: 'me', versions: B, ok: 200, size: [900, 1600], permission: 'User.ReadBasic.All', weight: 10 },
    { method: 'GET', path: 'me/joinedTeams', versions: B, ok: 200, size: [600, 12000], permission: 'Team.ReadBasic.All', weight: 8 },
    { method: 'GET', path: 'users/{otherUserId}/photo/$value', versions: V1, ok: 200, size: [2800, 48000], permission: 'User.ReadBasic.All', weight: 14, notFound: 0.3 },
    { method: 'GET', path: 'users/{otherUpn}/photos/64x64/$value', versions: BETA, ok: 200, size: [1400, 4200], permission: 'User.ReadBasic.All', weight: 8, notFound: 0.3 },
    { method: 'GET', path: 'me/drive/recent', versions: B, ok: 200, size: [3000, 40000], permission: 'Files.ReadWrite.All', weight: 4 },
    { method: 'GET', path: 'teams/{teamId}/channels', versions: B, ok: 200, size: [800, 9000], permission: 'Channel.ReadBasic.All', weight: 5 },
    { method: 'GET', path: 'me/people?$top=10&$select=id,displayName,scoredEmailAddresses', versions: B, ok: 200, size: [1200, 6000], permission: 'People.Read', weight: 4 },
    { method: 'GET', path: 'users/{otherUserId}?$select=id,displayName,mail,jobTitle,department,officeLocation', versions: B, ok: 200, size: [400, 700], permission: 'User.ReadBasic.All', weight: 6, notFound: 0.02 },
  ],
  outlook: [
    { method: 'GET', path: 'users/{otherUpn}/photo/$value', versions: V1, ok: 200, size: [2800, 48000], permission: 'User.ReadBasic.All', weight: 16, notFound: 0.35 },
    { method: 'GET', path: 'me/mailFolders/inbox/messages?$top=25&$select=subject,from,receivedDateTime,isRead&$orderby=receivedDateTime desc', versions: V1, ok: 200, size: [6000, 30000], permission: 'Mail.ReadWrite', weight: 8 },
    { method: 'GET', path: 'me/messages/{messageId}', versions: V1, ok: 200, size: [3000, 60000], permission: 'Mail.ReadWrite', weight: 6, notFound: 0.02 },
    { method: 'POST', path: 'me/sendMail', versions: V1, ok: 202, size: [0, 0], permission: 'Mail.Send', weight: 2 },
    { method: 'GET', path: 'me/calendarView?startDateTime={since}&endDateTime={until}', versions: V1, ok: 200, size: [2000, 40000], permission: 'Calendars.ReadWrite', weight: 5 },
    { method: 'GET', path: 'me/people?$search=%22{otherFirst}%22&$top=5', versions: B, ok: 200, size: [700, 4000], permission: 'People.Read', weight: 4 },
    { method: 'GET', path: 'me/informationProtection/sensitivityLabels', versions: BETA, ok: 200, size: [1500, 9000], permission: 'InformationProtectionPolicy.Read', weight: 3 },
    { method: 'GET', path: 'me/teamwork/associatedTeams', versions: V1, ok: 200, size: [300, 4000], permission: 'Team.ReadBasic.All', weight: 3 },
    { method: 'PATCH', path: 'me/messages/{messageId}', versions: V1, ok: 200, size: [2500, 8000], permission: 'Mail.ReadWrite', weight: 2 },
    { method: 'POST', path: 'me/events', versions: V1, ok: 201, size: [3000, 7000], permission: 'Calendars.ReadWrite', weight: 1 },
  ],
  outlookMobile: [
    { method: 'GET', path: 'me/messages/delta?$select=subject,from,receivedDateTime,isRead', versions: V1, ok: 200, size: [500, 30000], permission: 'Mail.ReadWrite', weight: 10 },
    { method: 'GET', path: 'users/{otherUpn}/photo/$value', versions: V1, ok: 200, size: [2800, 48000], permission: 'User.ReadBasic.All', weight: 8, notFound: 0.35 },
    { method: 'GET', path: 'me/calendarView/delta?startDateTime={since}&endDateTime={until}', versions: V1, ok: 200, size: [400, 20000], permission: 'Calendars.ReadWrite', weight: 5 },
    { method: 'GET', path: 'me/mailboxSettings', versions: V1, ok: 200, size: [800, 1400], permission: 'MailboxSettings.ReadWrite', weight: 2 },
    { method: 'POST', path: 'me/sendMail', versions: V1, ok: 202, size: [0, 0], permission: 'Mail.Send', weight: 2 },
    { method: 'POST', path: 'me/events', versions: V1, ok: 201, size: [3000, 7000], permission: 'Calendars.ReadWrite', weight: 1 },
  ],
  officeHome: [
    { method: 'GET', path: 'me?$select=id,displayName,mail,userPrincipalName,preferredLanguage', versions: V1, ok: 200, size: [350, 600], permission: 'User.Read', weight: 10 },
    { method: 'GET', path: 'me/insights/used?$top=20', versions: B, ok: 200, size: [4000, 40000], permission: 'Sites.Read.All', weight: 6 },
    { method: 'GET', path: 'me/drive/recent?$top=20', versions: V1, ok: 200, size: [3000, 40000], permission: 'Files.ReadWrite.All', weight: 8 },
    { method: 'GET', path: 'me/memberOf?$select=id,displayName', versions: V1, ok: 200, size: [300, 9000], permission: 'Group.Read.All', weight: 4 },
    { method: 'GET', path: 'me/photo/$value', versions: V1, ok: 200, size: [2800, 48000], permission: 'User.Read', weight: 6, notFound: 0.3 },
    { method: 'GET', path: 'me/insights/trending', versions: B, ok: 200, size: [1500, 20000], permission: 'Sites.Read.All', weight: 3 },
    { method: 'GET', path: 'me/profile', versions: BETA, ok: 200, size: [3000, 12000], permission: 'User.Read', weight: 2 },
  ],
  graphExplorer: [
    { method: 'GET', path: 'me', versions: B, ok: 200, size: [900, 1600], permission: 'User.Read', weight: 10 },
    { method: 'GET', path: 'me/messages', versions: V1, ok: 200, size: [20000, 90000], permission: 'Mail.Read', weight: 4 },
    { method: 'GET', path: 'users', versions: B, ok: 200, size: [8000, 120000], permission: 'User.Read.All', weight: 5 },
    { method: 'GET', path: 'users/{otherUserId}', versions: B, ok: 200, size: [900, 1600], permission: 'User.Read.All', weight: 4, notFound: 0.05 },
    { method: 'GET', path: 'groups?$filter=groupTypes/any(c:c+eq+%27Unified%27)', versions: V1, ok: 200, size: [6000, 80000], permission: 'Directory.Read.All', weight: 2 },
    { method: 'GET', path: 'me/profile', versions: BETA, ok: 200, size: [3000, 12000], permission: 'User.Read', weight: 1 },
  ],
  graphCli: [
    { method: 'GET', path: 'users?$select=id,displayName,userPrincipalName,accountEnabled,signInActivity&$top=999', versions: B, ok: 200, size: [40000, 900000], permission: 'AuditLog.Read.All', weight: 5 },
    { method: 'GET', path: 'users/{otherUserId}', versions: V1, ok: 200, size: [900, 1600], permission: 'User.Read.All', weight: 6, notFound: 0.03 },
    { method: 'GET', path: 'users/{otherUserId}/memberOf', versions: V1, ok: 200, size: [500, 20000], permission: 'Directory.Read.All', weight: 4 },
    { method: 'GET', path: 'groups/{groupId}/members?$top=999', versions: V1, ok: 200, size: [2000, 200000], permission: 'Group.Read.All', weight: 4 },
    { method: 'GET', path: 'auditLogs/signIns?$filter=createdDateTime%20ge%20{since}&$top=1000', versions: B, ok: 200, size: [60000, 2500000], permission: 'AuditLog.Read.All', weight: 3 },
    { method: 'GET', path: 'auditLogs/directoryAudits?$filter=activityDateTime%20ge%20{since}', versions: V1, ok: 200, size: [20000, 900000], permission: 'AuditLog.Read.All', weight: 2 },
    { method: 'GET', path: 'servicePrincipals?$filter=appId%20eq%20%27{appId}%27', versions: V1, ok: 200, size: [3000, 9000], permission: 'Directory.Read.All', weight: 2 },
    { method: 'GET', path: 'applications/{appObjectId}', versions: V1, ok: 200, size: [2500, 9000], permission: 'Directory.Read.All', weight: 2, notFound: 0.05 },
    { method: 'GET', path: 'directoryRoles?$expand=members', versions: V1, ok: 200, size: [6000, 60000], permission: 'Directory.Read.All', weight: 2 },
    { method: 'GET', path: 'identity/conditionalAccess/policies', versions: B, ok: 200, size: [8000, 90000], permission: 'Policy.Read.All', weight: 2 },
    { method: 'GET', path: 'deviceManagement/managedDevices?$filter=operatingSystem%20eq%20%27Windows%27', versions: V1, ok: 200, size: [20000, 600000], permission: 'DeviceManagementManagedDevices.Read.All', weight: 2 },
    { method: 'GET', path: 'organization', versions: V1, ok: 200, size: [2500, 6000], permission: 'User.Read', weight: 1 },
  ],
  azurePortal: [
    { method: 'GET', path: 'users?$top=100&$select=id,displayName,userPrincipalName,userType,accountEnabled', versions: BETA, ok: 200, size: [12000, 60000], permission: 'Directory.AccessAsUser.All', weight: 5 },
    { method: 'GET', path: 'users/{otherUserId}', versions: BETA, ok: 200, size: [1500, 4000], permission: 'Directory.AccessAsUser.All', weight: 5, notFound: 0.03 },
    { method: 'GET', path: 'groups/{groupId}/members?$top=100', versions: BETA, ok: 200, size: [1500, 60000], permission: 'Directory.AccessAsUser.All', weight: 3 },
    { method: 'GET', path: 'applications/{appObjectId}', versions: V1, ok: 200, size: [2500, 9000], permission: 'Directory.AccessAsUser.All', weight: 3, notFound: 0.03 },
    { method: 'GET', path: 'servicePrincipals/{spId}', versions: BETA, ok: 200, size: [3000, 12000], permission: 'Directory.AccessAsUser.All', weight: 3 },
    { method: 'GET', path: 'me/memberOf', versions: BETA, ok: 200, size: [500, 9000], permission: 'Directory.AccessAsUser.All', weight: 2 },
    { method: 'GET', path: 'auditLogs/signIns?$top=50&$orderby=createdDateTime%20desc', versions: BETA, ok: 200, size: [60000, 400000], permission: 'AuditLog.Read.All', weight: 2 },
    { method: 'PATCH', path: 'users/{otherUserId}', versions: BETA, ok: 204, size: [0, 0], permission: 'Directory.AccessAsUser.All', weight: 1 },
  ],
  daemon: [
    { method: 'GET', path: 'users?$select=id,displayName,userPrincipalName,mail,accountEnabled&$top=999', versions: V1, ok: 200, size: [40000, 900000], permission: 'User.Read.All', weight: 6 },
    { method: 'GET', path: 'users/{otherUserId}', versions: V1, ok: 200, size: [380, 700], permission: 'User.Read.All', weight: 12, notFound: 0.03 },
    { method: 'GET', path: 'users/delta?$select=id,displayName,userPrincipalName', versions: V1, ok: 200, size: [200, 400000], permission: 'User.Read.All', weight: 4 },
    { method: 'POST', path: 'directoryObjects/getByIds', versions: V1, ok: 200, size: [600, 40000], permission: 'Directory.Read.All', weight: 4 },
    { method: 'GET', path: 'groups?$select=id,displayName,mailNickname&$top=999', versions: V1, ok: 200, size: [6000, 300000], permission: 'Group.Read.All', weight: 3 },
    { method: 'GET', path: 'groups/{groupId}/members?$select=id', versions: V1, ok: 200, size: [300, 40000], permission: 'Group.Read.All', weight: 4 },
    { method: 'GET', path: 'organization', versions: V1, ok: 200, size: [2500, 6000], permission: 'Directory.Read.All', weight: 1 },
    { method: 'GET', path: 'users/{otherUserId}/messages?$top=50&$select=subject,from,receivedDateTime', versions: V1, ok: 200, size: [4000, 60000], permission: 'Mail.Read', weight: 6 },
    { method: 'GET', path: 'users/{otherUserId}/mailFolders/inbox/messages/delta', versions: V1, ok: 200, size: [400, 90000], permission: 'Mail.Read', weight: 4 },
    { method: 'GET', path: 'users/{otherUserId}/drive/root/delta', versions: V1, ok: 200, size: [600, 200000], permission: 'Files.Read.All', weight: 4 },
    { method: 'GET', path: 'drives/{driveId}/items/{itemId}/content', versions: V1, ok: 200, size: [20000, 4000000], permission: 'Files.Read.All', weight: 2, notFound: 0.04 },
    { method: 'GET', path: 'auditLogs/signIns?$filter=createdDateTime%20ge%20{since}', versions: V1, ok: 200, size: [30000, 2500000], permission: 'AuditLog.Read.All', weight: 4 },
    { method: 'GET', path: 'auditLogs/directoryAudits?$filter=activityDateTime%20ge%20{since}', versions: V1, ok: 200, size: [8000, 900000], permission: 'AuditLog.Read.All', weight: 3 },
    { method: 'GET', path: 'sites/{siteHost}:/sites/{siteName}', versions: V1, ok: 200, size: [900, 1600], permission: 'Sites.Read.All', weight: 2 },
    { method: 'GET', path: 'sites/{siteId}/lists', versions: V1, ok: 200, size: [3000, 40000], permission: 'Sites.Read.All', weight: 2 },
    { method: 'GET', path: 'sites/{siteId}/drive/root/children', versions: V1, ok: 200, size: [1500, 60000], permission: 'Sites.Read.All', weight: 2 },
    { method: 'POST', path: '$batch', versions: V1, ok: 200, size: [900, 40000], permission: 'User.Read.All', weight: 3 },
  ],
  managedIdentity: [
    { method: 'GET', path: 'users/{otherUserId}', versions: V1, ok: 200, size: [380, 700], permission: 'User.Read.All', weight: 8, notFound: 0.03 },
    { method: 'GET', path: 'users?$filter=userPrincipalName%20eq%20%27{otherUpn}%27', versions: V1, ok: 200, size: [500, 900], permission: 'User.Read.All', weight: 4 },
    { method: 'GET', path: 'groups/{groupId}/members?$select=id,userPrincipalName', versions: V1, ok: 200, size: [300, 40000], permission: 'GroupMember.Read.All', weight: 5 },
    { method: 'GET', path: 'servicePrincipals?$filter=appId%20eq%20%27{appId}%27', versions: V1, ok: 200, size: [3000, 9000], permission: 'Application.Read.All', weight: 3 },
    { method: 'GET', path: 'applications?$select=id,appId,displayName,passwordCredentials,keyCredentials', versions: V1, ok: 200, size: [4000, 200000], permission: 'Application.Read.All', weight: 2 },
    { method: 'GET', path: 'deviceManagement/managedDevices/{deviceId}', versions: V1, ok: 200, size: [3000, 6000], permission: 'DeviceManagementManagedDevices.Read.All', weight: 2, notFound: 0.05 },
  ],
};

/**
 * Application roles a managed identity is granted on Microsoft Graph (assigned with
 * New-MgServicePrincipalAppRoleAssignment); one set is picked per identity.
 */
export const MANAGED_IDENTITY_GRAPH_ROLES: ReadonlyArray<ReadonlyArray<string>> = [
  ['User.Read.All'],
  ['User.Read.All', 'GroupMember.Read.All'],
  ['Application.Read.All'],
  ['GroupMember.Read.All'],
  ['DeviceManagementManagedDevices.Read.All', 'User.Read.All'],
];

/**
 * Sub-requests a daemon's `$batch` carries: each is logged as its own record with the
 * batch's operationId (observed: `directoryObjects/getByIds` and `users/{id}` inside
 * `POST /v1.0/$batch`, DataDog/azure-log-forwarding-orchestration fixtures, 2025-04).
 */
export const BATCH_SUBREQUESTS: ReadonlyArray<GraphRequestRow> = [
  { method: 'POST', path: 'directoryObjects/getByIds', versions: V1, ok: 200, size: [0, 0], permission: 'Directory.Read.All', weight: 3 },
  { method: 'GET', path: 'users/{otherUserId}', versions: V1, ok: 200, size: [0, 0], permission: 'User.Read.All', weight: 5 },
  { method: 'GET', path: 'groups/{groupId}/members?$select=id', versions: V1, ok: 200, size: [0, 0], permission: 'Group.Read.All', weight: 2 },
];

/**
 * Size of Graph's JSON error body per status (a 403 `Authorization_RequestDenied` body
 * was 266–324 bytes in real records).
 */
export const ERROR_BODY_SIZE: Readonly<Record<number, readonly [number, number]>> = {
  400: [180, 320],
  401: [250, 330],
  403: [266, 324],
  404: [230, 330],
  429: [220, 300],
  500: [180, 260],
  502: [150, 220],
  503: [170, 260],
  504: [170, 260],
};

/** `wids` of every app-only token (observed in all app-only Graph activity records). */
export const APP_ONLY_WIDS = '0997a1d0-0d1d-4acb-b408-d5ca73121e90';
/** Default `User` role template id: the last `wids` entry of every member's token. */
export const MEMBER_WIDS = 'b79fbf4d-3ef9-4689-8143-76b194e85509';
/** `Guest User` role template (the default guestUserRoleId) [guessed for guest tokens' wids]. */
export const GUEST_WIDS = '10dae51f-b6af-4016-8d66-8c2a99b929b3';

/** User agents of app-only callers (empty is the most common: SDK calls that set none). */
export const DAEMON_USER_AGENTS: ReadonlyArray<readonly [string, number]> = [
  ['', 50],
  ['python-requests/2.32.3', 12],
  ['Mozilla/5.0 (Windows NT 10.0; Microsoft Windows 10.0.20348; en-US) PowerShell/7.4.6 Microsoft.Graph.Authentication/2.25.0', 6],
  ['Java/17.0.12', 5],
  ['Go-http-client/2.0', 4],
  ['Azure-WebSite/103.0.7.288', 3],
];
