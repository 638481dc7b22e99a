/**
 * Child-process entry for graph-api.test.ts: runs `collectAll` with the JSON options in
 * argv[2] and prints the result as JSON. Spawned with NODE_EXTRA_CA_CERTS pointing at
 * the mock's CA, the way a user trusts it.
 */
import { collectAll, type CollectOptions } from './graph-api.client.ts';

const jobs = JSON.parse(process.argv[2] ?? '[]') as CollectOptions[];
const results = [];
for (const job of jobs) {
  try {
    results.push({ ok: true, result: await collectAll(job) });
  } catch (e) {
    const err = e as { message?: string; statusCode?: number; code?: string; body?: unknown };
    results.push({ ok: false, error: { message: String(err.message), statusCode: err.statusCode, code: err.code } });
  }
}
process.stdout.write(JSON.stringify(results));
