/**
 * Builds remote network health events. Branch offices are the tenant's named locations,
 * each with one remote network (gsa-shared/config.ts). Mostly periodic "alive" reports;
 * now and then the tunnel drops and comes back, which Entra logs as a sequence
 * (tunnelDisconnected → tunnelConnected → bgpConnected), or BGP alone flaps.
 * Descriptions are those of Microsoft's documented example events.
 */
import type { BuildContext } from '../../core/activity.ts';
import type { Rng } from '../../core/random.ts';
import { gsaConfig, type RemoteNetwork } from '../gsa-shared/config.ts';
import type { RemoteNetworkHealthActivity, RemoteNetworkStatus } from './activity.ts';

export interface RemoteNetworkHealthSpec {
  readonly remoteNetwork?: RemoteNetwork;
  readonly status?: RemoteNetworkStatus;
  readonly description?: string;
  readonly sourceIp?: string;
  readonly destinationIp?: string;
  readonly bgpRoutesAdvertisedCount?: number;
  readonly sentBytes?: number;
  readonly receivedBytes?: number;
}

/** Descriptions as the documented example writes them (note the trailing blank). */
export const DISCONNECT_REASON = 'DisconnectReason: Main mode SA assumed to be invalid because peer stopped responding. ';
export const CONNECT_REASON = 'ConnectReason: RemotelyTriggered';

function descriptionOf(status: RemoteNetworkStatus): string {
  if (status === 'tunnelDisconnected') return DISCONNECT_REASON;
  if (status === 'tunnelConnected') return CONNECT_REASON;
  return '';
}

function pickNetwork(rng: Rng, networks: ReadonlyArray<RemoteNetwork>): RemoteNetwork {
  return rng.pick(networks);
}

/** One event. Undefined when the tenant has no remote network. */
export function buildRemoteNetworkHealth(ctx: BuildContext, time: number, spec: RemoteNetworkHealthSpec = {}): RemoteNetworkHealthActivity | undefined {
  const { rng, tenant } = ctx;
  const cfg = gsaConfig(tenant);
  const rn = spec.remoteNetwork ?? (cfg.remoteNetworks.length > 0 ? pickNetwork(rng, cfg.remoteNetworks) : undefined);
  if (!rn) return undefined;
  const status = spec.status ?? 'remoteNetworkAlive';
  const alive = status === 'remoteNetworkAlive';
  const tick = rng.int(10000);
  return {
    category: 'RemoteNetworkHealthLogs',
    id: rng.uuid(),
    time,
    tick,
    // Stamped with the event time [unverified: no public sample].
    envelopeTime: time,
    envelopeTick: tick,
    remoteNetworkId: rn.id,
    status,
    description: spec.description ?? descriptionOf(status),
    sourceIp: spec.sourceIp ?? rn.publicIp,
    destinationIp: spec.destinationIp ?? rn.gatewayIp,
    // Routes are reported by the alive heartbeat; state-change events carry 0 (documented example).
    bgpRoutesAdvertisedCount: spec.bgpRoutesAdvertisedCount ?? (alive ? rn.routesAdvertised : 0),
    sentBytes: spec.sentBytes ?? (alive ? 2000 + rng.int(4000) : null),
    receivedBytes: spec.receivedBytes ?? (alive ? 1500 + rng.int(3500) : null),
  };
}

/** A tunnel outage: disconnect, reconnect 20 s–4 min later, BGP up a second or two after. */
export function buildTunnelFlap(ctx: BuildContext, time: number, remoteNetwork?: RemoteNetwork): RemoteNetworkHealthActivity[] {
  const { rng } = ctx;
  const down = buildRemoteNetworkHealth(ctx, time, { remoteNetwork, status: 'tunnelDisconnected' });
  if (!down) return [];
  const rn = gsaConfig(ctx.tenant).remoteNetworks.find((r) => r.id === down.remoteNetworkId)!;
  const upAt = time + 20_000 + rng.int(220_000);
  const up = buildRemoteNetworkHealth(ctx, upAt, { remoteNetwork: rn, status: 'tunnelConnected' })!;
  const bgp = buildRemoteNetworkHealth(ctx, upAt + 800 + rng.int(2500), { remoteNetwork: rn, status: 'bgpConnected' })!;
  return [down, up, bgp];
}

export function baselineRemoteNetworkHealth(ctx: BuildContext, time: number): RemoteNetworkHealthActivity[] {
  const { rng, tenant } = ctx;
  if (!tenant.globalSecureAccess) return [];
  const r = rng.next();
  if (r < 0.04) return buildTunnelFlap(ctx, time);
  if (r < 0.07) {
    // BGP session reset while the tunnel stays up.
    const down = buildRemoteNetworkHealth(ctx, time, { status: 'bgpDisconnected' });
    if (!down) return [];
    const rn = gsaConfig(tenant).remoteNetworks.find((n) => n.id === down.remoteNetworkId)!;
    return [down, buildRemoteNetworkHealth(ctx, time + 5_000 + rng.int(90_000), { remoteNetwork: rn, status: 'bgpConnected' })!];
  }
  const e = buildRemoteNetworkHealth(ctx, time);
  return e ? [e] : [];
}
