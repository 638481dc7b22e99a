/**
 * One call to run the mock Graph API and token service as a real HTTPS server on
 * loopback: generates the certificate, writes the CA PEM for NODE_EXTRA_CA_CERTS and
 * serves both APIs on one origin (point `authorityHost` and the Graph base URL at it).
 */
import { startHttpServer, type RunningServer } from '../../http/fastify-adapter.ts';
import { createLoopbackCertificate, type LoopbackCertificate } from '../../http/tls.ts';
import { createGraphEnvironment, type GraphEnvironment, type GraphEnvironmentOptions } from './environment.ts';

export interface MockGraphServerOptions extends GraphEnvironmentOptions {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0 (any free port). */
  readonly port?: number;
  /** An existing certificate; default: a new one (`caFile` says where its CA went). */
  readonly certificate?: LoopbackCertificate;
  /** Where to write the CA PEM when generating a certificate. */
  readonly caFile?: string;
}

export interface MockGraphServer {
  readonly environment: GraphEnvironment;
  readonly server: RunningServer;
  readonly certificate: LoopbackCertificate;
  /** `https://127.0.0.1:PORT`: authority host and Graph service root alike. */
  readonly url: string;
  close(): Promise<void>;
}

export async function startMockGraphServer(options: MockGraphServerOptions): Promise<MockGraphServer> {
  const certificate = options.certificate ?? (await createLoopbackCertificate(options.caFile ? { caFile: options.caFile } : {}));
  const environment = createGraphEnvironment(options);
  const server = await startHttpServer(environment.handler, {
    tls: certificate,
    ...(options.host ? { host: options.host } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
  });
  return { environment, server, certificate, url: server.url, close: () => server.close() };
}
