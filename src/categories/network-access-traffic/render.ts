/**
 * NetworkAccessTrafficLogs renderings: Graph beta `networkaccess.networkAccessTraffic`
 * (beta-reporting.xml; graph-api.md §10 / appendix B), the NetworkAccessTraffic table
 * (95 columns in the current reference) and the diagnostic record, whose `properties`
 * mirror the table (notes §A.3 best guess; schemas/diagnostic, x-unverified).
 */
import type { DiagnosticRecord, GraphResource, Json, JsonObject, LogAnalyticsRow, RenderContext } from '../../core/activity.ts';
import type { GraphVersion } from '../../core/categories.ts';
import { graphTime, laTime } from '../../core/time.ts';
import { camelColumn, gsaEnvelope } from '../gsa-shared/envelope.ts';
import type { NetworkAccessTrafficActivity } from './activity.ts';

/**
 * Table values that differ from Graph member names: `Allow`/`Block` (what Microsoft's
 * GSA workbook filters on), `QuickAccess`/`PrivateAccess` and `Open`/`Active`/`Closed`
 * (the column descriptions), `TCP`/`IPv4` [guessed: the spelling of the service's older
 * Graph payloads, kept by the table].
 */
const LA_ACTION = { allow: 'Allow', block: 'Block' } as const;
const LA_ACCESS = { '': '', quickAccess: 'QuickAccess', privateAccess: 'PrivateAccess' } as const;
const LA_STATUS = { '': '', open: 'Open', active: 'Active', closed: 'Closed' } as const;
const LA_TRANSPORT = { tcp: 'TCP', udp: 'UDP' } as const;
const LA_NETWORK = { ipv4: 'IPv4', ipv6: 'IPv6' } as const;

function categoriesText(a: NetworkAccessTrafficActivity): string {
  // Comma separated (Microsoft's workbook splits the column on ',').
  let s = '';
  for (let i = 0; i < a.webCategories.length; i++) s += (i ? ',' : '') + a.webCategories[i]!.displayName;
  return s;
}

/** Row of NetworkAccessTraffic: the table's column order (Sentinel's definition), newer columns after. */
export function trafficToLogAnalytics(a: NetworkAccessTrafficActivity, ctx: RenderContext): LogAnalyticsRow {
  const app = a.cloudApp;
  return {
    TenantId: ctx.workspaceId,
    TimeGenerated: laTime(a.time),
    TransactionId: a.transactionId,
    ConnectionId: a.connectionId,
    SessionId: a.sessionId,
    TrafficType: a.trafficType,
    DeviceCategory: a.deviceCategory,
    DestinationIp: a.destinationIp,
    DestinationPort: a.destinationPort,
    DestinationFqdn: a.destinationFqdn,
    SourceIp: a.sourceIp,
    SourcePort: a.sourcePort,
    DeviceOperatingSystem: a.deviceOperatingSystem,
    DeviceOperatingSystemVersion: a.deviceOperatingSystemVersion,
    AgentVersion: a.agentVersion,
    DeviceId: a.deviceId,
    UserId: a.userId,
    UserPrincipalName: a.userPrincipalName,
    TransportProtocol: LA_TRANSPORT[a.transportProtocol],
    NetworkProtocol: LA_NETWORK[a.networkProtocol],
    Action: LA_ACTION[a.action],
    PolicyRuleId: a.policyRuleId,
    PolicyId: a.policyId,
    SentBytes: a.sentBytes,
    ReceivedBytes: a.receivedBytes,
    ReferrerHeader: a.referrer,
    OriginHeader: a.origin,
    XForwardedFor: a.xForwardedFor,
    FilteringProfileId: a.filteringProfileId,
    FilteringProfileName: a.filteringProfileName,
    PolicyName: a.policyName,
    RuleName: a.ruleName,
    InitiatingProcessName: a.initiatingProcessName,
    ResourceTenantId: a.resourceTenantId,
    ThreatType: a.threatType,
    DestinationUrl: a.destinationUrl,
    Description: a.description,
    DestinationWebCategories: categoriesText(a),
    AppId: a.appId,
    ConnectionStatus: LA_STATUS[a.connectionStatus],
    ConnectorId: a.connectorId,
    ConnectorName: a.connectorName,
    ConnectorIp: a.connectorIp,
    AccessType: LA_ACCESS[a.accessType],
    ProcessingRegion: a.processingRegion,
    AppSegmentId: a.appSegmentId,
    RemoteNetworkId: a.remoteNetworkId,
    HttpMethod: a.httpMethod,
    ResponseCode: a.responseCode,
    Token3PExpiry: null,
    Token3PValidFrom: null,
    Token3PIssuedAt: null,
    Token3PUniqueId: '',
    TlsAction: '',
    TlsStatus: '',
    TlsPolicyId: '',
    TlsPolicyName: '',
    UniqueTokenId: a.uniqueTokenId,
    // A list in a string column: JSON text.
    VendorNames: a.vendorNames.length ? JSON.stringify(a.vendorNames) : '',
    CloudAppCatalogId: app ? app.catalogId : '',
    CloudAppName: app ? app.name : '',
    CloudAppCategory: app ? app.categories[0]! : '',
    CloudAppGeneralScore: app ? app.generalScore : null,
    CloudAppRiskScore: app ? app.riskScore : null,
    CloudAppComplianceScore: app ? app.complianceScore : null,
    CloudAppLegalScore: app ? app.legalScore : null,
    CloudAppLoginUser: '',
    HttpRequestContentType: '',
    HttpResponseContentType: '',
    HttpUserAgent: '',
    TlsRuleId: '',
    TlsRuleName: '',
    DnsResponseOrigin: '',
    AIAgentId: '',
    AIAgentName: '',
    AIDetectionConfidence: null,
    AIDetectionEvidence: '',
    CloudAppCategories: app ? JSON.stringify(app.categories) : '',
    IsAgentic: false,
    IsTokenAgentic: false,
    KerberosClientName: '',
    KerberosErrorCode: null,
    KerberosErrorCodeName: '',
    KerberosErrorText: '',
    KerberosMsgType: '',
    KerberosNonce: null,
    OnPremAccount: '',
    ProcessArgs: '',
    ProcessTree: '',
    Realm: '',
    ServicePrincipalName: '',
    SourceSystem: 'Azure AD',
    Type: 'NetworkAccessTraffic',
  };
}

/** Log Analytics bookkeeping columns that are not part of the record. */
const BOOKKEEPING = new Set(['TenantId', 'TimeGenerated', 'SourceSystem', 'Type']);
let diagKeys: ReadonlyArray<readonly [string, string]> | undefined;

/** [table column, properties key] pairs, computed once from a rendered row. */
function propertyKeys(row: LogAnalyticsRow): ReadonlyArray<readonly [string, string]> {
  if (!diagKeys) diagKeys = Object.keys(row).filter((k) => !BOOKKEEPING.has(k)).map((k) => [k, camelColumn(k)] as const);
  return diagKeys;
}

/** Envelope: see gsa-shared/envelope.ts; `callerIpAddress` is the source IP, `correlationId` the transaction. */
export function trafficToDiagnostic(a: NetworkAccessTrafficActivity, ctx: RenderContext): DiagnosticRecord {
  const row = trafficToLogAnalytics(a, ctx);
  const properties: JsonObject = {};
  for (const [column, key] of propertyKeys(row)) properties[key] = row[column]!;
  return gsaEnvelope('NetworkAccessTrafficLogs', ctx.tenant.id, a.envelopeTime, a.envelopeTick, a.sourceIp, a.transactionId, properties);
}

function orNull(s: string): string | null {
  return s === '' ? null : s;
}

/** Graph beta only (no v1.0 networkaccess namespace); property names exactly as the CSDL. */
export function trafficToGraph(a: NetworkAccessTrafficActivity, version: GraphVersion, ctx: RenderContext): GraphResource | undefined {
  if (version !== 'beta') return undefined;
  const category = a.webCategories[0];
  const app = a.cloudApp;
  const headers: Json = a.referrer || a.origin || a.xForwardedFor ? { origin: orNull(a.origin), referrer: orNull(a.referrer), xForwardedFor: orNull(a.xForwardedFor) } : null;
  return {
    tenantId: ctx.tenant.id,
    createdDateTime: graphTime(a.time, a.tick),
    transactionId: a.transactionId,
    connectionId: a.connectionId,
    sessionId: a.sessionId,
    trafficType: a.trafficType,
    deviceCategory: a.deviceCategory,
    destinationIp: a.destinationIp,
    destinationPort: a.destinationPort,
    destinationFQDN: a.destinationFqdn,
    destinationUrl: orNull(a.destinationUrl),
    sourceIp: a.sourceIp,
    sourcePort: a.sourcePort,
    deviceOperatingSystem: orNull(a.deviceOperatingSystem),
    deviceOperatingSystemVersion: orNull(a.deviceOperatingSystemVersion),
    agentVersion: orNull(a.agentVersion),
    deviceId: orNull(a.deviceId),
    userId: orNull(a.userId),
    userPrincipalName: orNull(a.userPrincipalName),
    transportProtocol: a.transportProtocol,
    networkProtocol: a.networkProtocol,
    action: a.action,
    operationStatus: 'success',
    policyId: orNull(a.policyId),
    policyName: orNull(a.policyName),
    policyRuleId: orNull(a.policyRuleId),
    policyRuleName: orNull(a.ruleName),
    filteringProfileId: orNull(a.filteringProfileId),
    filteringProfileName: orNull(a.filteringProfileName),
    sentBytes: a.sentBytes,
    receivedBytes: a.receivedBytes,
    headers,
    httpMethod: a.httpMethod ? a.httpMethod.toLowerCase() : null,
    responseCode: a.responseCode,
    initiatingProcessName: orNull(a.initiatingProcessName),
    destinationWebCategory: category ? { name: category.name, displayName: category.displayName, group: category.group } : null,
    threatType: orNull(a.threatType),
    vendorNames: a.vendorNames.length ? [...a.vendorNames] : [],
    popProcessingRegion: a.processingRegion,
    remoteNetworkId: orNull(a.remoteNetworkId),
    resourceTenantId: orNull(a.resourceTenantId),
    applicationSnapshot: a.appId ? { appId: a.appId } : null,
    privateAccessDetails:
      a.trafficType === 'private'
        ? {
            accessType: a.accessType || null,
            appSegmentId: a.appSegmentId,
            connectionStatus: a.connectionStatus || null,
            connectorId: a.connectorId,
            connectorIp: a.connectorIp,
            connectorName: a.connectorName,
            processingRegion: a.connectorRegion,
            thirdPartyTokenDetails: null,
          }
        : null,
    cloudApplicationMetadata: app
      ? {
          activity: 'none',
          categories: [...app.categories],
          cloudApplicationCatalogId: app.catalogId,
          complianceScore: app.complianceScore,
          generalScore: app.generalScore,
          legalScore: app.legalScore,
          loginUser: null,
          name: app.name,
          riskScore: app.riskScore,
          securityScore: app.securityScore,
          subactivity: null,
        }
      : null,
    description: orNull(a.description),
  };
}
