/**
 * The tenant-scoped ARM API for Entra diagnostic settings (host management.azure.com),
 * as a transport-agnostic HttpHandler:
 *
 *   GET|PUT|DELETE /providers/microsoft.aadiam/diagnosticSettings[/{name}]
 *   GET            /providers/microsoft.aadiam/diagnosticSettingsCategories[/{name}]
 *   GET            /providers/microsoft.aadiam/operations
 *
 * Checks run in ARM's order: token, api-version, scope, then the operation itself.
 */
import type { HttpHandler, HttpRequest, HttpResponse } from '../../http/types.ts';
import { requireApiVersion, type ApiVersion } from './api-version.ts';
import { openVerifier, type BearerVerifier } from './auth.ts';
import { categoryNames, categoryResources, operationsList } from './catalog.ts';
import { parseSettingRequest, toResource, validateSettingName } from './diagnostic-setting.ts';
import { armError, armHeaders, armJson, ArmRequestError } from './errors.ts';
import { SettingsLimitError, type DiagnosticSettingsStore } from './settings-store.ts';

export interface ArmHandlerOptions {
  /** Where settings live (see DiagnosticSettingsStore.open). */
  readonly store: DiagnosticSettingsStore;
  /** Token check; default `openVerifier` (no token needed). */
  readonly verifier?: BearerVerifier;
  /** Answer only requests to these hosts (e.g. ['management.azure.com']); default: any host. */
  readonly hosts?: readonly string[];
  /** Settings per tenant; Azure Monitor's hard limit per resource is 5 (notes §C). */
  readonly maxSettings?: number;
  /** Category names accepted besides entrasim's 16 (e.g. 'NetworkAccessAlerts', 'B2CRequestLogs'). */
  readonly extraCategories?: readonly string[];
  /**
   * Reproduces Azure/azure-rest-api-specs#38858: a GET of a just-created setting answers 404 for
   * this many milliseconds after the PUT. Default 0 (off).
   */
  readonly staleReadAfterPutMs?: number;
  /** Clock, for tests of the stale-read window. */
  readonly now?: () => number;
}

const PROVIDER = 'microsoft.aadiam';

type Route =
  | { readonly kind: 'settings' }
  | { readonly kind: 'setting'; readonly name: string }
  | { readonly kind: 'categories' }
  | { readonly kind: 'category'; readonly name: string }
  | { readonly kind: 'operations' };

export function createArmHandler(options: ArmHandlerOptions): HttpHandler {
  const { store } = options;
  const verifier = options.verifier ?? openVerifier;
  const hosts = options.hosts?.map((h) => h.toLowerCase());
  const maxSettings = options.maxSettings ?? 5;
  const categories = categoryNames(options.extraCategories);
  const categorySet = new Set(categories.map((c) => c.toLowerCase()));
  const staleMs = options.staleReadAfterPutMs ?? 0;
  const now = options.now ?? Date.now;
  const createdAt = new Map<string, number>();

  return async (request) => {
    if (hosts && !hosts.includes(request.url.hostname.toLowerCase())) return undefined;
    let segments: string[];
    try {
      segments = request.url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    } catch {
      return undefined;
    }
    const at = segments.findIndex((s, i) => s.toLowerCase() === 'providers' && segments[i + 1]?.toLowerCase() === PROVIDER);
    if (at < 0) return undefined;

    try {
      const auth = await verifier(request.headers['authorization']);
      if (!auth.ok) {
        return { status: auth.status, headers: { ...armHeaders(request), ...auth.headers }, body: JSON.stringify(auth.body) };
      }
      const apiVersion = requireApiVersion(request.url);
      if (at > 0) {
        // The provider is tenant-scoped; under a subscription or resource group it does not exist (Azure/SimuLand#20).
        throw new ArmRequestError(404, 'OperationNotFound', `Path: '${request.url.pathname}' is not supported`);
      }
      const route = matchRoute(segments.slice(at + 2), apiVersion);
      return await dispatch(request, route);
    } catch (err) {
      if (err instanceof ArmRequestError) return armError(request, err.status, err.code, err.message);
      return armError(request, 500, 'InternalServerError', `An internal error occurred: ${(err as Error).message ?? String(err)}`);
    }
  };

  function matchRoute(rest: string[], apiVersion: ApiVersion): Route {
    const type = rest[0]?.toLowerCase();
    if (rest.length === 1 && type === 'diagnosticsettings') return { kind: 'settings' };
    if (rest.length === 2 && type === 'diagnosticsettings') return { kind: 'setting', name: rest[1]! };
    if (rest.length === 1 && type === 'diagnosticsettingscategories') return { kind: 'categories' };
    if (rest.length === 2 && type === 'diagnosticsettingscategories') return { kind: 'category', name: rest[1]! };
    if (rest.length === 1 && type === 'operations') return { kind: 'operations' };
    throw new ArmRequestError(
      404,
      'InvalidResourceType',
      `The resource type '${rest.filter((_, i) => i % 2 === 0).join('/')}' could not be found in the namespace '${PROVIDER}' for api version '${apiVersion}'.`,
    );
  }

  async function dispatch(request: HttpRequest, route: Route): Promise<HttpResponse> {
    const method = request.method.toUpperCase();
    const allow = (...methods: string[]): void => {
      if (!methods.includes(method)) {
        throw new ArmRequestError(405, 'MethodNotAllowed', `The requested resource does not support http method '${method}'.`);
      }
    };
    switch (route.kind) {
      case 'operations':
        allow('GET');
        return armJson(request, 200, operationsList());
      case 'categories':
        allow('GET');
        return armJson(request, 200, categoryResources(categories));
      case 'category': {
        allow('GET');
        const name = categories.find((c) => c.toLowerCase() === route.name.toLowerCase());
        if (!name) throw new ArmRequestError(404, 'ResourceNotFound', `The diagnostic setting category '${route.name}' doesn't exist.`);
        return armJson(request, 200, categoryResources([name]).value[0]);
      }
      case 'settings':
        allow('GET');
        return armJson(request, 200, { value: store.list().map(toResource) });
      case 'setting':
        allow('GET', 'PUT', 'DELETE');
        if (method === 'GET') return getSetting(request, route.name);
        if (method === 'PUT') return putSetting(request, route.name);
        return deleteSetting(request, route.name);
    }
  }

  function getSetting(request: HttpRequest, name: string): HttpResponse {
    const setting = store.get(name);
    const created = createdAt.get(name.toLowerCase());
    const stale = created !== undefined && now() - created < staleMs;
    if (!setting || stale) throw new ArmRequestError(404, 'ResourceNotFound', `The diagnostic setting '${name}' doesn't exist.`);
    return armJson(request, 200, toResource(setting));
  }

  async function putSetting(request: HttpRequest, name: string): Promise<HttpResponse> {
    validateSettingName(name);
    const properties = parseSettingRequest(request.body, { categories: categorySet });
    try {
      const { created, setting } = await store.put(name, properties, { maxSettings });
      if (created && staleMs > 0) createdAt.set(name.toLowerCase(), now());
      return armJson(request, 200, toResource(setting));
    } catch (err) {
      if (err instanceof SettingsLimitError) {
        // Azure Monitor's limit (5 per resource, notes §C); [unverified] text for aadiam.
        throw new ArmRequestError(
          400,
          'BadRequest',
          `Diagnostic settings limit reached: at most ${err.limit} diagnostic settings are allowed for resource '${PROVIDER}'. Delete a setting before creating '${name}'.`,
        );
      }
      throw err;
    }
  }

  async function deleteSetting(request: HttpRequest, name: string): Promise<HttpResponse> {
    const existed = await store.delete(name);
    createdAt.delete(name.toLowerCase());
    // The spec allows 200 and 204; ARM convention: 200 when something was deleted, 204 when nothing was there.
    const headers = armHeaders(request);
    delete headers['content-type'];
    return existed ? { status: 200, headers } : { status: 204, headers };
  }
}
