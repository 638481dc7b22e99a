/**
 * remote-network-unhealthy: a branch office's Global Secure Access tunnel goes bad.
 *
 * The branch's customer-premises equipment keeps losing its IPsec tunnel to the GSA
 * gateway: a BGP session reset first, then the tunnel flaps (tunnelDisconnected with the
 * BGP session dropping with it, tunnelConnected 30 s – 3 min later, bgpConnected seconds
 * after), then it stays down long enough to miss heartbeats before it recovers. The
 * periodic `remoteNetworkAlive` statistic, "generated every 15 minutes for all the active
 * tunnels" (Microsoft's remote network health logs documentation), runs before and after
 * and stops while the tunnel is down. Descriptions are those of the documented example.
 */
import type { ActivityBase } from '../../core/activity.ts';
import { MINUTE } from '../../core/time.ts';
import { gsaConfig, type RemoteNetwork } from '../../categories/gsa-shared/config.ts';
import { buildRemoteNetworkHealth, type RemoteNetworkHealthActivity, type RemoteNetworkStatus } from '../../categories/remote-network-health/index.ts';
import type { Story, StoryContext } from '../types.ts';
import { buildContext, byTime, storyStart } from './common.ts';

export interface RemoteNetworkUnhealthyParams {
  /** Index of the branch (the tenant's named locations, in order); default random. */
  readonly remoteNetwork?: number;
  /** Short tunnel drops before the outage. */
  readonly flaps: number;
  /** How long the tunnel then stays down (minutes; 0: no outage). */
  readonly outageMinutes: number;
}

const HEARTBEAT = 15 * MINUTE;

function branch(ctx: StoryContext, index: number | undefined): RemoteNetwork {
  const all = gsaConfig(ctx.tenant).remoteNetworks;
  if (all.length === 0) throw new RangeError('the tenant has no remote networks (named locations)');
  if (index === undefined) return ctx.rng.pick(all);
  if (!Number.isInteger(index) || index < 0 || index >= all.length) throw new RangeError(`remote network index ${index} is outside 0..${all.length - 1}`);
  return all[index]!;
}

function run(ctx: StoryContext, p: RemoteNetworkUnhealthyParams): ActivityBase[] {
  const { rng } = ctx;
  const b = buildContext(ctx);
  const at = storyStart(ctx);
  const rn = branch(ctx, p.remoteNetwork);
  const out: RemoteNetworkHealthActivity[] = [];
  const event = (time: number, status: RemoteNetworkStatus): void => {
    const e = buildRemoteNetworkHealth(b, time, { remoteNetwork: rn, status });
    if (e) out.push(e);
  };
  /** Periods the tunnel is down: no heartbeat inside them. */
  const down: Array<readonly [number, number]> = [];

  // A BGP session reset while the tunnel stays up.
  let t = at;
  event(t, 'bgpDisconnected');
  event(t + rng.range(20_000, 90_000), 'bgpConnected');
  t += rng.range(4 * MINUTE, 9 * MINUTE);

  // Flaps: the tunnel drops (BGP with it) and comes back.
  for (let i = 0; i < p.flaps; i++) {
    const up = t + rng.range(30_000, 180_000);
    event(t, 'tunnelDisconnected');
    event(t + rng.range(5, 400), 'bgpDisconnected');
    event(up, 'tunnelConnected');
    event(up + rng.range(800, 3_500), 'bgpConnected');
    down.push([t, up]);
    t = up + rng.range(4 * MINUTE, 10 * MINUTE);
  }

  // The outage, then recovery.
  if (p.outageMinutes > 0) {
    const up = t + p.outageMinutes * MINUTE + rng.range(0, 60_000);
    event(t, 'tunnelDisconnected');
    event(t + rng.range(5, 400), 'bgpDisconnected');
    event(up, 'tunnelConnected');
    event(up + rng.range(800, 3_500), 'bgpConnected');
    down.push([t, up]);
    t = up;
  }

  // Heartbeats on the quarter hours of the tunnel's own clock, an hour either side.
  const phase = rng.int(HEARTBEAT);
  const from = at - 60 * MINUTE;
  for (let h = from - (from % HEARTBEAT) + phase; h < t + 60 * MINUTE; h += HEARTBEAT) {
    if (down.some(([a, z]) => h >= a && h < z)) continue;
    event(h, 'remoteNetworkAlive');
  }
  return byTime(out);
}

export const remoteNetworkUnhealthy: Story<RemoteNetworkUnhealthyParams> = {
  id: 'remote-network-unhealthy',
  title: 'Remote network (branch) tunnel flapping, outage and recovery',
  description:
    "A branch office's IPsec tunnel to Global Secure Access resets BGP, flaps several times, stays down long enough to miss its 15-minute heartbeats, then recovers (RemoteNetworkHealthLogs).",
  categories: ['RemoteNetworkHealthLogs'],
  detections: ['Remote network tunnel flapping (entrasim, from Microsoft docs)', 'Remote network tunnel down (entrasim, from Microsoft docs)'],
  params: {
    properties: {
      remoteNetwork: { type: 'integer', minimum: 0, description: "Index of the branch's remote network (one per named location); default random." },
      flaps: { type: 'integer', minimum: 0, maximum: 50, description: 'Short tunnel drops before the outage.' },
      outageMinutes: { type: 'integer', minimum: 0, maximum: 1440, description: 'How long the tunnel then stays down (0: none).' },
    },
  },
  defaults: { flaps: 4, outageMinutes: 35 },
  run,
};
