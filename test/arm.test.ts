/**
 * The microsoft.aadiam diagnostic-settings ARM API over a real fastify server, driven with
 * plain fetch: CRUD with both api-versions and mixed-case provider segments, every
 * validation error body, the 5-setting cap, persistence across a restart, token checks,
 * and round-trips of the spec examples in shared/reference/diagnostic-settings.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  bearerVerifier,
  createArmHandler,
  DiagnosticSettingsStore,
  SETTINGS_FILE_NAME,
  type SettingsChange,
} from '../src/api/arm/index.ts';
import { CATEGORIES } from '../src/core/categories.ts';
import { serveHandler, type TestHttpServer } from './helpers/arm-http-server.ts';

const SPEC_DIR = '/work/shared/reference/diagnostic-settings';
const STABLE = '2017-04-01';
const PREVIEW = '2017-04-01-preview';
const STORAGE = '/subscriptions/df602c9c-7aa0-407d-a6fb-eb20c8bd1192/resourceGroups/apptest/providers/Microsoft.Storage/storageAccounts/appteststorage1';
const RULE = '/subscriptions/1a66ce04-b633-4a0b-b2bc-a912ec8986a6/resourceGroups/montest/providers/microsoft.eventhub/namespaces/mynamespace/authorizationrules/RootManageSharedAccessKey';
const WORKSPACE = '/subscriptions/4b9e8510-67ab-4e9a-95a9-e2f1e570ea9c/resourceGroups/insights-integration/providers/Microsoft.OperationalInsights/workspaces/viruela2';

let server: TestHttpServer;
let dataDir: string;
let store: DiagnosticSettingsStore;

async function freshHandler(options: Partial<Parameters<typeof createArmHandler>[0]> = {}): Promise<void> {
  store = await DiagnosticSettingsStore.open({ dataDir });
  server.setHandler(createArmHandler({ store, ...options }));
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'entrasim-arm-'));
  store = await DiagnosticSettingsStore.open({ dataDir });
  server = await serveHandler(createArmHandler({ store }));
});

afterAll(async () => {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

beforeEach(async () => {
  // Each test starts with no settings.
  for (const s of store.list()) await store.delete(s.name);
  await freshHandler();
});

interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  const res = await fetch(server.baseUrl + path, init);
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

const settingPath = (name: string, version = STABLE, provider = 'microsoft.aadiam') =>
  `/providers/${provider}/diagnosticSettings/${encodeURIComponent(name)}?api-version=${version}`;

const storageOnly = (categories: string[] = ['AuditLogs']) => ({
  properties: {
    storageAccountId: STORAGE,
    logs: categories.map((category) => ({ category, enabled: true, retentionPolicy: { enabled: false, days: 0 } })),
  },
});

async function example(path: string): Promise<{ parameters: Record<string, unknown>; responses: Record<string, { body?: unknown }> }> {
  return JSON.parse(await readFile(join(SPEC_DIR, path), 'utf8'));
}

describe('CRUD', () => {
  test('list, put, get, delete with both api-versions and mixed-case provider segments', async () => {
    for (const version of [STABLE, PREVIEW]) {
      const list = await call('GET', `/providers/Microsoft.AADIAM/diagnosticSettings?api-version=${version}`);
      expect(list.status).toBe(200);
      expect(list.json).toEqual({ value: [] });
    }
    const put = await call('PUT', settingPath('toSiem', STABLE, 'Microsoft.Aadiam'), storageOnly(['AuditLogs', 'SignInLogs']));
    expect(put.status).toBe(200);
    expect(put.headers.get('content-type')).toMatch(/^application\/json/);
    expect(put.json).toEqual({
      id: 'providers/microsoft.aadiam/diagnosticSettings/toSiem',
      type: '',
      name: 'toSiem',
      properties: storageOnly(['AuditLogs', 'SignInLogs']).properties,
    });
    for (const [version, provider] of [
      [STABLE, 'microsoft.aadiam'],
      [PREVIEW, 'MICROSOFT.AADIAM'],
    ] as const) {
      const got = await call('GET', settingPath('TOSIEM', version, provider));
      expect(got.status).toBe(200);
      expect(got.json).toEqual(put.json); // names are case-insensitive; the created spelling is kept
      const list = await call('GET', `/providers/${provider}/diagnosticSettings?api-version=${version}`);
      expect(list.json).toEqual({ value: [put.json] });
    }
    const del = await call('DELETE', settingPath('toSiem', PREVIEW, 'Microsoft.AADIAM'));
    expect(del.status).toBe(200);
    expect(del.text).toBe('');
    expect((await call('DELETE', settingPath('toSiem'))).status).toBe(204);
    const gone = await call('GET', settingPath('toSiem'));
    expect(gone.status).toBe(404);
    expect(gone.json).toEqual({ error: { code: 'ResourceNotFound', message: "The diagnostic setting 'toSiem' doesn't exist." } });
  });

  test('PUT replaces the whole setting; omitted retentionPolicy reads back as disabled', async () => {
    await call('PUT', settingPath('s1'), storageOnly(['AuditLogs']));
    const put = await call('PUT', settingPath('s1'), {
      properties: { workspaceId: WORKSPACE, logs: [{ category: 'SignInLogs', enabled: true }] },
    });
    expect(put.status).toBe(200);
    expect(put.json).toEqual({
      id: 'providers/microsoft.aadiam/diagnosticSettings/s1',
      type: '',
      name: 's1',
      properties: { workspaceId: WORKSPACE, logs: [{ category: 'SignInLogs', enabled: true, retentionPolicy: { enabled: false, days: 0 } }] },
    });
  });

  test('categories: the 16 categories, each with categoryType Logs', async () => {
    for (const version of [STABLE, PREVIEW]) {
      const res = await call('GET', `/providers/Microsoft.aadiam/diagnosticSettingsCategories?api-version=${version}`);
      expect(res.status).toBe(200);
      const value = (res.json as { value: Array<{ id: string; name: string; type: string; properties: { categoryType: string } }> }).value;
      expect(value.map((c) => c.name)).toEqual([...CATEGORIES]);
      expect(value).toHaveLength(16);
      expect(value.map((c) => c.name)).toContain('CustomSecurityAttributeAuditLogs');
      for (const c of value) {
        expect(c).toEqual({ id: `providers/microsoft.aadiam/diagnosticSettingsCategories/${c.name}`, name: c.name, type: '', properties: { categoryType: 'Logs' } });
      }
    }
    const one = await call('GET', `/providers/microsoft.aadiam/diagnosticSettingsCategories/signinlogs?api-version=${STABLE}`);
    expect(one.status).toBe(200);
    expect((one.json as { name: string }).name).toBe('SignInLogs');
  });

  test('operations list', async () => {
    const res = await call('GET', `/providers/microsoft.aadiam/operations?api-version=${PREVIEW}`);
    expect(res.status).toBe(200);
    const names = (res.json as { value: Array<{ name: string; display: Record<string, string> }> }).value.map((o) => o.name);
    expect(names).toContain('microsoft.aadiam/diagnosticSettings/write');
    expect(names).toContain('microsoft.aadiam/diagnosticSettingsCategories/read');
  });

  test('ARM response headers: request ids, correlation id echoed, no caching', async () => {
    const res = await call('GET', `/providers/microsoft.aadiam/diagnosticSettings?api-version=${STABLE}`, undefined, {
      'x-ms-correlation-request-id': 'corr-123',
    });
    expect(res.headers.get('x-ms-correlation-request-id')).toBe('corr-123');
    expect(res.headers.get('x-ms-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  test('paths outside microsoft.aadiam are not answered by the handler', async () => {
    const handler = createArmHandler({ store });
    const other = await handler({ method: 'GET', url: new URL('https://management.azure.com/providers/Microsoft.Insights/diagnosticSettings?api-version=2021-05-01-preview'), headers: {}, body: '' });
    expect(other).toBeUndefined();
    const hostBound = createArmHandler({ store, hosts: ['management.azure.com'] });
    const elsewhere = await hostBound({ method: 'GET', url: new URL('https://graph.microsoft.com/providers/microsoft.aadiam/operations?api-version=2017-04-01'), headers: {}, body: '' });
    expect(elsewhere).toBeUndefined();
    const here = await hostBound({ method: 'GET', url: new URL('https://management.azure.com/providers/microsoft.aadiam/operations?api-version=2017-04-01'), headers: {}, body: '' });
    expect(here?.status).toBe(200);
  });
});

describe('spec examples round-trip', () => {
  test.each([
    ['stable-2017-04-01/examples/createOrUpdateDiagnosticSetting.json'],
    ['stable-2017-04-01/examples-newlayout/createOrUpdateDiagnosticSetting.json'],
  ])('%s: PUT the example body, the response and a GET equal the example response', async (file) => {
    const ex = await example(file);
    const name = ex.parameters['name'] as string;
    const put = await call('PUT', settingPath(name, ex.parameters['api-version'] as string), ex.parameters['parameters']);
    expect(put.status).toBe(200);
    expect(put.json).toEqual(ex.responses['200']!.body);
    for (const version of [STABLE, PREVIEW]) {
      const got = await call('GET', settingPath(name, version));
      expect(got.json).toEqual(ex.responses['200']!.body);
    }
  });

  test.each([['stable-2017-04-01/examples/getDiagnosticSetting.json'], ['preview-2017-04-01-preview/examples/getDiagnosticSetting.json']])(
    '%s: GET returns the example shape',
    async (file) => {
      const ex = await example(file);
      const body = ex.responses['200']!.body as { name: string; properties: unknown };
      expect((await call('PUT', settingPath(body.name), { properties: body.properties })).status).toBe(200);
      const got = await call('GET', settingPath(ex.parameters['name'] as string, ex.parameters['api-version'] as string));
      expect(got.status).toBe(200);
      expect(got.json).toEqual(body);
    },
  );

  test.each([['stable-2017-04-01/examples/listDiagnosticSettings.json'], ['stable-2017-04-01/examples-newlayout/listDiagnosticSettings.json']])(
    '%s: list returns the example shape (id casing aside)',
    async (file) => {
      const ex = await example(file);
      const expected = ex.responses['200']!.body as { value: Array<{ id: string; name: string; properties: unknown }> };
      for (const item of expected.value) await call('PUT', settingPath(item.name), { properties: item.properties });
      const list = await call('GET', `/providers/microsoft.aadiam/diagnosticSettings?api-version=${ex.parameters['api-version'] as string}`);
      const lowerIds = (body: unknown) => ({
        value: (body as { value: Array<{ id: string }> }).value.map((s) => ({ ...s, id: s.id.toLowerCase() })),
      });
      // The example spells the provider `Microsoft.Aadiam` in the id; get/put examples use `microsoft.aadiam`.
      expect(lowerIds(list.json)).toEqual(lowerIds(expected));
    },
  );

  test('deleteDiagnosticSetting: 200 when it existed, 204 when not', async () => {
    const ex = await example('stable-2017-04-01/examples/deleteDiagnosticSetting.json');
    const name = ex.parameters['name'] as string;
    await call('PUT', settingPath(name), storageOnly());
    expect(Object.keys(ex.responses)).toEqual(['200', '204']);
    expect((await call('DELETE', settingPath(name, ex.parameters['api-version'] as string))).status).toBe(200);
    expect((await call('DELETE', settingPath(name))).status).toBe(204);
  });

  test('categories example shape: id, name, type, properties.categoryType', async () => {
    for (const file of ['stable-2017-04-01/examples/listDiagnosticSettingsCategories.json', 'preview-2017-04-01-preview/examples/listDiagnosticSettingsCategories.json']) {
      const ex = await example(file);
      const exampleItem = (ex.responses['200']!.body as { value: Array<Record<string, unknown>> }).value[0]!;
      const res = await call('GET', `/providers/microsoft.aadiam/diagnosticSettingsCategories?api-version=${STABLE}`);
      const item = (res.json as { value: Array<Record<string, unknown>> }).value[0]!;
      expect(Object.keys(item).sort()).toEqual(Object.keys(exampleItem).sort());
      expect(item['properties']).toEqual(exampleItem['properties']);
    }
  });
});

describe('errors', () => {
  const error = (code: string, message: string) => ({ error: { code, message } });

  test('missing and unsupported api-version', async () => {
    const missing = await call('GET', '/providers/microsoft.aadiam/diagnosticSettings');
    expect(missing.status).toBe(400);
    expect(missing.json).toEqual(error('MissingApiVersionParameter', 'The api-version query parameter (?api-version=) is required for all requests.'));
    const empty = await call('GET', '/providers/microsoft.aadiam/diagnosticSettings?api-version=');
    expect((empty.json as { error: { code: string } }).error.code).toBe('MissingApiVersionParameter');
    const wrong = await call('PUT', settingPath('x', '2021-05-01-preview'), storageOnly());
    expect(wrong.status).toBe(400);
    expect(wrong.json).toEqual(
      error('InvalidApiVersionParameter', "The api-version '2021-05-01-preview' is invalid. The supported versions are '2017-04-01,2017-04-01-preview'."),
    );
    expect(store.size).toBe(0);
  });

  test('subscription and resource-group scope: OperationNotFound', async () => {
    for (const path of [
      '/subscriptions/0000/resourceGroups/azhybrid/providers/microsoft.aadiam/diagnosticSettings/AADConnector',
      '/subscriptions/0000/providers/Microsoft.AADIAM/diagnosticSettings',
    ]) {
      const res = await call('PUT', `${path}?api-version=${STABLE}`, storageOnly());
      expect(res.status).toBe(404);
      expect(res.json).toEqual(error('OperationNotFound', `Path: '${path}' is not supported`));
    }
  });

  test('unknown resource type and unsupported method', async () => {
    const type = await call('GET', `/providers/microsoft.aadiam/azureADMetrics?api-version=${STABLE}`);
    expect(type.status).toBe(404);
    expect(type.json).toEqual(error('InvalidResourceType', "The resource type 'azureADMetrics' could not be found in the namespace 'microsoft.aadiam' for api version '2017-04-01'."));
    const method = await call('PATCH', settingPath('x'), storageOnly());
    expect(method.status).toBe(405);
    expect(method.json).toEqual(error('MethodNotAllowed', "The requested resource does not support http method 'PATCH'."));
    const putList = await call('PUT', `/providers/microsoft.aadiam/diagnosticSettings?api-version=${STABLE}`, storageOnly());
    expect(putList.status).toBe(405);
  });

  const cases: Array<[string, unknown, number, string, string]> = [
    ['malformed JSON', '{"properties": {', 400, 'InvalidRequestContent', "The request content was invalid and could not be deserialized: '"],
    ['empty body', '', 400, 'InvalidRequestContent', "The request content was invalid and could not be deserialized: 'The request body is empty'."],
    ['no properties', { name: 'x' }, 400, 'InvalidRequestContent', "The request content was invalid and could not be deserialized: 'Required property 'properties' not found in JSON. Path '''."],
    [
      'enabled missing',
      { properties: { storageAccountId: STORAGE, logs: [{ category: 'AuditLogs' }] } },
      400,
      'InvalidRequestContent',
      "The request content was invalid and could not be deserialized: 'Required property 'enabled' not found in JSON. Path 'properties.logs[0]''.",
    ],
    [
      'destination of the wrong JSON type (two storage accounts)',
      { properties: { storageAccountId: [STORAGE, STORAGE], logs: [{ category: 'AuditLogs', enabled: true }] } },
      400,
      'InvalidRequestContent',
      "The request content was invalid and could not be deserialized: 'Unexpected Array where String was expected. Path 'properties.storageAccountId''.",
    ],
    [
      'retention days negative',
      { properties: { storageAccountId: STORAGE, logs: [{ category: 'AuditLogs', enabled: true, retentionPolicy: { enabled: false, days: -1 } }] } },
      400,
      'BadRequest',
      "The retention days value '-1' at 'properties.logs[0].retentionPolicy.days' must be 0 or greater.",
    ],
    ['unknown category', storageOnly(['AuditLogs', 'WorkflowRuntime']), 400, 'BadRequest', "Category 'WorkflowRuntime' is not supported."],
    ['category twice', storageOnly(['SignInLogs', 'signinlogs']), 400, 'BadRequest', "Category 'signinlogs' is specified more than once."],
    [
      'retention enabled',
      { properties: { storageAccountId: STORAGE, logs: [{ category: 'AuditLogs', enabled: true, retentionPolicy: { enabled: true, days: 30 } }] } },
      400,
      'BadRequest',
      'Diagnostic settings does not support retention for new diagnostic settings.',
    ],
    [
      'no destination',
      { properties: { workspaceId: '', eventHubName: 'hub', logs: [{ category: 'AuditLogs', enabled: true }] } },
      400,
      'BadRequest',
      'At least one destination must be specified: a storage account, an event hub or a Log Analytics workspace.',
    ],
    [
      'two event hub destinations',
      { properties: { eventHubAuthorizationRuleId: RULE, serviceBusRuleId: RULE, logs: [{ category: 'AuditLogs', enabled: true }] } },
      400,
      'BadRequest',
      "Only one event hub destination is allowed: set either 'eventHubAuthorizationRuleId' or the legacy 'serviceBusRuleId'.",
    ],
    [
      'destination of the wrong resource type',
      { properties: { storageAccountId: WORKSPACE, logs: [{ category: 'AuditLogs', enabled: true }] } },
      400,
      'BadRequest',
      "Resource type 'microsoft.operationalinsights/workspaces' is invalid for property 'properties.storageAccountId'. Expected types are 'microsoft.storage/storageaccounts'",
    ],
    [
      'malformed destination id',
      { properties: { workspaceId: 'viruela2', logs: [{ category: 'AuditLogs', enabled: true }] } },
      400,
      'LinkedInvalidPropertyId',
      "Property id 'viruela2' at path 'properties.workspaceId' is invalid. Expect fully qualified resource Id that start with '/subscriptions/{subscriptionId}' or '/providers/{resourceProviderNamespace}/'.",
    ],
  ];

  test.each(cases)('PUT with %s', async (_label, body, status, code, message) => {
    const res = await call('PUT', settingPath('bad'), body);
    expect(res.status).toBe(status);
    const err = (res.json as { error: { code: string; message: string } }).error;
    expect(err.code).toBe(code);
    if (message.endsWith("'")) expect(err.message.startsWith(message)).toBe(true);
    else expect(err.message).toBe(message);
    expect(store.size).toBe(0);
  });

  test.each([
    ['a:b', "it contains one of the characters '*<>%{}&:\\?/#|' or a control character"],
    ['ends.', 'it ends with a space or a period'],
    ['x'.repeat(261), 'it is longer than 260 characters'],
  ])('invalid setting name %s', async (name, problem) => {
    const res = await call('PUT', settingPath(name), storageOnly());
    expect(res.status).toBe(400);
    expect(res.json).toEqual(error('InvalidResourceName', `The resource name '${name}' is invalid: ${problem}.`));
  });

  test('a name of 260 characters with spaces and dashes is fine', async () => {
    const name = 'Send to SIEM - ' + 'x'.repeat(245);
    expect((await call('PUT', settingPath(name), storageOnly())).status).toBe(200);
  });
});

describe('limits', () => {
  test('at most 5 settings; updating one of them still works; a delete frees a slot', async () => {
    for (let i = 1; i <= 5; i++) expect((await call('PUT', settingPath(`s${i}`), storageOnly())).status).toBe(200);
    const sixth = await call('PUT', settingPath('s6'), storageOnly());
    expect(sixth.status).toBe(400);
    expect((sixth.json as { error: { code: string; message: string } }).error).toEqual({
      code: 'BadRequest',
      message: "Diagnostic settings limit reached: at most 5 diagnostic settings are allowed for resource 'microsoft.aadiam'. Delete a setting before creating 's6'.",
    });
    expect((await call('PUT', settingPath('S3'), storageOnly(['SignInLogs']))).status).toBe(200);
    expect((await call('DELETE', settingPath('s1'))).status).toBe(200);
    expect((await call('PUT', settingPath('s6'), storageOnly())).status).toBe(200);
    expect(store.size).toBe(5);
  });

  test('concurrent PUTs cannot pass the cap', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => call('PUT', settingPath(`c${i}`), storageOnly())));
    expect(results.filter((r) => r.status === 200)).toHaveLength(5);
    expect(results.filter((r) => r.status === 400)).toHaveLength(3);
  });
});

describe('persistence and change events', () => {
  test('settings survive a restart (new store and handler on the same data directory)', async () => {
    const body = { properties: { eventHubAuthorizationRuleId: RULE, eventHubName: 'entra', logs: [{ category: 'SignInLogs', enabled: true }] } };
    const put = await call('PUT', settingPath('persisted'), body);
    expect(put.status).toBe(200);
    await freshHandler(); // "restart": nothing shared with the old instance but the directory
    const got = await call('GET', settingPath('persisted', PREVIEW));
    expect(got.status).toBe(200);
    expect(got.json).toEqual(put.json);
    const files = await readdir(dataDir);
    expect(files).toEqual([SETTINGS_FILE_NAME]); // no temp files left behind
    const saved = JSON.parse(await readFile(join(dataDir, SETTINGS_FILE_NAME), 'utf8'));
    expect(saved.version).toBe(1);
    expect(saved.settings[0].name).toBe('persisted');
    await call('DELETE', settingPath('persisted'));
    await freshHandler();
    expect((await call('GET', settingPath('persisted'))).status).toBe(404);
  });

  test('a corrupt settings file stops startup instead of losing settings', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'entrasim-arm-bad-'));
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir, SETTINGS_FILE_NAME), '{"version":1,"settings":[');
    await expect(DiagnosticSettingsStore.open({ dataDir: dir })).rejects.toThrow(/not valid JSON/);
    await rm(dir, { recursive: true, force: true });
  });

  test('onChange reports puts and deletes after they are saved', async () => {
    const changes: SettingsChange[] = [];
    const off = store.onChange((c) => changes.push(c));
    await call('PUT', settingPath('watched'), storageOnly());
    await call('PUT', settingPath('watched'), storageOnly(['SignInLogs']));
    await call('PUT', settingPath('bad'), storageOnly(['Nope'])); // rejected: no event
    await call('DELETE', settingPath('watched'));
    off();
    await call('PUT', settingPath('unwatched'), storageOnly());
    expect(changes.map((c) => [c.kind, c.name, c.previous?.properties.logs[0]?.category, c.current?.properties.logs[0]?.category, c.settings.length])).toEqual([
      ['put', 'watched', undefined, 'AuditLogs', 1],
      ['put', 'watched', 'AuditLogs', 'SignInLogs', 1],
      ['delete', 'watched', 'SignInLogs', undefined, 0],
    ]);
  });

  test('optional stale read after PUT (azure-rest-api-specs#38858)', async () => {
    let clock = 1_000_000;
    await freshHandler({ staleReadAfterPutMs: 5000, now: () => clock });
    expect((await call('PUT', settingPath('eventual'), storageOnly())).status).toBe(200);
    expect((await call('GET', settingPath('eventual'))).status).toBe(404);
    clock += 5000;
    expect((await call('GET', settingPath('eventual'))).status).toBe(200);
  });
});

describe('tokens', () => {
  // A stand-in validator: tokens are "aud=<audience>"; anything else is invalid.
  const verifier = bearerVerifier({
    validate: async (token) => (token.startsWith('aud=') ? { valid: true, audience: token.slice(4) } : { valid: false }),
  });

  test('missing, malformed, invalid and wrong-audience tokens get ARM 401 bodies', async () => {
    await freshHandler({ verifier });
    const path = `/providers/microsoft.aadiam/diagnosticSettings?api-version=${STABLE}`;
    const none = await call('GET', path);
    expect(none.status).toBe(401);
    expect(none.json).toEqual({ error: { code: 'AuthenticationFailed', message: "Authentication failed. The 'Authorization' header is missing." } });
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer authorization_uri=/);
    const basic = await call('GET', path, undefined, { authorization: 'Basic abc' });
    expect((basic.json as { error: { code: string } }).error.code).toBe('AuthenticationFailed');
    const invalid = await call('GET', path, undefined, { authorization: 'Bearer garbage' });
    expect(invalid.json).toEqual({ error: { code: 'InvalidAuthenticationToken', message: 'The access token is invalid.' } });
    const graph = await call('GET', path, undefined, { authorization: 'Bearer aud=https://graph.microsoft.com' });
    expect(graph.status).toBe(401);
    expect((graph.json as { error: { code: string; message: string } }).error.code).toBe('InvalidAuthenticationTokenAudience');
    expect((graph.json as { error: { message: string } }).error.message).toContain("'https://graph.microsoft.com'");
    // The token check comes before the api-version check, as on ARM.
    expect((await call('GET', '/providers/microsoft.aadiam/diagnosticSettings')).status).toBe(401);
    const ok = await call('GET', path, undefined, { authorization: 'Bearer aud=https://management.azure.com/' });
    expect(ok.status).toBe(200);
  });

  test('any verifier function can refuse with its own status and body', async () => {
    await freshHandler({
      verifier: async () => ({ ok: false, status: 403, body: { error: { code: 'AuthorizationFailed', message: 'The client does not have authorization.' } } }),
    });
    const res = await call('PUT', settingPath('x'), storageOnly());
    expect(res.status).toBe(403);
    expect(res.json).toEqual({ error: { code: 'AuthorizationFailed', message: 'The client does not have authorization.' } });
    expect(store.size).toBe(0);
  });
});
