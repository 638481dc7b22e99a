/**
 * Transport-agnostic HTTP: every API entrasim serves (Graph, ARM, the token service)
 * is a function from request to response, the way msw keeps handlers independent of
 * where they run. Adapters (fastify, msw) translate to and from their own types.
 */
export interface HttpRequest {
  readonly method: string;
  /** Absolute URL as the client sent it (scheme and host included). */
  readonly url: URL;
  /** Header names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  /** Raw body text ('' when none). */
  readonly body: string;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** Body text; absent for 204 and similar. */
  readonly body?: string;
}

/** A handler answers the requests it owns and returns undefined for the rest. */
export type HttpHandler = (request: HttpRequest) => Promise<HttpResponse | undefined> | HttpResponse | undefined;

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  };
}
