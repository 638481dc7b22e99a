/** Shared by the Graph API end-to-end tests: HTTPS calls that trust the mock's CA, expected sets, reference bodies. */
import { existsSync, readFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GraphResource } from '../src/core/activity.ts';
import { errorCodeOf, isInteractive, type SignInFixture } from './graph-api.fixtures.ts';

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly text: string;
  readonly json: unknown;
}

/** One HTTPS request trusting `ca` (what curl --cacert does). */
export function httpsCall(
  url: string,
  ca: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolvePromise, reject) => {
    const req = httpsRequest(url, { method: options.method ?? 'GET', headers: options.headers ?? {}, ca, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
        resolvePromise({ status: res.statusCode ?? 0, headers, text, json });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A payload from the shared reference folder (`../shared/reference/graph`), when present. */
export function referenceExample(name: string): unknown {
  const env = process.env.ENTRASIM_REFERENCE;
  const dir = env && env.length > 0 ? resolve(env) : resolve(REPO_ROOT, '..', 'shared', 'reference');
  const file = join(dir, 'graph', name);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

/** Graph error bodies as the example files show them, for when the reference folder is absent. */
export const EXAMPLE_ERRORS: Readonly<Record<string, { code: string; message: string }>> = {
  'example-error-401-empty-token.json': { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' },
  'example-error-403-license-nonpremium.json': {
    code: 'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
    message: "Neither tenant is B2C or tenant doesn't have premium license",
  },
  'example-error-403-missing-auditlog-permission.json': {
    code: 'Authentication_MSGraphPermissionMissing',
    message: 'Calling principal does not have required MSGraph permissions AuditLog.Read.All',
  },
};

/**
 * Checks a Graph error body against the example file: same code and message, the same
 * members in `error` and `innerError`, `innerError.date` without zone designator.
 */
export function expectLikeExample(body: unknown, exampleName: string, expectFn: (actual: unknown) => { toEqual(v: unknown): void; toMatch(r: RegExp): void }): void {
  const example = (referenceExample(exampleName) as { error: { code: string; message: string; innerError: Record<string, string> } } | undefined) ?? {
    error: { ...EXAMPLE_ERRORS[exampleName]!, innerError: { date: '', 'request-id': '', 'client-request-id': '' } },
  };
  const actual = body as { error: { code: string; message: string; innerError: Record<string, string> } };
  expectFn(actual.error.code).toEqual(example.error.code);
  expectFn(actual.error.message).toEqual(example.error.message);
  expectFn(Object.keys(actual.error).sort()).toEqual(Object.keys(example.error).sort());
  expectFn(Object.keys(actual.error.innerError).sort()).toEqual(Object.keys(example.error.innerError).sort());
  expectFn(actual.error.innerError.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
}

export interface Expected {
  readonly ids: ReadonlySet<string>;
}

/** The ids a query must return, computed in plain JS over the fixtures (independent of the filter engine). */
export function expectedIds(
  records: ReadonlyArray<SignInFixture>,
  version: 'v1.0' | 'beta',
  predicate: (resource: GraphResource, fixture: SignInFixture) => boolean,
): Set<string> {
  const out = new Set<string>();
  for (const r of records) {
    const resource = version === 'beta' ? r.beta : r.v1;
    if (resource && predicate(resource, r)) out.add(r.id);
  }
  return out;
}

export { errorCodeOf, isInteractive };
