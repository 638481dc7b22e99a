/**
 * One remote network health event (RemoteNetworkHealthLogs): the IPsec tunnel and BGP
 * session between a branch office's customer-premises equipment and Microsoft's Global
 * Secure Access gateway. Fields of Graph beta `networkaccess.remoteNetworkHealthEvent`
 * (graph-api.md §10) and the RemoteNetworkHealthLogs table.
 */
import type { ActivityBase } from '../../core/activity.ts';

/** Graph `networkaccess.remoteNetworkStatus` members (before unknownFutureValue). */
export type RemoteNetworkStatus = 'tunnelDisconnected' | 'tunnelConnected' | 'bgpDisconnected' | 'bgpConnected' | 'remoteNetworkAlive';

export interface RemoteNetworkHealthActivity extends ActivityBase {
  readonly category: 'RemoteNetworkHealthLogs';
  readonly remoteNetworkId: string;
  readonly status: RemoteNetworkStatus;
  readonly description: string;
  /** The branch's public IP (tunnel's local end). */
  readonly sourceIp: string;
  /** The Microsoft gateway the tunnel terminates on. */
  readonly destinationIp: string;
  readonly bgpRoutesAdvertisedCount: number;
  /** Counters of the interval, on `remoteNetworkAlive` events only (null otherwise). */
  readonly sentBytes: number | null;
  readonly receivedBytes: number | null;
}
