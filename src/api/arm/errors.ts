/**
 * ARM error responses. Every failure from management.azure.com has the body
 * `{"error":{"code","message"}}` (spec: ErrorResponse), plus the request-id headers ARM
 * always sets, so clients that log `x-ms-request-id` or parse `error.code` behave as with Azure.
 */
import { randomUUID } from 'node:crypto';
import type { HttpRequest, HttpResponse } from '../../http/types.ts';

export interface ArmErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly details?: ReadonlyArray<{ readonly code: string; readonly message: string }>;
  };
}

/** Headers ARM puts on every response: request ids (the client's correlation id echoed) and no caching. */
export function armHeaders(request: HttpRequest | undefined): Record<string, string> {
  const requestId = randomUUID();
  return {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-cache',
    pragma: 'no-cache',
    expires: '-1',
    'x-ms-request-id': requestId,
    'x-ms-correlation-request-id': request?.headers['x-ms-correlation-request-id'] ?? requestId,
  };
}

export function armJson(request: HttpRequest | undefined, status: number, body: unknown): HttpResponse {
  return { status, headers: armHeaders(request), body: JSON.stringify(body) };
}

export function armError(request: HttpRequest | undefined, status: number, code: string, message: string): HttpResponse {
  const body: ArmErrorBody = { error: { code, message } };
  return armJson(request, status, body);
}

/** A validation failure raised while reading a request; the handler turns it into an ARM error. */
export class ArmRequestError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ArmRequestError';
    this.status = status;
    this.code = code;
  }
}

export const badRequest = (message: string): ArmRequestError => new ArmRequestError(400, 'BadRequest', message);

/** ARM's deserialisation failure (malformed JSON, wrong JSON types). */
export const invalidContent = (detail: string): ArmRequestError =>
  new ArmRequestError(400, 'InvalidRequestContent', `The request content was invalid and could not be deserialized: '${detail}'.`);
