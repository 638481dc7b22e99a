/**
 * What `generate` runs when no scenario is named: the built-in enterprise baseline
 * (scenarios/enterprise-baseline.yaml), cut down to a 1,000-user tenant and one day so
 * that a bare `generate` is quick. --users, --start/--end and --count change that.
 */
import { loadScenario } from './load.ts';
import type { Scenario } from './types.ts';

let cached: Scenario | undefined;

export function defaultScenario(): Scenario {
  if (!cached) {
    const base = loadScenario('enterprise-baseline').scenario;
    cached = {
      ...base,
      tenant: { ...base.tenant, users: 1000 },
      traffic: { ...base.traffic, backfill: '1d' },
    };
  }
  return cached;
}
