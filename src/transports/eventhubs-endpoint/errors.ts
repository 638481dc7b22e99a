/**
 * AMQP error conditions and texts, chosen so @azure/event-hubs (via @azure/core-amqp's translate)
 * raises the same error types it raises against the real service.
 */
import type { AmqpError } from './amqp.ts';

export const Condition = {
  notFound: 'amqp:not-found', // + "could not be found" text → MessagingEntityNotFoundError
  unauthorized: 'amqp:unauthorized-access', // → UnauthorizedError
  messageSizeExceeded: 'amqp:link:message-size-exceeded', // → MessageTooLargeError
  linkStolen: 'amqp:link:stolen', // → ReceiverDisconnectedError
  argumentOutOfRange: 'com.microsoft:argument-out-of-range', // → ArgumentOutOfRangeError
  argumentError: 'com.microsoft:argument-error', // → ArgumentError
  resourceLimitExceeded: 'amqp:resource-limit-exceeded', // → QuotaExceededError
  notImplemented: 'amqp:not-implemented',
  notAllowed: 'amqp:not-allowed',
  decodeError: 'amqp:decode-error',
  internalError: 'amqp:internal-error',
  connectionForced: 'amqp:connection:forced',
} as const;

export function amqpError(condition: string, description: string): AmqpError {
  return { condition, description };
}


/** An error thrown inside a handler that should become an AMQP error instead of a crash. */
export class EndpointError extends Error {
  readonly condition: string;
  /** Management and CBS replies carry an HTTP-like status code. */
  readonly statusCode: number;
  constructor(condition: string, description: string, statusCode = 500) {
    super(description);
    this.name = 'EndpointError';
    this.condition = condition;
    this.statusCode = statusCode;
  }
  toAmqp(): AmqpError {
    return amqpError(this.condition, this.message);
  }
}

/** The service's wording; core-amqp keys MessagingEntityNotFoundError off "… could not be found". */
export function entityNotFound(namespace: string, entityPath: string): EndpointError {
  return new EndpointError(
    Condition.notFound,
    `The messaging entity 'sb://${namespace}/${entityPath}' could not be found. (entrasim Event Hubs endpoint)`,
    404,
  );
}

export function toAmqpError(err: unknown): AmqpError {
  if (err instanceof EndpointError) return err.toAmqp();
  const text = err instanceof Error ? err.message : String(err);
  return amqpError(Condition.internalError, `Internal error in the entrasim Event Hubs endpoint: ${text}`);
}

export function statusCodeOf(err: unknown): number {
  return err instanceof EndpointError ? err.statusCode : 500;
}
