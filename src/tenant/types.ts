/**
 * The simulated tenant: who and what appears in the logs. Large populations (users,
 * devices) are computed on demand from the seed and an index, so a 500,000-user tenant
 * costs no more memory than a 50-user one; small, shared sets (apps, locations,
 * policies) are built once.
 */
import type { Licence } from '../core/activity.ts';

export interface GeoLocation {
  readonly city: string;
  readonly state: string;
  /** ISO 3166 alpha-2, as Entra writes `location.countryOrRegion`. */
  readonly countryOrRegion: string;
  readonly latitude: number;
  readonly longitude: number;
  /** IANA time zone, for hour-of-day curves. */
  readonly timeZone: string;
}

/** Where traffic comes from. Every IP the simulator writes belongs to exactly one network. */
export type NetworkKind = 'corporate' | 'home' | 'mobile' | 'hosting' | 'vpn' | 'tor';

export interface Network {
  readonly id: string;
  readonly kind: NetworkKind;
  /** Named location (corporate offices) or ISP display name. */
  readonly name: string;
  readonly geo: GeoLocation;
  readonly asn: number;
  /**
   * IPv4 prefix: three octets (a /24: offices, clouds, VPN, Tor) or two (a /16: consumer
   * ISPs and carriers, so households don't share addresses).
   */
  readonly ipv4Prefix: string;
  /** A few networks also use IPv6 (`2a01:…`). */
  readonly ipv6Prefix?: string;
  /** True when the tenant defines it as a trusted named location. */
  readonly trusted: boolean;
}

export interface NamedLocation {
  readonly id: string;
  readonly displayName: string;
  readonly network: Network;
}

/** As Entra writes deviceDetail.operatingSystem. */
export type OperatingSystem = 'Windows 10' | 'Windows' | 'MacOs' | 'Ios' | 'Android' | 'Linux';

export interface Device {
  /** Entra device object id; empty string for unregistered devices (as Entra writes). */
  readonly deviceId: string;
  readonly displayName: string;
  readonly operatingSystem: OperatingSystem;
  /** Browser as Entra writes it: `Edge 124.0.0`, `Chrome 123.0.0`, `Mobile Safari`, `Rich Client 5.2.0.0`. */
  readonly browser: string;
  /** `Azure AD joined`, `Hybrid Azure AD joined`, `Azure AD registered`, or '' (unregistered). */
  readonly trustType: string;
  readonly isCompliant: boolean;
  readonly isManaged: boolean;
  /** A user agent string consistent with the OS and browser. */
  readonly userAgent: string;
}

export type UserType = 'Member' | 'Guest';

export interface User {
  readonly index: number;
  readonly id: string;
  readonly displayName: string;
  readonly givenName: string;
  readonly surname: string;
  /**
   * UPN as sign-in logs write it: lower case; for guests the home UPN (`ann@fabrikam.com`),
   * not the `#EXT#` form (graph-api.md §3).
   */
  readonly userPrincipalName: string;
  /** UPN of the directory object: equals userPrincipalName for members, `ann_fabrikam.com#EXT#@contoso.onmicrosoft.com` for guests. */
  readonly directoryUpn: string;
  readonly mail: string;
  readonly userType: UserType;
  /** The user's home tenant (differs from the tenant for guests). */
  readonly homeTenantId: string;
  readonly homeTenantName: string;
  readonly accountEnabled: boolean;
  readonly department: string;
  readonly jobTitle: string;
  readonly officeLocation: NamedLocation;
  /** The user's home ISP network (remote work). */
  readonly homeNetwork: Network;
  /** Mobile carrier network. */
  readonly mobileNetwork: Network;
  readonly timeZone: string;
  /** Primary device first; at least one. */
  readonly devices: ReadonlyArray<Device>;
  /** Active directory role assignments (template ids). */
  readonly roles: ReadonlyArray<DirectoryRole>;
  /** Preferred MFA method as it appears in authenticationDetails. */
  readonly mfaMethod: string;
  /** Synced from on-premises AD (hybrid) or cloud-only. */
  readonly onPremisesSynced: boolean;
  readonly createdDateTime: number;
}

export interface DirectoryRole {
  readonly templateId: string;
  readonly displayName: string;
  readonly privileged: boolean;
}

export interface Group {
  readonly id: string;
  readonly displayName: string;
  readonly mailNickname: string;
  readonly groupType: 'unifiedGroups' | 'azureAD';
}

export interface AppCredential {
  readonly keyId: string;
  readonly type: 'Password' | 'AsymmetricX509Cert';
  readonly displayName: string;
  /** SHA-1 thumbprint, upper-case hex, certificates only. */
  readonly thumbprint?: string;
  readonly startDateTime: number;
  readonly endDateTime: number;
}

/** An application, first-party (Microsoft) or the tenant's own, with its service principal. */
export interface Application {
  readonly appId: string;
  readonly displayName: string;
  /** Object id of the service principal in this tenant. */
  readonly servicePrincipalId: string;
  readonly firstParty: boolean;
  /** Tenant that owns the app registration (Microsoft's for first-party apps). */
  readonly appOwnerTenantId: string;
  /** Client app users sign in to, a resource (API) tokens are issued for, or both. */
  readonly role: 'client' | 'resource' | 'both';
  /** What kind of client: browser, rich client (Office), CLI/tool, mobile, daemon. */
  readonly clientKind: 'browser' | 'richClient' | 'tool' | 'mobile' | 'daemon' | 'none';
  /** Credentials (tenant apps and daemons only). */
  readonly credentials: ReadonlyArray<AppCredential>;
  /** Resources this app usually calls (app ids). */
  readonly resources: ReadonlyArray<string>;
  /** Application permissions granted (daemons), e.g. `User.Read.All`. */
  readonly appRoles: ReadonlyArray<string>;
  /** Delegated scopes it usually asks for. */
  readonly scopes: ReadonlyArray<string>;
}

/** A managed identity bound to an Azure resource. */
export interface ManagedIdentity {
  readonly servicePrincipalId: string;
  readonly appId: string;
  readonly displayName: string;
  readonly kind: 'SystemAssigned' | 'UserAssigned';
  /** The Azure resource it is attached to (`/subscriptions/…/providers/Microsoft.Web/sites/…`). */
  readonly azureResourceId: string;
  /** For user-assigned: the identity's own resource id; else equal to azureResourceId. */
  readonly msiResourceId: string;
  /** Resources it gets tokens for (app ids). */
  readonly resources: ReadonlyArray<string>;
}

export interface ConditionalAccessPolicy {
  readonly id: string;
  readonly displayName: string;
  readonly state: 'enabled' | 'disabled' | 'enabledForReportingButNotEnforced';
  readonly grantControls: ReadonlyArray<string>;
  readonly sessionControls: ReadonlyArray<string>;
  /** Which sign-ins it targets, loosely: used to decide `result`. */
  readonly target: 'allUsers' | 'admins' | 'guests' | 'legacyAuth' | 'untrustedLocations' | 'riskySignIns' | 'devices';
}

export interface TenantOptions {
  readonly seed: number | string;
  /** Number of users (members + guests). */
  readonly users: number;
  /** Fraction of users who are guests (B2B). */
  readonly guestRatio?: number;
  /** Company name; derived from the seed when absent. */
  readonly name?: string;
  /** Verified domains; the first is the default. Derived from the name when absent. */
  readonly domains?: ReadonlyArray<string>;
  readonly licence?: Licence;
  /** Microsoft Entra Workload ID Premium: decides whether SP risk data exists. */
  readonly workloadIdentitiesPremium?: boolean;
  /** Global Secure Access licence: decides whether network-access logs exist. */
  readonly globalSecureAccess?: boolean;
  /** Country mix of users: ISO codes with weights. */
  readonly countries?: ReadonlyArray<readonly [string, number]>;
  /** Number of the tenant's own applications. */
  readonly applications?: number;
  /** Number of managed identities. */
  readonly managedIdentities?: number;
}

export interface Tenant {
  readonly id: string;
  readonly name: string;
  /** Verified domains; `[0]` is the default domain used for UPNs, the last is `*.onmicrosoft.com`. */
  readonly domains: ReadonlyArray<string>;
  readonly initialDomain: string;
  readonly licence: Licence;
  readonly workloadIdentitiesPremium: boolean;
  readonly globalSecureAccess: boolean;
  readonly userCount: number;
  readonly memberCount: number;
  /** User by index (0 ≤ i < userCount): computed from the seed, cached. */
  user(index: number): User;
  /** User by object id, if it belongs to this tenant. */
  userById(id: string): User | undefined;
  /** Users holding privileged roles (small list). */
  readonly admins: ReadonlyArray<User>;
  readonly groups: ReadonlyArray<Group>;
  readonly roles: ReadonlyArray<DirectoryRole>;
  /** Microsoft first-party apps with their real app ids. */
  readonly firstPartyApps: ReadonlyArray<Application>;
  /** The tenant's own app registrations with service principals and credentials. */
  readonly applications: ReadonlyArray<Application>;
  readonly managedIdentities: ReadonlyArray<ManagedIdentity>;
  readonly namedLocations: ReadonlyArray<NamedLocation>;
  /** Every network the simulation draws IPs from (offices, ISPs, carriers, clouds, VPN/Tor). */
  readonly networks: ReadonlyArray<Network>;
  readonly conditionalAccessPolicies: ReadonlyArray<ConditionalAccessPolicy>;
  /** First-party app by display name or app id. */
  app(nameOrId: string): Application;
  /** The network an IP belongs to (geolocation stays consistent for every record). */
  networkOfIp(ip: string): Network | undefined;
  /** An IP of a network: `host` picks the address (any non-negative integer; a /16 uses up to 64,516 of them). */
  ipIn(network: Network, host: number, v6?: boolean): string;
}
