/**
 * Token-endpoint errors as Entra ID writes them (example-oauth2-v2.0-token-error-
 * invalid-scope.json): `error`, an `error_description` of "AADSTSnnnn: text" followed by
 * trace id, correlation id and timestamp lines, `error_codes`, `timestamp`, `trace_id`,
 * `correlation_id`, `error_uri`. AADSTS texts are the service's; [rec] marks ones we
 * could not check against a captured response.
 */
import { randomUUID } from 'node:crypto';
import type { HttpResponse } from '../../http/types.ts';

export class AadError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'AadError';
  }
}

/** `2016-01-09 02:02:12Z`: the timestamp format of AAD error bodies. */
export function aadTimestamp(now: number): string {
  return new Date(now).toISOString().slice(0, 19).replace('T', ' ') + 'Z';
}

export function aadErrorResponse(
  e: AadError,
  context: { readonly now: number; readonly correlationId?: string; readonly origin: string },
): HttpResponse {
  const traceId = randomUUID();
  const correlationId = context.correlationId || randomUUID();
  const timestamp = aadTimestamp(context.now);
  const body = {
    error: e.error,
    error_description: `AADSTS${e.code}: ${e.message}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
    error_codes: [e.code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `${context.origin}/error?code=${e.code}`,
  };
  return {
    status: e.status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store, no-cache',
      pragma: 'no-cache',
      'x-ms-request-id': traceId,
      'client-request-id': correlationId,
    },
    body: JSON.stringify(body),
  };
}

export const AadErrors = {
  tenantNotFound: (tenant: string) =>
    new AadError(
      400,
      'invalid_tenant',
      90002,
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
    ),
  missingParameter: (name: string) =>
    new AadError(400, 'invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`),
  postOnly: (method: string) =>
    new AadError(400, 'invalid_request', 900561, `The endpoint only accepts POST, OPTIONS requests. Received a ${method} request.`),
  unsupportedGrantType: (grant: string) =>
    new AadError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grant}'.`),
  unknownClient: (clientId: string, tenant: string) =>
    new AadError(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    ),
  missingCredential: () =>
    new AadError(401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."),
  invalidSecret: (clientId: string) =>
    new AadError(
      401,
      'invalid_client',
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
    ),
  // [rec] certificate credentials are not modelled: any assertion fails signature checks.
  invalidAssertion: () => new AadError(401, 'invalid_client', 700027, 'Client assertion failed signature validation.'),
  invalidScope: (scope: string) =>
    new AadError(400, 'invalid_scope', 70011, `The provided value for the input parameter 'scope' is not valid. The scope ${scope} is not valid.`),
  // [rec]
  scopeNotDefault: (scope: string) =>
    new AadError(
      400,
      'invalid_scope',
      1002012,
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    ),
  unknownResource: (resource: string, tenant: string) =>
    new AadError(
      400,
      'invalid_resource',
      500011,
      `The resource principal named ${resource} was not found in the tenant named ${tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
    ),
} as const;
