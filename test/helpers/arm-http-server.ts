/**
 * Serves an HttpHandler over the project's fastify adapter on a free port, for tests that drive
 * an API with plain fetch. The handler can be swapped to simulate a restart with a new instance.
 */
import { startHttpServer } from '../../src/http/fastify-adapter.ts';
import type { HttpHandler } from '../../src/http/types.ts';

export interface TestHttpServer {
  /** `http://127.0.0.1:<port>` */
  readonly baseUrl: string;
  /** Replaces the handler (e.g. a new instance over the same data directory). */
  setHandler(handler: HttpHandler): void;
  close(): Promise<void>;
}

export async function serveHandler(handler: HttpHandler): Promise<TestHttpServer> {
  let current = handler;
  const server = await startHttpServer((request) => current(request));
  return {
    baseUrl: server.url,
    setHandler: (h) => {
      current = h;
    },
    close: () => server.close(),
  };
}
