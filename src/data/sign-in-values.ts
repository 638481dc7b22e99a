/**
 * Value tables of the sign-in logs: which client apps sign users in and how they look
 * (clientAppUsed, user agent, deviceDetail.browser), legacy-protocol clients, OAuth scopes
 * per resource ("Oauth Scope Info"), MFA method wording, and AD FS relying parties.
 *
 * Real values where records show them (notes/diagnostic-format.md [obs]: Datadog 2025
 * fixtures, Microsoft's sign-in schema sample); the rest is marked as a guess.
 */
import { RICH_CLIENT_AGENTS } from './user-agents.ts';

export type ClientAppUsed =
  | 'Browser'
  | 'Mobile Apps and Desktop clients'
  | 'Exchange ActiveSync'
  | 'Exchange Web Services'
  | 'IMAP4'
  | 'POP3'
  | 'Authenticated SMTP'
  | 'MAPI Over HTTP'
  | 'Other clients'
  | 'Unknown';

/** Legacy (basic) authentication clients: Conditional Access "Block legacy authentication" targets these. */
export const LEGACY_CLIENT_APPS: ReadonlyArray<ClientAppUsed> = [
  'Exchange ActiveSync',
  'Exchange Web Services',
  'IMAP4',
  'POP3',
  'Authenticated SMTP',
  'MAPI Over HTTP',
  'Other clients',
];

export function isLegacyClientApp(value: string): boolean {
  return (LEGACY_CLIENT_APPS as ReadonlyArray<string>).includes(value);
}

/** Where a client runs, which decides the device it is used from. */
export type ClientPlatform = 'desktop' | 'windows' | 'mobile' | 'android' | 'any';

export interface ClientProfile {
  /** First-party app display name (resolved with `tenant.app`). */
  readonly app: string;
  readonly platform: ClientPlatform;
  readonly clientAppUsed: 'Browser' | 'Mobile Apps and Desktop clients';
  /**
   * The user agent: `device` = the device's browser UA; otherwise a fixed client UA.
   * Rich clients without a UA leave `userAgent` out of the record (Datadog 2025 NI records).
   */
  readonly userAgent: 'device' | 'none' | string;
  /** `deviceDetail.browser` for non-browser clients; absent = the device's browser. */
  readonly browser?: string;
  /** Relative weight among interactive sign-ins, and among non-interactive ones. */
  readonly interactive: number;
  readonly nonInteractive: number;
  /** Used mostly by administrators (portal, CLI): weighted up for admins, down for others. */
  readonly admin?: boolean;
}

/**
 * Rich-client browser labels are guesses in the form real records use ("Rich Client 4.12.0.0",
 * Datadog 2025 NI); Teams desktop runs in WebView2, so its label is the Edge engine's.
 */
export const CLIENT_PROFILES: ReadonlyArray<ClientProfile> = [
  { app: 'OfficeHome', platform: 'desktop', clientAppUsed: 'Browser', userAgent: 'device', interactive: 20, nonInteractive: 5 },
  { app: 'Microsoft Teams Web Client', platform: 'desktop', clientAppUsed: 'Browser', userAgent: 'device', interactive: 6, nonInteractive: 5 },
  { app: 'My Apps', platform: 'desktop', clientAppUsed: 'Browser', userAgent: 'device', interactive: 4, nonInteractive: 1 },
  { app: 'Microsoft App Access Panel', platform: 'desktop', clientAppUsed: 'Browser', userAgent: 'device', interactive: 2, nonInteractive: 1 },
  { app: 'Azure Portal', platform: 'desktop', clientAppUsed: 'Browser', userAgent: 'device', interactive: 3, nonInteractive: 3, admin: true },
  { app: 'Microsoft 365 Security and Compliance Center', platform: 'desktop', clientAppUsed: 'Browser', userAgent: 'device', interactive: 1, nonInteractive: 1, admin: true },
  { app: 'Graph Explorer', platform: 'desktop', clientAppUsed: 'Browser', userAgent: 'device', interactive: 0.5, nonInteractive: 0.5, admin: true },
  { app: 'Microsoft Office', platform: 'desktop', clientAppUsed: 'Mobile Apps and Desktop clients', userAgent: RICH_CLIENT_AGENTS.windows, browser: 'Rich Client 4.61.3.0', interactive: 12, nonInteractive: 20 },
  { app: 'Microsoft Teams', platform: 'any', clientAppUsed: 'Mobile Apps and Desktop clients', userAgent: RICH_CLIENT_AGENTS.teamsDesktop, browser: 'Edge 131.0.0', interactive: 14, nonInteractive: 20 },
  { app: 'OneDrive SyncEngine', platform: 'desktop', clientAppUsed: 'Mobile Apps and Desktop clients', userAgent: RICH_CLIENT_AGENTS.onedrive, browser: 'Rich Client 24.220.1027', interactive: 3, nonInteractive: 8 },
  // The Windows logon (PRT) client: its UA is fixed and well known from real logs.
  { app: 'Windows Sign In', platform: 'windows', clientAppUsed: 'Mobile Apps and Desktop clients', userAgent: 'Windows-AzureAD-Authentication-Provider/1.0', browser: 'Rich Client 1.0.0.0', interactive: 8, nonInteractive: 3 },
  { app: 'Microsoft Edge', platform: 'desktop', clientAppUsed: 'Mobile Apps and Desktop clients', userAgent: 'device', interactive: 0, nonInteractive: 6 },
  { app: 'Microsoft Azure CLI', platform: 'desktop', clientAppUsed: 'Mobile Apps and Desktop clients', userAgent: RICH_CLIENT_AGENTS.azureCli, browser: 'Rich Client 1.31.0', interactive: 1, nonInteractive: 1.5, admin: true },
  { app: 'Microsoft Azure PowerShell', platform: 'desktop', clientAppUsed: 'Mobile Apps and Desktop clients', userAgent: RICH_CLIENT_AGENTS.azurePowerShell, browser: 'Rich Client 4.61.3.0', interactive: 1, nonInteractive: 1, admin: true },
  { app: 'Microsoft Graph Command Line Tools', platform: 'desktop', clientAppUsed: 'Mobile Apps and Desktop clients', userAgent: RICH_CLIENT_AGENTS.graphPowerShell, browser: 'Rich Client 4.61.3.0', interactive: 0.5, nonInteractive: 0.5, admin: true },
  { app: 'Outlook Mobile', platform: 'mobile', clientAppUsed: 'Mobile Apps and Desktop clients', userAgent: 'mobile-outlook', browser: 'Rich Client 4.2450.0', interactive: 10, nonInteractive: 12 },
  { app: 'Microsoft Authenticator App', platform: 'mobile', clientAppUsed: 'Mobile Apps and Desktop clients', userAgent: 'device', interactive: 2, nonInteractive: 1 },
  { app: 'Microsoft Intune Company Portal', platform: 'mobile', clientAppUsed: 'Mobile Apps and Desktop clients', userAgent: 'device', interactive: 1, nonInteractive: 2 },
  { app: 'Microsoft Authentication Broker', platform: 'android', clientAppUsed: 'Mobile Apps and Desktop clients', userAgent: 'device', interactive: 2, nonInteractive: 6 },
];

/** A legacy-protocol client: what the record shows for basic authentication. */
export interface LegacyClient {
  readonly clientAppUsed: ClientAppUsed;
  /** BAV2ROPC is the agent Exchange Online presents when it relays basic auth as ROPC. */
  readonly userAgent: string;
  readonly weight: number;
}

export const LEGACY_CLIENTS: ReadonlyArray<LegacyClient> = [
  { clientAppUsed: 'Exchange ActiveSync', userAgent: RICH_CLIENT_AGENTS.activeSync, weight: 3 },
  { clientAppUsed: 'IMAP4', userAgent: 'BAV2ROPC', weight: 3 },
  { clientAppUsed: 'Authenticated SMTP', userAgent: 'BAV2ROPC', weight: 2 },
  { clientAppUsed: 'POP3', userAgent: 'BAV2ROPC', weight: 1 },
  { clientAppUsed: 'Exchange Web Services', userAgent: 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.5435; Pro)', weight: 1 },
  { clientAppUsed: 'Other clients', userAgent: 'BAV2ROPC', weight: 1 },
];

/**
 * Delegated scopes per resource app id, written into the "Oauth Scope Info" processing
 * detail as a JSON array in a string (Datadog 2025 non-interactive records).
 */
export const RESOURCE_SCOPES: Readonly<Record<string, ReadonlyArray<ReadonlyArray<string>>>> = {
  // Microsoft Graph
  '00000003-0000-0000-c000-000000000000': [
    ['User.Read', 'profile', 'openid', 'email'],
    ['Files.ReadWrite.All', 'Sites.ReadWrite.All', 'User.Read', 'profile', 'openid', 'email'],
    ['Calendars.ReadWrite', 'Contacts.ReadWrite', 'Mail.ReadWrite', 'People.Read', 'User.Read', 'profile', 'openid', 'email'],
  ],
  // Office 365 Exchange Online
  '00000002-0000-0ff1-ce00-000000000000': [
    ['EWS.AccessAsUser.All', 'Mail.ReadWrite', 'Calendars.ReadWrite', 'Contacts.ReadWrite'],
    ['EAS.AccessAsUser.All', 'EWS.AccessAsUser.All'],
  ],
  // Office 365 SharePoint Online
  '00000003-0000-0ff1-ce00-000000000000': [['AllSites.Write', 'MyFiles.Write', 'Sites.Search.All', 'TermStore.Read.All'], ['AllSites.Read', 'MyFiles.Read']],
  // Windows Azure Service Management API
  '797f4846-ba00-4fd7-ba43-dac1f8f63013': [['user_impersonation']],
  // Windows Azure Active Directory
  '00000002-0000-0000-c000-000000000000': [['User.Read']],
  // Azure Key Vault
  'cfa8b339-82a2-471a-a3c9-0fc0be7a4093': [['user_impersonation']],
  // Microsoft Teams Services
  'cc15fd57-2c6c-4117-a88c-83b1d56b4bbe': [['user_impersonation']],
};

export const DEFAULT_SCOPES: ReadonlyArray<string> = ['user_impersonation'];

/**
 * authenticationDetails wording per MFA method. `authenticationMethod` values are those
 * Entra writes; text messages carry a masked phone number as the method detail.
 */
export const MFA_RESULT_SUCCESS = 'MFA successfully completed';
export const MFA_RESULT_BY_CLAIM = 'MFA requirement satisfied by claim in the token';
export const MFA_STEP_REQUIREMENT = 'Multi-factor authentication';
export const PRIMARY_STEP_REQUIREMENT = 'Primary authentication';
export const FIRST_FACTOR_BY_CLAIM = 'First factor requirement satisfied by claim in the token';
export const PASSWORD_CORRECT = 'Correct password';
/** Graph beta signIn example (a 50126 step). */
export const PASSWORD_WRONG = 'Invalid username or password or Invalid on-premise username or password.';

/** What a denied or unanswered push looks like in the failing MFA step (500121). */
export const MFA_DENIED_DETAILS: ReadonlyArray<string> = [
  'MFA denied; user declined the authentication',
  'MFA denied; user did not respond to mobile app notification',
  'MFA denied; user did not select the correct number',
];

/** AD FS relying parties a federated tenant typically has (`{domain}`/`{name}` filled per tenant). */
export interface AdfsRelyingPartyRow {
  readonly name: string;
  /** WS-Fed/SAML relying-party identifier, or the web API identifier of an OAuth application group. */
  readonly identifier: string;
  /** OAuth application groups carry a client id; WS-Fed/SAML trusts show "NotSet" (Entra docs FAQ). */
  readonly oauthClient?: string;
  readonly protocol: 'wsFederation' | 'saml20' | 'oAuth2' | 'wsTrust';
  readonly weight: number;
}

export const ADFS_RELYING_PARTIES: ReadonlyArray<AdfsRelyingPartyRow> = [
  { name: 'Microsoft Office 365 Identity Platform', identifier: 'urn:federation:MicrosoftOnline', protocol: 'wsFederation', weight: 60 },
  { name: '{name} Intranet', identifier: 'https://intranet.{domain}/', protocol: 'saml20', weight: 12 },
  { name: 'ServiceNow', identifier: 'https://{slug}.service-now.com', protocol: 'saml20', weight: 8 },
  { name: '{name} Timesheets - Native application', identifier: 'https://timesheets.{domain}/api', oauthClient: '{name} Timesheets - Web API', protocol: 'oAuth2', weight: 10 },
  { name: 'Device Registration Service', identifier: 'urn:ms-drs:{domain}', protocol: 'wsTrust', weight: 10 },
];

/**
 * AD FS primary authentication methods as Connect Health reports them (Entra docs: Forms,
 * Windows, Certificate, …); the Sentinel AD FS password-spray rule filters on
 * `authenticationMethod == "Integrated Windows Authentication"`, the Elastic sample shows
 * Password / "Forms Authentication".
 */
export const ADFS_FORMS = { method: 'Password', detail: 'Forms Authentication' } as const;
export const ADFS_WINDOWS = { method: 'Integrated Windows Authentication', detail: 'Windows Authentication' } as const;
