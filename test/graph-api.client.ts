/**
 * The collector the tests run against the mock: @azure/identity ClientSecretCredential
 * for the token, @microsoft/microsoft-graph-client with its default middleware
 * (auth, RetryHandler honouring Retry-After) and PageIterator for paging — exactly what
 * a user's collector does, nothing stubbed in between. Runs in-process (msw) and in a
 * child process (real HTTPS server, trusted through NODE_EXTRA_CA_CERTS).
 */
import type { Agent } from 'node:https';
import { ClientSecretCredential } from '@azure/identity';
import { Client, PageIterator, type PageCollection } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials/index.js';

export interface CollectOptions {
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Default https://login.microsoftonline.com. */
  readonly authorityHost?: string;
  readonly disableInstanceDiscovery?: boolean;
  /** Graph service root with trailing slash, e.g. `https://127.0.0.1:1234/`. */
  readonly graphBaseUrl: string;
  /** Hosts (no port) the Graph client attaches the token to besides Graph's own. */
  readonly customHosts?: ReadonlyArray<string>;
  readonly version: 'v1.0' | 'beta';
  readonly path: string;
  readonly filter?: string;
  readonly top?: number;
  readonly select?: ReadonlyArray<string>;
  /** Sent as `Prefer`. */
  readonly prefer?: string;
}

export interface CollectResult {
  readonly ids: string[];
  /** `@odata.context` of the first page. */
  readonly context: string;
  /** First record as received. */
  readonly first: Record<string, unknown> | undefined;
  /** Values of `riskDetail` seen (evolvable-enum checks). */
  readonly riskDetails: string[];
  readonly elapsedMs: number;
}

export async function collectAll(options: CollectOptions, agent?: Agent): Promise<CollectResult> {
  const started = Date.now();
  const credential = new ClientSecretCredential(options.tenantId, options.clientId, options.clientSecret, {
    ...(options.authorityHost ? { authorityHost: options.authorityHost } : {}),
    ...(options.disableInstanceDiscovery ? { disableInstanceDiscovery: true } : {}),
    ...(agent ? { agent } : {}),
  });
  const authProvider = new TokenCredentialAuthenticationProvider(credential, { scopes: ['https://graph.microsoft.com/.default'] });
  const client = Client.initWithMiddleware({
    authProvider,
    baseUrl: options.graphBaseUrl,
    defaultVersion: options.version,
    ...(options.customHosts ? { customHosts: new Set(options.customHosts) } : {}),
  });
  let request = client.api(options.path);
  if (options.filter) request = request.filter(options.filter);
  if (options.top) request = request.top(options.top);
  if (options.select) request = request.select([...options.select]);
  if (options.prefer) request = request.header('Prefer', options.prefer);
  const firstPage = (await request.get()) as PageCollection & { '@odata.context': string };
  const ids: string[] = [];
  const riskDetails: string[] = [];
  let first: Record<string, unknown> | undefined;
  const iterator = new PageIterator(
    client,
    firstPage,
    (item: Record<string, unknown>) => {
      first ??= item;
      ids.push(String(item.id));
      if (typeof item.riskDetail === 'string') riskDetails.push(item.riskDetail);
      return true;
    },
    options.prefer ? { headers: { Prefer: options.prefer } } : undefined,
  );
  await iterator.iterate();
  return { ids, context: firstPage['@odata.context'], first, riskDetails, elapsedMs: Date.now() - started };
}
