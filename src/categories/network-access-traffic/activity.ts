/**
 * One Global Secure Access transaction (NetworkAccessTrafficLogs): a client (or a branch
 * office's remote network) reaching a destination through Microsoft's Security Service
 * Edge under the Microsoft 365, Internet Access or Private Access traffic profile.
 * Fields are those of Graph beta `networkaccess.networkAccessTraffic` and the
 * NetworkAccessTraffic table; enum-like values are held as Graph member names.
 */
import type { ActivityBase } from '../../core/activity.ts';
import type { CloudAppRow, WebCategoryRow } from '../../data/web-destinations.ts';

export type TrafficType = 'internet' | 'private' | 'microsoft365';
export type TrafficAction = 'allow' | 'block';
export type TransportProtocol = 'tcp' | 'udp';

export interface NetworkAccessTrafficActivity extends ActivityBase {
  readonly category: 'NetworkAccessTrafficLogs';
  /** Equals `id`: one request/response round trip. */
  readonly transactionId: string;
  readonly connectionId: string;
  /** '' outside Private Access. */
  readonly sessionId: string;
  readonly trafficType: TrafficType;
  readonly deviceCategory: 'client' | 'branch';
  readonly action: TrafficAction;
  readonly userId: string;
  readonly userPrincipalName: string;
  readonly deviceId: string;
  readonly deviceOperatingSystem: string;
  readonly deviceOperatingSystemVersion: string;
  readonly agentVersion: string;
  readonly sourceIp: string;
  readonly sourcePort: number | null;
  readonly destinationIp: string;
  readonly destinationFqdn: string;
  readonly destinationPort: number;
  /** '' unless the URL was visible (plain HTTP or TLS inspection). */
  readonly destinationUrl: string;
  readonly transportProtocol: TransportProtocol;
  readonly networkProtocol: 'ipv4' | 'ipv6';
  readonly webCategories: ReadonlyArray<WebCategoryRow>;
  readonly filteringProfileId: string;
  readonly filteringProfileName: string;
  readonly policyId: string;
  readonly policyName: string;
  readonly policyRuleId: string;
  readonly ruleName: string;
  readonly threatType: string;
  readonly vendorNames: ReadonlyArray<string>;
  readonly sentBytes: number;
  readonly receivedBytes: number;
  readonly initiatingProcessName: string;
  /** HTTP details, visible only with TLS inspection / plain HTTP: '' / null otherwise. */
  readonly httpMethod: string;
  readonly responseCode: number | null;
  readonly referrer: string;
  readonly origin: string;
  readonly xForwardedFor: string;
  /** GSA edge that processed the transaction (programmatic region name). */
  readonly processingRegion: string;
  readonly remoteNetworkId: string;
  readonly resourceTenantId: string;
  /** Private Access: the enterprise app and its segment; '' otherwise. */
  readonly appId: string;
  readonly appSegmentId: string;
  readonly accessType: '' | 'quickAccess' | 'privateAccess';
  readonly connectionStatus: '' | 'open' | 'active' | 'closed';
  readonly connectorId: string;
  readonly connectorName: string;
  readonly connectorIp: string;
  readonly connectorRegion: string;
  /** `uti` of the token carried by Microsoft 365 traffic (joins sign-ins and M365 audit). */
  readonly uniqueTokenId: string;
  readonly cloudApp: CloudAppRow | null;
  readonly description: string;
}
