/**
 * Exposes an `HttpHandler` as msw 2 request handlers, so the same mock APIs run
 * in-process inside users' test suites (`setupServer` from `msw/node`): requests to
 * the given origins reach the handler; what it does not answer falls through to msw's
 * `onUnhandledRequest`.
 */
import { http, HttpResponse as MswResponse, type HttpHandler as MswHandler } from 'msw';
import type { HttpHandler, HttpRequest } from './types.ts';

export const GRAPH_ORIGIN = 'https://graph.microsoft.com';
export const LOGIN_ORIGIN = 'https://login.microsoftonline.com';

/** One msw handler per origin, all calling `handler`. */
export function mswHandlersFor(handler: HttpHandler, origins: ReadonlyArray<string>): MswHandler[] {
  return origins.map((origin) =>
    http.all(`${origin.replace(/\/+$/, '')}/*`, async ({ request }) => {
      const response = await handler(await toHttpRequest(request));
      if (!response) return undefined;
      const status = response.status;
      // A Response cannot carry a body with 204/304.
      const body = status === 204 || status === 304 ? null : (response.body ?? '');
      return new MswResponse(body, { status, headers: response.headers });
    }),
  );
}

async function toHttpRequest(request: Request): Promise<HttpRequest> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  const method = request.method.toUpperCase();
  const body = method === 'GET' || method === 'HEAD' ? '' : await request.text();
  return { method, url: new URL(request.url), headers, body };
}
