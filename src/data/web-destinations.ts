/**
 * Where Global Secure Access clients send traffic: Microsoft 365 endpoints (Microsoft
 * traffic profile), popular internet destinations (Internet Access profile) with their
 * web categories, the cloud-app catalogue entries GSA attaches to known SaaS, and the
 * destinations threat intelligence blocks.
 *
 * Web category names follow Microsoft's web-filtering taxonomy (name = PascalCase id,
 * displayName = portal label, group = category group), as used by GSA web content
 * filtering and Azure Firewall web categories. `{tenant}` in an FQDN is the tenant's
 * SharePoint prefix (the initial domain's first label).
 */

export type WebCategoryName =
  | 'Business'
  | 'ComputersAndTechnology'
  | 'Education'
  | 'Finance'
  | 'Government'
  | 'HealthAndMedicine'
  | 'InformationSecurity'
  | 'News'
  | 'ProfessionalNetworking'
  | 'SearchEnginesAndPortals'
  | 'WebBasedEmail'
  | 'WebRepositoryAndStorage'
  | 'ArtificialIntelligence'
  | 'Chat'
  | 'InstantMessaging'
  | 'Shopping'
  | 'SocialNetworking'
  | 'Games'
  | 'StreamingMediaAndDownloads'
  | 'PeerToPeer'
  | 'Entertainment'
  | 'Gambling'
  | 'Hacking'
  | 'IllegalSoftware'
  | 'Sports'
  | 'Travel';

export interface WebCategoryRow {
  readonly name: WebCategoryName;
  readonly displayName: string;
  readonly group: string;
}

export const WEB_CATEGORIES: Readonly<Record<WebCategoryName, WebCategoryRow>> = {
  Business: { name: 'Business', displayName: 'Business', group: 'BusinessUse' },
  ComputersAndTechnology: { name: 'ComputersAndTechnology', displayName: 'Computers and technology', group: 'BusinessUse' },
  Education: { name: 'Education', displayName: 'Education', group: 'BusinessUse' },
  Finance: { name: 'Finance', displayName: 'Finance', group: 'BusinessUse' },
  Government: { name: 'Government', displayName: 'Government', group: 'BusinessUse' },
  HealthAndMedicine: { name: 'HealthAndMedicine', displayName: 'Health and medicine', group: 'BusinessUse' },
  InformationSecurity: { name: 'InformationSecurity', displayName: 'Information security', group: 'BusinessUse' },
  News: { name: 'News', displayName: 'News', group: 'BusinessUse' },
  ProfessionalNetworking: { name: 'ProfessionalNetworking', displayName: 'Professional networking', group: 'BusinessUse' },
  SearchEnginesAndPortals: { name: 'SearchEnginesAndPortals', displayName: 'Search engines and portals', group: 'BusinessUse' },
  WebBasedEmail: { name: 'WebBasedEmail', displayName: 'Web-based email', group: 'BusinessUse' },
  WebRepositoryAndStorage: { name: 'WebRepositoryAndStorage', displayName: 'Web repository and storage', group: 'BusinessUse' },
  ArtificialIntelligence: { name: 'ArtificialIntelligence', displayName: 'Artificial intelligence', group: 'BusinessUse' },
  Chat: { name: 'Chat', displayName: 'Chat', group: 'ProductivityLoss' },
  InstantMessaging: { name: 'InstantMessaging', displayName: 'Instant messaging', group: 'ProductivityLoss' },
  Shopping: { name: 'Shopping', displayName: 'Shopping', group: 'ProductivityLoss' },
  SocialNetworking: { name: 'SocialNetworking', displayName: 'Social networking', group: 'ProductivityLoss' },
  Games: { name: 'Games', displayName: 'Games', group: 'ProductivityLoss' },
  StreamingMediaAndDownloads: { name: 'StreamingMediaAndDownloads', displayName: 'Streaming media and downloads', group: 'HighBandwidth' },
  PeerToPeer: { name: 'PeerToPeer', displayName: 'Peer-to-peer', group: 'HighBandwidth' },
  Entertainment: { name: 'Entertainment', displayName: 'Entertainment', group: 'HighBandwidth' },
  Gambling: { name: 'Gambling', displayName: 'Gambling', group: 'Liability' },
  Hacking: { name: 'Hacking', displayName: 'Hacking', group: 'Liability' },
  IllegalSoftware: { name: 'IllegalSoftware', displayName: 'Illegal software', group: 'Liability' },
  Sports: { name: 'Sports', displayName: 'Sports', group: 'GeneralSurfing' },
  Travel: { name: 'Travel', displayName: 'Travel', group: 'GeneralSurfing' },
};

/** Defender for Cloud Apps catalogue entry GSA attaches to traffic to a known SaaS app. */
export interface CloudAppRow {
  readonly name: string;
  /** Catalogue id [guessed values: numeric strings as the catalogue uses]. */
  readonly catalogId: string;
  readonly categories: ReadonlyArray<string>;
  /** Scores 0–10, as the cloud app catalogue rates apps. */
  readonly riskScore: number;
  readonly generalScore: number;
  readonly securityScore: number;
  readonly complianceScore: number;
  readonly legalScore: number;
}

/** Who hosts a destination: decides which simulated network its IPs come from. */
export type DestinationHost = 'microsoft' | 'amazon' | 'other';

export interface WebDestination {
  readonly fqdn: string;
  readonly trafficType: 'internet' | 'microsoft365';
  readonly weight: number;
  readonly categories: ReadonlyArray<WebCategoryName>;
  readonly host: DestinationHost;
  /** Typical bytes sent by the client / received from the server per transaction. */
  readonly sent: readonly [number, number];
  readonly received: readonly [number, number];
  /** Windows process that usually opens the connection when it is not a browser. */
  readonly process?: string;
  readonly cloudApp?: CloudAppRow;
}

const SMALL: readonly [number, number] = [600, 4000];

/** Microsoft traffic profile: Exchange Online, SharePoint/OneDrive, Teams, Microsoft 365 common. */
export const MICROSOFT_365_DESTINATIONS: ReadonlyArray<WebDestination> = [
  { fqdn: 'outlook.office365.com', trafficType: 'microsoft365', weight: 24, categories: ['WebBasedEmail'], host: 'microsoft', sent: [900, 30000], received: [2000, 400000], process: 'OUTLOOK.EXE' },
  { fqdn: 'outlook.office.com', trafficType: 'microsoft365', weight: 14, categories: ['WebBasedEmail'], host: 'microsoft', sent: [900, 12000], received: [3000, 300000] },
  { fqdn: '{tenant}.sharepoint.com', trafficType: 'microsoft365', weight: 16, categories: ['WebRepositoryAndStorage'], host: 'microsoft', sent: [900, 800000], received: [4000, 6000000] },
  { fqdn: '{tenant}-my.sharepoint.com', trafficType: 'microsoft365', weight: 12, categories: ['WebRepositoryAndStorage'], host: 'microsoft', sent: [900, 2000000], received: [3000, 8000000], process: 'OneDrive.exe' },
  { fqdn: 'teams.microsoft.com', trafficType: 'microsoft365', weight: 10, categories: ['InstantMessaging'], host: 'microsoft', sent: [1200, 40000], received: [4000, 300000], process: 'ms-teams.exe' },
  { fqdn: 'www.office.com', trafficType: 'microsoft365', weight: 5, categories: ['ComputersAndTechnology'], host: 'microsoft', sent: [800, 6000], received: [20000, 400000] },
  { fqdn: 'substrate.office.com', trafficType: 'microsoft365', weight: 6, categories: ['ComputersAndTechnology'], host: 'microsoft', sent: [900, 9000], received: [1000, 60000], process: 'OUTLOOK.EXE' },
  { fqdn: 'graph.microsoft.com', trafficType: 'microsoft365', weight: 5, categories: ['ComputersAndTechnology'], host: 'microsoft', sent: [700, 4000], received: [600, 90000] },
  { fqdn: 'login.microsoftonline.com', trafficType: 'microsoft365', weight: 6, categories: ['ComputersAndTechnology'], host: 'microsoft', sent: [1500, 9000], received: [3000, 40000] },
];

/** Internet Access profile: the everyday web. */
export const INTERNET_DESTINATIONS: ReadonlyArray<WebDestination> = [
  { fqdn: 'www.google.com', trafficType: 'internet', weight: 14, categories: ['SearchEnginesAndPortals'], host: 'other', sent: SMALL, received: [12000, 180000] },
  { fqdn: 'www.bing.com', trafficType: 'internet', weight: 6, categories: ['SearchEnginesAndPortals'], host: 'microsoft', sent: SMALL, received: [12000, 160000] },
  { fqdn: 'www.linkedin.com', trafficType: 'internet', weight: 6, categories: ['ProfessionalNetworking'], host: 'microsoft', sent: SMALL, received: [20000, 600000] },
  { fqdn: 'github.com', trafficType: 'internet', weight: 5, categories: ['ComputersAndTechnology'], host: 'microsoft', sent: SMALL, received: [15000, 900000], cloudApp: { name: 'GitHub', catalogId: '11042', categories: ['Development tools'], riskScore: 9, generalScore: 9, securityScore: 9, complianceScore: 9, legalScore: 8 } },
  { fqdn: 'stackoverflow.com', trafficType: 'internet', weight: 3, categories: ['ComputersAndTechnology'], host: 'other', sent: SMALL, received: [40000, 300000] },
  { fqdn: 'www.youtube.com', trafficType: 'internet', weight: 5, categories: ['StreamingMediaAndDownloads'], host: 'other', sent: SMALL, received: [200000, 40000000] },
  { fqdn: 'www.facebook.com', trafficType: 'internet', weight: 3, categories: ['SocialNetworking'], host: 'other', sent: SMALL, received: [30000, 900000] },
  { fqdn: 'x.com', trafficType: 'internet', weight: 2, categories: ['SocialNetworking'], host: 'other', sent: SMALL, received: [30000, 600000] },
  { fqdn: 'www.amazon.com', trafficType: 'internet', weight: 3, categories: ['Shopping'], host: 'amazon', sent: SMALL, received: [40000, 900000] },
  { fqdn: 'login.salesforce.com', trafficType: 'internet', weight: 3, categories: ['Business'], host: 'other', sent: SMALL, received: [8000, 120000], cloudApp: { name: 'Salesforce', catalogId: '11114', categories: ['CRM'], riskScore: 10, generalScore: 10, securityScore: 9, complianceScore: 10, legalScore: 9 } },
  { fqdn: 'app.slack.com', trafficType: 'internet', weight: 3, categories: ['InstantMessaging'], host: 'amazon', sent: [800, 9000], received: [10000, 400000], cloudApp: { name: 'Slack', catalogId: '11394', categories: ['Collaboration'], riskScore: 9, generalScore: 9, securityScore: 9, complianceScore: 10, legalScore: 8 } },
  { fqdn: 'zoom.us', trafficType: 'internet', weight: 2, categories: ['ComputersAndTechnology'], host: 'other', sent: [800, 9000], received: [10000, 200000], cloudApp: { name: 'Zoom', catalogId: '11711', categories: ['Online meetings'], riskScore: 8, generalScore: 8, securityScore: 8, complianceScore: 9, legalScore: 7 } },
  { fqdn: 'www.dropbox.com', trafficType: 'internet', weight: 2, categories: ['WebRepositoryAndStorage'], host: 'amazon', sent: [800, 2000000], received: [8000, 6000000], cloudApp: { name: 'Dropbox', catalogId: '10489', categories: ['Cloud storage'], riskScore: 8, generalScore: 9, securityScore: 8, complianceScore: 9, legalScore: 7 } },
  { fqdn: 'chatgpt.com', trafficType: 'internet', weight: 3, categories: ['ArtificialIntelligence'], host: 'other', sent: [900, 40000], received: [9000, 300000], cloudApp: { name: 'ChatGPT', catalogId: '33346', categories: ['Generative AI'], riskScore: 7, generalScore: 8, securityScore: 7, complianceScore: 6, legalScore: 6 } },
  { fqdn: 'en.wikipedia.org', trafficType: 'internet', weight: 3, categories: ['Education'], host: 'other', sent: SMALL, received: [20000, 400000] },
  { fqdn: 'www.nytimes.com', trafficType: 'internet', weight: 2, categories: ['News'], host: 'other', sent: SMALL, received: [60000, 1200000] },
  { fqdn: 'www.bbc.co.uk', trafficType: 'internet', weight: 2, categories: ['News'], host: 'amazon', sent: SMALL, received: [60000, 1200000] },
  { fqdn: 'registry.npmjs.org', trafficType: 'internet', weight: 2, categories: ['ComputersAndTechnology'], host: 'other', sent: SMALL, received: [3000, 3000000] },
  { fqdn: 'pypi.org', trafficType: 'internet', weight: 1, categories: ['ComputersAndTechnology'], host: 'other', sent: SMALL, received: [3000, 600000] },
  { fqdn: 'www.booking.com', trafficType: 'internet', weight: 1, categories: ['Travel'], host: 'amazon', sent: SMALL, received: [40000, 900000] },
  { fqdn: 'www.espn.com', trafficType: 'internet', weight: 1, categories: ['Sports'], host: 'other', sent: SMALL, received: [40000, 900000] },
  { fqdn: 'www.netflix.com', trafficType: 'internet', weight: 1, categories: ['StreamingMediaAndDownloads', 'Entertainment'], host: 'amazon', sent: SMALL, received: [200000, 60000000] },
  { fqdn: 'ctldl.windowsupdate.com', trafficType: 'internet', weight: 3, categories: ['ComputersAndTechnology'], host: 'microsoft', sent: [400, 1200], received: [2000, 90000], process: 'svchost.exe' },
  { fqdn: 'www.irs.gov', trafficType: 'internet', weight: 1, categories: ['Government'], host: 'other', sent: SMALL, received: [20000, 300000] },
  { fqdn: 'www.chase.com', trafficType: 'internet', weight: 1, categories: ['Finance'], host: 'other', sent: SMALL, received: [20000, 300000] },
];

/**
 * Destinations a web content filtering policy typically blocks (category rules); users
 * whose profile has no such rule reach them. A blocked transaction receives nothing.
 */
export const BLOCKED_CATEGORY_DESTINATIONS: ReadonlyArray<WebDestination> = [
  { fqdn: 'www.bet365.com', trafficType: 'internet', weight: 4, categories: ['Gambling'], host: 'other', sent: [600, 6000], received: [15000, 900000] },
  { fqdn: 'www.pokerstars.com', trafficType: 'internet', weight: 2, categories: ['Gambling'], host: 'other', sent: [600, 6000], received: [15000, 900000] },
  { fqdn: 'www.888casino.com', trafficType: 'internet', weight: 2, categories: ['Gambling'], host: 'other', sent: [600, 6000], received: [15000, 900000] },
  { fqdn: 'thepiratebay.org', trafficType: 'internet', weight: 2, categories: ['PeerToPeer', 'IllegalSoftware'], host: 'other', sent: [600, 6000], received: [15000, 900000] },
  { fqdn: 'store.steampowered.com', trafficType: 'internet', weight: 2, categories: ['Games'], host: 'other', sent: [600, 6000], received: [15000, 900000] },
];

/**
 * Destinations threat intelligence filtering blocks. Microsoft's and EICAR's own test
 * sites (safe to name; built to trip SmartScreen / anti-malware reputation checks).
 */
export const THREAT_DESTINATIONS: ReadonlyArray<WebDestination & { readonly threatType: string }> = [
  { fqdn: 'smartscreentestratings2.net', trafficType: 'internet', weight: 3, categories: ['ComputersAndTechnology'], host: 'microsoft', sent: [500, 1500], received: [0, 0], threatType: 'Phishing' },
  { fqdn: 'demo.smartscreen.msft.net', trafficType: 'internet', weight: 2, categories: ['ComputersAndTechnology'], host: 'microsoft', sent: [500, 1500], received: [0, 0], threatType: 'Phishing' },
  { fqdn: 'secure.eicar.org', trafficType: 'internet', weight: 2, categories: ['InformationSecurity'], host: 'other', sent: [500, 1500], received: [0, 0], threatType: 'Malware' },
];
