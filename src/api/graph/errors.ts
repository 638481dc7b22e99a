/**
 * Graph's error body and the headers every Graph response carries (notes §2.7, §12).
 * Codes and messages are the ones real responses show; where none was captured the
 * catalogue entry says [rec].
 */
import { randomUUID } from 'node:crypto';
import type { HttpRequest, HttpResponse } from '../../http/types.ts';

/** Content type Graph sends for JSON payloads. */
export const GRAPH_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/** An error Graph would answer with; thrown inside the handler, rendered by `errorResponse`. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra members of `innerError` (the 429 body carries code/status/message there). */
    readonly inner: Readonly<Record<string, string>> = {},
    readonly headers: Readonly<Record<string, string>> = {},
    /** Why, for people debugging a pipeline; sent as `x-entrasim-detail`, never in the body. */
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

/** The per-request ids Graph echoes in headers and in `innerError`. */
export interface RequestIds {
  readonly requestId: string;
  readonly clientRequestId: string;
}

export function requestIdsOf(request: HttpRequest): RequestIds {
  const requestId = randomUUID();
  return { requestId, clientRequestId: request.headers['client-request-id'] || requestId };
}

/** `innerError.date`: seconds precision, no zone designator (notes §12.1). */
export function innerErrorDate(now: number): string {
  return new Date(now).toISOString().slice(0, 19);
}

const DIAGNOSTIC = JSON.stringify({
  ServerInfo: { DataCenter: 'West US 2', Slice: 'E', Ring: '1', ScaleUnit: '000', RoleInstance: 'MW2PEPF00000E9A' },
});

export function graphHeaders(ids: RequestIds, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'cache-control': 'no-cache',
    'request-id': ids.requestId,
    'client-request-id': ids.clientRequestId,
    'x-ms-ags-diagnostic': DIAGNOSTIC,
    'strict-transport-security': 'max-age=31536000',
    ...extra,
  };
}

export function errorResponse(error: GraphError, ids: RequestIds, now: number): HttpResponse {
  const body = {
    error: {
      code: error.code,
      message: error.message,
      innerError: {
        ...error.inner,
        date: innerErrorDate(now),
        'request-id': ids.requestId,
        'client-request-id': ids.clientRequestId,
      },
    },
  };
  const headers = graphHeaders(ids, { 'content-type': 'application/json', ...error.headers });
  // Header values must be printable ASCII; details may echo client text.
  if (error.detail) headers['x-entrasim-detail'] = error.detail.replace(/[^\x20-\x7e]/g, '?').slice(0, 512);
  return { status: error.status, headers, body: JSON.stringify(body) };
}

/** The catalogue: one constructor per situation the mock answers with an error. */
export const GraphErrors = {
  emptyToken: () => new GraphError(401, 'InvalidAuthenticationToken', 'Access token is empty.', {}, wwwAuthenticate()),
  unparsableToken: () =>
    new GraphError(401, 'InvalidAuthenticationToken', 'CompactToken parsing failed with error code: 80049217', {}, wwwAuthenticate()),
  invalidToken: (detail: string) =>
    new GraphError(401, 'InvalidAuthenticationToken', 'Access token validation failure.', {}, wwwAuthenticate(), detail),
  // [rec] wording seen on real expired-token responses.
  expiredToken: () =>
    new GraphError(401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.', {}, wwwAuthenticate()),
  nonPremiumTenant: (detail: string) =>
    new GraphError(
      403,
      'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
      "Neither tenant is B2C or tenant doesn't have premium license",
      {},
      {},
      detail,
    ),
  auditLogPermissionMissing: (role: string) =>
    new GraphError(403, 'Authentication_MSGraphPermissionMissing', `Calling principal does not have required MSGraph permissions ${role}`),
  // [rec] message from msgraph-beta-sdk-dotnet#723 (riskDetections without its role).
  scopesMissing: (role: string) =>
    new GraphError(403, 'Forbidden', 'You cannot perform the requested operation, required scopes are missing in the token.', {}, {}, `needs ${role}`),
  // GH microsoft-graph-docs#4900: unknown / wrong-version segment.
  segmentNotFound: (segment: string) => new GraphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`),
  // Seen on graph.microsoft.com/api/... (coe-starter-kit#10458).
  invalidVersion: (version: string) => new GraphError(404, 'ResourceNotFound', `Invalid version: ${version}`),
  // GH microsoft-graph-docs#5676, #14173: the reporting APIs' answer to any filter they refuse.
  invalidFilter: (detail: string) => new GraphError(400, 'BadRequest', 'Invalid filter clause', {}, {}, detail),
  // [rec] the same wording for $orderby.
  invalidOrderBy: (detail: string) => new GraphError(400, 'BadRequest', 'Invalid orderby clause', {}, {}, detail),
  // msgraph-sdk-dotnet#348: Graph's answer to $skip where it is not supported.
  skipNotSupported: () => new GraphError(400, 'Request_BadRequest', "'$skip' is not supported by the service."),
  // [rec] directory-style page-size message.
  invalidTop: (value: string, max: number) =>
    new GraphError(400, 'BadRequest', `Invalid page size specified: '${value}'. Must be between 1 and ${max} inclusive.`),
  // [rec]
  unsupportedQuery: (message: string) => new GraphError(400, 'Request_UnsupportedQuery', message),
  // OData (ASP.NET) wording.
  duplicateOption: (name: string) =>
    new GraphError(400, 'BadRequest', `Query option '${name}' was specified more than once, it must be specified at most once.`),
  unknownProperty: (name: string, type: string) =>
    new GraphError(400, 'BadRequest', `Could not find a property named '${name}' on type '${type}'.`),
  // [rec]
  invalidSkipToken: (detail: string) => new GraphError(400, 'BadRequest', 'Invalid skip token.', {}, {}, detail),
  // [rec] Graph item not found (entity-style); Request_ResourceNotFound is what directory items answer.
  itemNotFound: (id: string) =>
    new GraphError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`),
  // [rec] notes §12.3: writes to logs are undocumented; 405 with the Web API wording.
  methodNotAllowed: (method: string) =>
    new GraphError(405, 'Request_BadRequest', `The requested resource does not support http method '${method}'.`),
  // [rec]
  invalidRequestBody: (message: string) => new GraphError(400, 'BadRequest', message),
  // example-error-429-throttled.json
  throttled: (retryAfter: string | undefined) =>
    new GraphError(
      429,
      'TooManyRequests',
      'Please retry again later.',
      { code: '429', message: 'Please retry after', status: '429' },
      retryAfter === undefined ? {} : { 'retry-after': retryAfter },
    ),
  // [rec] Graph's documented 5xx codes (L graph/errors).
  serverError: (status: number) => {
    switch (status) {
      case 502:
        return new GraphError(502, 'BadGateway', 'The server, while acting as a gateway or proxy, received an invalid response from the upstream server.');
      case 503:
        return new GraphError(
          503,
          'serviceNotAvailable',
          'The service is temporarily unavailable for maintenance or is overloaded. You may repeat the request after a delay, which may be specified in a Retry-After header.',
        );
      case 504:
        return new GraphError(504, 'GatewayTimeout', 'The server, while acting as a proxy, did not receive a timely response from the upstream server it needed to access in attempting to complete the request.');
      default:
        return new GraphError(500, 'UnknownError', '');
    }
  },
} as const;

function wwwAuthenticate(): Record<string, string> {
  return {
    'www-authenticate':
      'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
  };
}
