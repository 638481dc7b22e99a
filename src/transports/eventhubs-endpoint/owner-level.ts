/**
 * Receiver arbitration per (hub, consumer group, partition), as the service does it:
 * - an owner level (`com.microsoft:epoch`) at least as high as any present takes over: everyone
 *   else on the partition is detached with `amqp:link:stolen` (→ ReceiverDisconnectedError);
 * - a lower owner level, or none while an owner exists, is refused the same way;
 * - without owners, at most 5 receivers share a partition per consumer group (service quota).
 */
import { amqpError, Condition } from './errors.ts';
import type { AmqpError } from './amqp.ts';

export const MAX_NON_EPOCH_RECEIVERS = 5;

export interface ArbitratedReceiver {
  readonly name: string;
  readonly ownerLevel: number | undefined;
  /** Detach with an error; must also release the receiver from the arbiter. */
  disconnect(error: AmqpError): void;
}

export class OwnerLevelArbiter {
  private readonly receivers = new Map<string, Set<ArbitratedReceiver>>();

  /** Admits `candidate` (disconnecting whom it displaces) or returns why it is refused. */
  admit(key: string, candidate: ArbitratedReceiver): AmqpError | undefined {
    const present = [...(this.receivers.get(key) ?? [])];
    const owners = present.filter((r) => r.ownerLevel !== undefined);
    const highest = owners.reduce((max, r) => Math.max(max, r.ownerLevel ?? -Infinity), -Infinity);

    if (candidate.ownerLevel === undefined) {
      if (owners.length > 0) {
        return amqpError(
          Condition.linkStolen,
          `Receiver '${candidate.name}' without an owner level cannot be created while a receiver with owner level (epoch) '${highest}' exists on this partition.`,
        );
      }
      if (present.length >= MAX_NON_EPOCH_RECEIVERS) {
        return amqpError(
          Condition.resourceLimitExceeded,
          `Exceeded the maximum number of allowed receivers per partition in a consumer group which is ${MAX_NON_EPOCH_RECEIVERS}.`,
        );
      }
    } else {
      if (candidate.ownerLevel < highest) {
        return amqpError(
          Condition.linkStolen,
          `Receiver '${candidate.name}' with owner level (epoch) '${candidate.ownerLevel}' cannot be created: a receiver with a higher epoch of '${highest}' already exists.`,
        );
      }
      for (const displaced of present) {
        displaced.disconnect(
          amqpError(
            Condition.linkStolen,
            `New receiver '${candidate.name}' with higher epoch of '${candidate.ownerLevel}' is created hence current receiver '${displaced.name}' with epoch '${displaced.ownerLevel ?? 'none'}' is getting disconnected.`,
          ),
        );
        this.release(key, displaced);
      }
    }
    let set = this.receivers.get(key);
    if (!set) this.receivers.set(key, (set = new Set()));
    set.add(candidate);
    return undefined;
  }

  release(key: string, receiver: ArbitratedReceiver): void {
    const set = this.receivers.get(key);
    if (!set) return;
    set.delete(receiver);
    if (set.size === 0) this.receivers.delete(key);
  }
}
