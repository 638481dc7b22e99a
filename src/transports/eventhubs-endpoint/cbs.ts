/**
 * Claims-based security: the `$cbs` put-token exchange and what each connection has been granted.
 * A link to an entity is only accepted when a put-token on the same connection covered it.
 */
import { wrap, type AmqpMessage } from './amqp.ts';
import { normalizeAudience, parseLinkAddress, stripHost } from './entity-path.ts';
import { EndpointError, entityNotFound, statusCodeOf } from './errors.ts';
import type { HubRegistry } from './hub-registry.ts';
import { covers, verifySasToken, type SasPolicy } from './sas.ts';

interface Grant {
  /** Normalized entity path; '' is the whole namespace. */
  path: string;
  expiresAtMs: number;
}

/** Per-connection authorization state. */
export class ConnectionAuth {
  private grants: Grant[] = [];

  grant(path: string, expiresAtMs: number): void {
    // Renewals (every ~45 min from the SDK) replace the previous grant for the same path.
    this.grants = this.grants.filter((g) => g.path !== path);
    this.grants.push({ path, expiresAtMs });
  }

  /** SASL PLAIN with the policy's key name and key authorizes the whole namespace. */
  grantNamespace(): void {
    this.grant('', Number.POSITIVE_INFINITY);
  }

  isAuthorized(entityPath: string, nowMs = Date.now()): boolean {
    const wanted = entityPath.toLowerCase();
    return this.grants.some((g) => g.expiresAtMs > nowMs && covers(g.path, wanted));
  }
}

export interface CbsContext {
  policy: SasPolicy;
  hubs: HubRegistry;
}

/** Handles one `$cbs` request and returns the reply (correlated to the request's message id). */
export function handleCbsRequest(request: AmqpMessage, auth: ConnectionAuth, ctx: CbsContext): AmqpMessage {
  try {
    putToken(request, auth, ctx);
    return cbsReply(request, 202, 'Accepted');
  } catch (err) {
    const description = err instanceof Error ? err.message : String(err);
    return cbsReply(request, statusCodeOf(err), description);
  }
}

function putToken(request: AmqpMessage, auth: ConnectionAuth, ctx: CbsContext): void {
  const props = request.application_properties ?? {};
  const operation = props.operation;
  if (operation !== 'put-token') {
    throw new EndpointError('amqp:not-implemented', `Unsupported $cbs operation '${String(operation)}'.`, 501);
  }
  const type = String(props.type ?? '');
  const audience = props.name;
  const token = request.body;
  if (typeof audience !== 'string' || audience === '') {
    throw new EndpointError('com.microsoft:argument-error', "The put-token request has no 'name' (audience).", 400);
  }
  if (typeof token !== 'string') {
    throw new EndpointError('com.microsoft:argument-error', 'The put-token request body must be the token string.', 400);
  }
  if (type !== 'servicebus.windows.net:sastoken') {
    throw new EndpointError(
      'amqp:unauthorized-access',
      `InvalidToken: token type '${type}' is not accepted; this endpoint validates SAS tokens only (use a connection string).`,
      401,
    );
  }
  const verdict = verifySasToken(token, ctx.policy, audience);
  if (!verdict.ok) throw new EndpointError('amqp:unauthorized-access', verdict.description, 401);

  // Only now, with a valid signature, may the audience create a hub on first reference.
  const path = normalizeAudience(audience);
  const hubName = stripHost(audience).split('/')[0];
  if (hubName !== '' && !hubName.startsWith('$')) {
    ctx.hubs.resolve(hubName);
    checkAudienceEntity(audience, ctx);
  }
  auth.grant(path, verdict.token.expiresAtSeconds * 1000);
}

/** Consumer groups and partitions named in an audience must exist (the hub was resolved already). */
function checkAudienceEntity(audience: string, ctx: CbsContext): void {
  const address = parseLinkAddress(audience);
  if (address.kind !== 'consumer') return;
  const hub = ctx.hubs.get(address.hub);
  if (hub && !hub.consumerGroup(address.consumerGroup)) {
    throw entityNotFound(ctx.hubs.namespace, `${address.hub}/consumergroups/${address.consumerGroup}`);
  }
}

function cbsReply(request: AmqpMessage, statusCode: number, description: string): AmqpMessage {
  return {
    correlation_id: request.message_id,
    to: request.reply_to,
    application_properties: {
      'status-code': wrap.int(statusCode),
      'status-description': description,
    },
  };
}
