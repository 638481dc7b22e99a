/** `serve --rate`: live emission at a fixed number of records per second. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../src/scenarios/load.ts';
import { startServe, type RunningServe } from '../src/server/serve.ts';

let server: RunningServe | undefined;
afterAll(async () => server?.close());

describe('serve --rate', () => {
  it('emits live records at the given rate after the backfill', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'entrasim-rate-'));
    server = await startServe({
      scenario: loadScenario('enterprise-baseline').scenario,
      users: 100,
      backfillMs: 5 * 60_000,
      rate: 300,
      port: 0,
      eventHubsPort: false,
      dataDir: join(dir, 'data'),
      outDir: join(dir, 'out'),
    });
    const backfill = await server.backfilled;
    const t0 = performance.now();
    const n0 = server.generated();
    await new Promise((r) => setTimeout(r, 3000));
    const seconds = (performance.now() - t0) / 1000;
    const rate = (server.generated() - n0) / seconds;
    expect(backfill).toBeGreaterThan(0);
    // A token bucket with a one-second burst: 300/s over 3 s, within a burst either way.
    expect(rate).toBeGreaterThan(200);
    expect(rate).toBeLessThan(420);
  });
});
