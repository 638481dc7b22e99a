import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinScenarios, loadScenario, parseScenario, ScenarioError } from '../src/scenarios/load.ts';

function errorOf(text: string): ScenarioError {
  try {
    parseScenario(text, 'my.yaml');
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw e;
  }
  throw new Error('expected a ScenarioError');
}

describe('scenario files', () => {
  it('every built-in scenario loads and validates', () => {
    const names = builtinScenarios();
    expect(names).toContain('enterprise-baseline');
    for (const name of names) expect(loadScenario(name).scenario.name).toBe(name);
  });

  it('names the file, the line and the field of an unknown field', () => {
    const e = errorOf('name: t\ntenant:\n  users: 10\n  colour: blue\n');
    expect(e.message).toBe("my.yaml:4: tenant.colour: unknown field 'colour'");
  });

  it('names the line of a wrong type deep inside', () => {
    const e = errorOf('name: t\ntraffic:\n  backfill: 7d\n  categories:\n    SignInLogs:\n      perDay: lots\n');
    expect(e.line).toBe(6);
    expect(e.field).toBe('traffic.categories.SignInLogs.perDay');
    expect(e.message).toMatch(/^my\.yaml:6: traffic\.categories\.SignInLogs\.perDay: must be number$/);
  });

  it('rejects an unknown category, a bad licence and a bad curve length', () => {
    expect(errorOf('name: t\ntraffic:\n  categories:\n    SigninLogs: { perDay: 1 }\n').message).toMatch(/^my\.yaml:4: .*unknown field 'SigninLogs'/);
    expect(errorOf('name: t\ntenant: { licence: p3 }\n').message).toMatch(/^my\.yaml:2: tenant\.licence: must be one of "free", "p1", "p2"/);
    expect(errorOf('name: t\ntraffic:\n  hourOfDayRate: [1, 2]\n').line).toBe(3);
  });

  it('rejects an unknown story with its line', () => {
    const e = errorOf('name: t\nstories:\n  - story: password-spray-deluxe\n    at: +1h\n');
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/unknown story 'password-spray-deluxe'/);
  });

  it('reports YAML syntax errors with their line', () => {
    const e = errorOf('name: t\ntenant:\n  users: [1, 2\n');
    // The unclosed flow sequence opens on line 3; the parser may report it at end of input (4).
    expect(e.line).toBeGreaterThanOrEqual(3);
    expect(e.line).toBeLessThanOrEqual(4);
    expect(e.message.startsWith(`my.yaml:${e.line}: `)).toBe(true);
  });

  it('loads a scenario file by path and reports a missing one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'entrasim-scn-'));
    const file = join(dir, 'x.yaml');
    writeFileSync(file, 'name: x\ntenant: { users: 5 }\n');
    expect(loadScenario(file).scenario.tenant?.users).toBe(5);
    expect(() => loadScenario(join(dir, 'missing.yaml'))).toThrow(/no such scenario/);
  });
});
