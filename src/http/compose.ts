/** Chains handlers: the first that answers wins (each returns undefined for requests it does not own). */
import type { HttpHandler } from './types.ts';

export function composeHandlers(...handlers: ReadonlyArray<HttpHandler>): HttpHandler {
  return async (request) => {
    for (const handler of handlers) {
      const response = await handler(request);
      if (response) return response;
    }
    return undefined;
  };
}
