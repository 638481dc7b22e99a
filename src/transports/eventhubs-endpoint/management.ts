/**
 * `$management` READ requests: hub runtime information and partition runtime information, with
 * the body fields and AMQP types the SDKs parse (see the protocol note, item 4).
 */
import { wrap, type AmqpMessage, type Typed } from './amqp.ts';
import type { ConnectionAuth } from './cbs.ts';
import { EndpointError, Condition, statusCodeOf } from './errors.ts';
import type { HubRegistry } from './hub-registry.ts';
import { verifySasToken, type SasPolicy } from './sas.ts';

export interface ManagementContext {
  policy: SasPolicy;
  hubs: HubRegistry;
}

export function handleManagementRequest(request: AmqpMessage, auth: ConnectionAuth, ctx: ManagementContext): AmqpMessage {
  try {
    return reply(request, 200, 'OK', read(request, auth, ctx));
  } catch (err) {
    const condition = err instanceof EndpointError ? err.condition : Condition.internalError;
    const description = err instanceof Error ? err.message : String(err);
    return reply(request, statusCodeOf(err), description, undefined, condition);
  }
}

function read(request: AmqpMessage, auth: ConnectionAuth, ctx: ManagementContext): Record<string, Typed> {
  const props = request.application_properties ?? {};
  if (props.operation !== 'READ') {
    throw new EndpointError(Condition.notImplemented, `Unsupported $management operation '${String(props.operation)}'.`, 501);
  }
  const hubName = props.name;
  if (typeof hubName !== 'string' || hubName === '') {
    throw new EndpointError(Condition.argumentError, "The request has no 'name' (event hub).", 400);
  }
  authorize(hubName, props.security_token, auth, ctx);
  const hub = ctx.hubs.resolve(hubName);

  if (props.type === 'com.microsoft:eventhub') {
    return {
      name: wrap.string(hub.name),
      type: wrap.string('com.microsoft:eventhub'),
      created_at: wrap.timestamp(hub.createdAt.getTime()),
      partition_count: wrap.int(hub.partitions.length),
      // A typed string array: the JS SDK takes any list, .NET and Java want string[].
      partition_ids: wrap.stringArray(hub.partitionIds),
    };
  }
  if (props.type === 'com.microsoft:partition') {
    const id = String(props.partition ?? '');
    const partition = hub.partition(id);
    if (!partition) {
      throw new EndpointError(
        Condition.argumentOutOfRange,
        `The specified partition is invalid for an EventHub partition sender or receiver. It should be between 0 and ${hub.partitions.length - 1}.`,
        400,
      );
    }
    const info = partition.runtimeInfo();
    return {
      name: wrap.string(hub.name),
      type: wrap.string('com.microsoft:partition'),
      partition: wrap.string(partition.id),
      begin_sequence_number: wrap.long(info.beginSequenceNumber),
      last_enqueued_sequence_number: wrap.long(info.lastEnqueuedSequenceNumber),
      last_enqueued_offset: wrap.string(info.lastEnqueuedOffset),
      last_enqueued_time_utc: wrap.timestamp(info.lastEnqueuedTimeUtcMs),
      is_partition_empty: wrap.boolean(info.isEmpty),
    };
  }
  throw new EndpointError(Condition.notImplemented, `Unsupported $management entity type '${String(props.type)}'.`, 501);
}

/**
 * A request is authorized by a put-token on this connection for `<hub>/$management` (what the
 * SDK does before opening the links) or by a valid `security_token` for the hub in the request.
 */
function authorize(hubName: string, securityToken: unknown, auth: ConnectionAuth, ctx: ManagementContext): void {
  if (auth.isAuthorized(`${hubName}/$management`)) return;
  if (typeof securityToken === 'string') {
    const verdict = verifySasToken(securityToken, ctx.policy, `sb://${ctx.hubs.namespace}/${hubName}`);
    if (verdict.ok) return;
    throw new EndpointError(Condition.unauthorized, verdict.description, 401);
  }
  throw new EndpointError(
    Condition.unauthorized,
    `Unauthorized access. A put-token for '${hubName}/$management' or a security_token is required.`,
    401,
  );
}

function reply(
  request: AmqpMessage,
  statusCode: number,
  description: string,
  body?: Record<string, Typed>,
  condition?: string,
): AmqpMessage {
  const props: Record<string, unknown> = {
    'status-code': wrap.int(statusCode),
    'status-description': description,
  };
  if (condition) props['error-condition'] = wrap.symbol(condition);
  return {
    correlation_id: request.message_id,
    to: request.reply_to,
    application_properties: props,
    ...(body ? { body } : {}),
  };
}
