/**
 * Builds enriched Microsoft 365 audit events: a member working in SharePoint, OneDrive,
 * Exchange or Teams through the GSA client, so the audit record carries the client's
 * device, OS and original IP.
 */
import type { BuildContext, JsonObject } from '../../core/activity.ts';
import { hash32, stableUuid, type Rng } from '../../core/random.ts';
import type { Tenant, User } from '../../tenant/types.ts';
import { RICH_CLIENT_AGENTS } from '../../data/user-agents.ts';
import { activeUser, gsaClientOf, gsaConfig, userIp, userNetwork, type GsaClient } from '../gsa-shared/config.ts';
import { regionScopeOf } from '../gsa-shared/regions.ts';
import { uniqueTokenIdentifier } from '../graph-activity/build.ts';
import type { EnrichedM365AuditActivity } from './activity.ts';
import { FILE_NAMES, FOLDERS, geoLocationOf, M365_OPERATIONS, SUBJECTS, type M365OperationRow, type M365Workload } from './operations.ts';

export interface EnrichedM365AuditSpec {
  readonly user?: User;
  /** Operation name (`FileDownloaded`, `MailItemsAccessed`, …) from operations.ts. */
  readonly operation?: string;
  readonly workload?: M365Workload;
  readonly sourceIp?: string;
  /** `uniqueTokenIdentifier` of the sign-in whose token was used. */
  readonly uniqueTokenId?: string;
  readonly fileName?: string;
  readonly resultStatus?: string;
  /** Merged over the generated AdditionalProperties. */
  readonly additionalProperties?: JsonObject;
}

const OPERATIONS = M365_OPERATIONS.map((o) => [o, o.weight] as const);
const OUTLOOK_DESKTOP = 'd3590ed6-52b3-4102-aeff-aad2292ab01c';

/** Office 365 audit `CreationTime`: seconds, no zone (`2025-06-02T09:00:00`). */
function creationTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/** A user's Passport unique id (PUID): 16 hex digits starting 1003, stable per user. */
function puidOf(user: User): string {
  return ('1003' + (hash32(user.id).toString(16) + hash32(`${user.id}/puid`).toString(16)).padStart(16, '0')).slice(0, 16).toUpperCase();
}

function onPremSidOf(user: User): string {
  const h = hash32(user.id);
  return `S-1-5-21-${2146773085 + (h % 1000)}-${903363285 + (hash32(user.userPrincipalName) % 1000)}-${719344707}-${1100 + (h % 90000)}`;
}

function personalPath(upn: string): string {
  let s = '';
  for (const ch of upn) s += ch === '@' || ch === '.' ? '_' : ch;
  return s;
}

function extensionOf(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

function browserOf(client: GsaClient): { name: string; version: string } {
  const b = client.device.browser;
  const space = b.lastIndexOf(' ');
  return space < 0 ? { name: b, version: '' } : { name: b.slice(0, space), version: b.slice(space + 1) };
}

function sharePointEvent(
  rng: Rng,
  tenant: Tenant,
  op: M365OperationRow,
  user: User,
  client: GsaClient,
  time: number,
  spec: EnrichedM365AuditSpec,
  regionScope: string,
): { objectId: string; userKey: string; props: JsonObject } {
  const cfg = gsaConfig(tenant);
  const fileName = spec.fileName ?? rng.pick(FILE_NAMES);
  let siteUrl: string;
  let folder: string;
  if (op.workload === 'OneDrive') {
    siteUrl = `https://${cfg.sharePointPrefix}-my.sharepoint.com/personal/${personalPath(user.userPrincipalName)}/`;
    folder = 'Documents';
  } else {
    const site = rng.pick(tenant.groups).mailNickname;
    siteUrl = `https://${cfg.sharePointPrefix}.sharepoint.com/sites/${site}/`;
    folder = rng.pick(FOLDERS);
  }
  const sync = op.workload === 'OneDrive' && client.desktop && rng.bool(0.4);
  const browser = browserOf(client);
  const props: JsonObject = {
    CreationTime: creationTime(time),
    Version: 1,
    UserAgent: sync ? RICH_CLIENT_AGENTS.onedrive : client.device.userAgent,
    EventSource: 'SharePoint',
    ItemType: 'File',
    Site: stableUuid(`${siteUrl}/site`),
    WebId: stableUuid(`${siteUrl}/web`),
    ListId: stableUuid(`${siteUrl}/${folder}/list`),
    ListItemUniqueId: stableUuid(`${siteUrl}/${folder}/${fileName}`),
    SiteUrl: siteUrl,
    SourceRelativeUrl: folder,
    SourceFileName: fileName,
    SourceFileExtension: extensionOf(fileName),
    GeoLocation: geoLocationOf(regionScope),
    IsManagedDevice: client.device.isManaged,
    DeviceDisplayName: client.device.displayName,
    Platform: client.desktop ? (client.operatingSystem === 'macOS' ? 'MacDesktop' : 'WinDesktop') : client.operatingSystem === 'iOS' ? 'iOS' : 'Android',
    AuthenticationType: 'OAuth',
    BrowserName: sync ? '' : browser.name,
    BrowserVersion: sync ? '' : browser.version,
    CorrelationId: rng.uuid(),
  };
  return {
    objectId: `${siteUrl}${folder}/${fileName}`,
    userKey: `i:0h.f|membership|${puidOf(user).toLowerCase()}@live.com`,
    props,
  };
}

function exchangeEvent(
  rng: Rng,
  tenant: Tenant,
  op: M365OperationRow,
  user: User,
  time: number,
): { objectId: string; userKey: string; props: JsonObject } {
  const mailboxGuid = stableUuid(`${user.id}/mailbox`);
  const server = `${['BN0PR04MB', 'SA1PR11MB', 'DM6PR07MB', 'CH3PR12MB'][hash32(user.id) % 4]}${1000 + (hash32(user.id) % 8999)}`;
  const messageId = `<${rng.hex(8).toUpperCase()}${rng.hex(24).toUpperCase()}@${server}.namprd04.prod.outlook.com>`;
  const base: JsonObject = {
    CreationTime: creationTime(time),
    AppId: OUTLOOK_DESKTOP,
    ClientAppId: OUTLOOK_DESKTOP,
    ClientInfoString: 'Client=MSExchangeRPC',
    ExternalAccess: false,
    InternalLogonType: 0,
    LogonType: 0,
    LogonUserSid: onPremSidOf(user),
    MailboxGuid: mailboxGuid,
    MailboxOwnerSid: onPremSidOf(user),
    MailboxOwnerUPN: user.userPrincipalName,
    OrganizationName: tenant.initialDomain,
    OriginatingServer: `${server} (15.20.8722.022)`,
    SessionId: rng.uuid(),
  };
  if (op.operation === 'MailItemsAccessed') {
    const items: JsonObject[] = [];
    const n = 1 + rng.int(3);
    for (let i = 0; i < n; i++) items.push({ InternetMessageId: `<${rng.hex(32).toUpperCase()}@${server}.namprd04.prod.outlook.com>`, SizeInBytes: 8000 + rng.int(120000) });
    base.OperationProperties = [
      { Name: 'MailAccessType', Value: 'Bind' },
      { Name: 'IsThrottled', Value: 'False' },
    ];
    base.Folders = [{ FolderItems: items, Id: 'LgAAAAA' + rng.token(40) + 'AAAB', Path: '\\Inbox' }];
    base.OperationCount = n;
  } else {
    base.Item = {
      Id: 'RgAAAAA' + rng.token(60) + 'AAAJ',
      InternetMessageId: messageId,
      ParentFolder: { Id: 'LgAAAAA' + rng.token(40) + 'AAAB', Path: '\\Sent Items' },
      SizeInBytes: 6000 + rng.int(200000),
      Subject: rng.pick(SUBJECTS),
    };
  }
  return { objectId: '', userKey: puidOf(user), props: base };
}

function teamsEvent(rng: Rng, op: M365OperationRow, user: User, client: GsaClient, time: number): { objectId: string; userKey: string; props: JsonObject } {
  const props: JsonObject = {
    CreationTime: creationTime(time),
    Version: 1,
    UserAgent: client.desktop && client.operatingSystem.startsWith('Windows') ? RICH_CLIENT_AGENTS.teamsDesktop : client.device.userAgent,
  };
  if (op.operation === 'MessageSent') {
    props.ChatThreadId = `19:${rng.hex(32)}@thread.v2`;
    props.CommunicationType = rng.bool(0.6) ? 'GroupChat' : 'OneOnOne';
    props.MessageId = String(time);
  }
  return { objectId: '', userKey: user.id, props };
}

/** One enriched audit event. */
export function buildEnrichedM365Audit(ctx: BuildContext, time: number, spec: EnrichedM365AuditSpec = {}): EnrichedM365AuditActivity {
  const { rng, tenant } = ctx;
  const op =
    (spec.operation && M365_OPERATIONS.find((o) => o.operation === spec.operation && (!spec.workload || o.workload === spec.workload))) ||
    rng.weighted(OPERATIONS);
  let user = spec.user;
  let client = user ? gsaClientOf(user) : null;
  if (!user) {
    for (let i = 0; i < 8 && !client; i++) {
      user = activeUser(rng, tenant, true);
      client = gsaClientOf(user);
    }
  }
  user ??= activeUser(rng, tenant, true);
  const net = userNetwork(rng, user, client ? !client.desktop : false);
  const sourceIp = spec.sourceIp ?? userIp(rng, tenant, user, net);
  const regionScope = regionScopeOf(tenant.namedLocations[0]?.network.geo.countryOrRegion ?? 'US');
  const fallback: GsaClient = client ?? {
    device: user.devices[0]!,
    operatingSystem: '',
    operatingSystemVersion: '',
    agentVersion: '',
    browserProcess: '',
    desktop: true,
  };
  const detail =
    op.workload === 'Exchange'
      ? exchangeEvent(rng, tenant, op, user, time)
      : op.workload === 'MicrosoftTeams'
        ? teamsEvent(rng, op, user, fallback, time)
        : sharePointEvent(rng, tenant, op, user, fallback, time, spec, regionScope);
  const props = spec.additionalProperties ? { ...detail.props, ...spec.additionalProperties } : detail.props;
  const tick = rng.int(10000);
  return {
    category: 'EnrichedOffice365AuditLogs',
    id: rng.uuid(),
    time,
    tick,
    // Stamped with the audit event time [unverified: no public sample].
    envelopeTime: time,
    envelopeTick: tick,
    workload: op.workload,
    recordType: op.recordType,
    operation: op.operation,
    organizationId: tenant.id,
    userType: 'Regular',
    actorUserType: 'Regular',
    userKey: detail.userKey,
    userId: user.userPrincipalName,
    objectId: detail.objectId,
    clientIp: sourceIp,
    sourceIp,
    deviceId: client?.device.deviceId ?? '',
    deviceOperatingSystem: client?.operatingSystem ?? '',
    deviceOperatingSystemVersion: client?.operatingSystemVersion ?? '',
    uniqueTokenId: spec.uniqueTokenId ?? uniqueTokenIdentifier(rng),
    resultStatus: spec.resultStatus ?? 'Succeeded',
    additionalProperties: props,
  };
}

export function baselineEnrichedM365Audit(ctx: BuildContext, time: number): EnrichedM365AuditActivity[] {
  if (!ctx.tenant.globalSecureAccess) return [];
  return [buildEnrichedM365Audit(ctx, time)];
}

