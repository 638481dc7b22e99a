/**
 * Serves an `HttpHandler` with fastify: one catch-all route, raw body text for every
 * content type (the token endpoint is form-encoded, risk actions are JSON), loopback
 * by default, optional TLS.
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { HttpHandler, HttpRequest } from './types.ts';

/** Registers `handler` on every method and path of `app`; unanswered requests get a 404. */
export function registerHttpHandler(app: FastifyInstance, handler: HttpHandler): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.route({
    method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'],
    url: '/*',
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      const response = await handler(toHttpRequest(request));
      if (!response) {
        return reply.code(404).type('application/json').send('{"error":{"code":"NotFound","message":"No route."}}');
      }
      reply.code(response.status).headers(response.headers);
      return reply.send(response.body ?? '');
    },
  });
}

function toHttpRequest(request: FastifyRequest): HttpRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  const scheme = request.protocol;
  const host = headers.host ?? `${request.hostname}`;
  return {
    method: request.method,
    url: new URL(`${scheme}://${host}${request.url}`),
    headers,
    body: typeof request.body === 'string' ? request.body : '',
  };
}

export interface HttpServerOptions {
  /** Default 127.0.0.1: nothing outside this machine should reach the mock. */
  readonly host?: string;
  /** Default 0: any free port. */
  readonly port?: number;
  /** PEM key and certificate for HTTPS (MSAL needs an https authority). */
  readonly tls?: { readonly key: string; readonly cert: string };
  readonly logger?: boolean;
  /** Largest request body accepted, bytes (default 1 MiB). */
  readonly bodyLimit?: number;
}

export interface RunningServer {
  readonly app: FastifyInstance;
  /** `https://127.0.0.1:PORT` (no trailing slash). */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export async function startHttpServer(handler: HttpHandler, options: HttpServerOptions = {}): Promise<RunningServer> {
  const app: FastifyInstance = options.tls
    ? (Fastify({
        logger: options.logger ?? false,
        bodyLimit: options.bodyLimit ?? 1_048_576,
        https: { key: options.tls.key, cert: options.tls.cert },
      }) as unknown as FastifyInstance)
    : Fastify({ logger: options.logger ?? false, bodyLimit: options.bodyLimit ?? 1_048_576 });
  registerHttpHandler(app, handler);
  const host = options.host ?? '127.0.0.1';
  await app.listen({ host, port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  const hostPart = host.includes(':') ? `[${host}]` : host;
  return {
    app,
    url: `${options.tls ? 'https' : 'http'}://${hostPart}:${port}`,
    port,
    close: () => app.close(),
  };
}
