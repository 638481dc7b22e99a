import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, TABLE_OF } from '../src/core/categories.ts';
import { runCli } from './helpers/cli.ts';

function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

const tmp = (): string => mkdtempSync(join(tmpdir(), 'entrasim-gen-'));

describe('entrasim generate (CLI)', () => {
  it('writes the storage-archive layout, every category, bucketed by envelope hour', async () => {
    const out = tmp();
    const r = await runCli(['generate', '--seed', '3', '--count', '2000', '--start', '2025-06-02T00:00:00Z', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const list = files(out);
    const layout = /^insights-logs-([a-z0-9]+)\/tenantId=([0-9a-f-]{36})\/y=(\d{4})\/m=(\d{2})\/d=(\d{2})\/h=(\d{2})\/m=00\/PT1H\.json$/;
    const seen = new Set<string>();
    let records = 0;
    for (const f of list) {
      const m = layout.exec(f);
      expect(m, f).not.toBeNull();
      seen.add(m![1]!);
      const hour = `${m![3]}-${m![4]}-${m![5]}T${m![6]}`;
      for (const line of readFileSync(join(out, f), 'utf8').split('\n').filter(Boolean)) {
        const rec = JSON.parse(line) as { time: string; category: string };
        records++;
        expect(rec.category.toLowerCase()).toBe(m![1]);
        // Bucketed by arrival: the envelope time's hour (US format for risk records).
        const t = /^\d{4}-/.test(rec.time) ? new Date(rec.time) : new Date(`${rec.time} UTC`);
        expect(t.toISOString().slice(0, 13)).toBe(hour);
      }
    }
    expect(records).toBe(2000);
    expect([...seen].sort()).toEqual(CATEGORIES.map((c) => c.toLowerCase()).sort());
    // Nothing left behind from staging.
    expect(readdirSync(out).filter((e) => e.startsWith('.'))).toEqual([]);
  });

  it('is byte-identical for the same seed and start, different for another seed', async () => {
    const a = tmp();
    const b = tmp();
    const c = tmp();
    const args = ['generate', '--count', '1500', '--start', '2025-06-02T00:00:00Z', '--categories', 'SignInLogs,AuditLogs,UserRiskEvents'];
    expect((await runCli([...args, '--seed', '9', '--out', a])).code).toBe(0);
    expect((await runCli([...args, '--seed', '9', '--out', b])).code).toBe(0);
    expect((await runCli([...args, '--seed', '10', '--out', c])).code).toBe(0);
    const la = files(a);
    expect(la.length).toBeGreaterThan(0);
    expect(files(b)).toEqual(la);
    for (const f of la) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
    const lc = files(c);
    const same = lc.length === la.length && lc.every((f, i) => f === la[i] && readFileSync(join(c, f)).equals(readFileSync(join(a, f))));
    expect(same).toBe(false);
  });

  it('writes Graph NDJSON per entity type and skips categories without a Graph resource', async () => {
    const out = tmp();
    const r = await runCli(['generate', '--count', '1000', '--start', '2025-06-02T00:00:00Z', '--shape', 'graph', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/note: ADFSSignInLogs has no Microsoft Graph beta resource; skipped/);
    expect(r.stderr).toMatch(/MicrosoftGraphActivityLogs has no Microsoft Graph/);
    expect(files(out)).toEqual(
      [
        'customSecurityAttributeAudit.ndjson',
        'directoryAudit.ndjson',
        'networkAccessTraffic.ndjson',
        'provisioningObjectSummary.ndjson',
        'remoteNetworkHealthEvent.ndjson',
        'riskDetection.ndjson',
        'riskyServicePrincipal.ndjson',
        'riskyUser.ndjson',
        'servicePrincipalRiskDetection.ndjson',
        'signIn.ndjson',
      ].sort(),
    );
    const v = await runCli(['validate', out]);
    expect(v.code, v.stdout).toBe(0);
  });

  it('writes Log Analytics tables as NDJSON and CSV that validate', async () => {
    const nd = tmp();
    const csv = tmp();
    const base = ['generate', '--count', '1200', '--start', '2025-06-02T00:00:00Z', '--shape', 'loganalytics'];
    expect((await runCli([...base, '--out', nd])).code).toBe(0);
    expect((await runCli([...base, '--format', 'csv', '--out', csv])).code).toBe(0);
    expect(files(nd)).toEqual(CATEGORIES.map((c) => `${TABLE_OF[c]}.ndjson`).sort());
    expect(files(csv)).toEqual(CATEGORIES.map((c) => `${TABLE_OF[c]}.csv`).sort());
    const header = readFileSync(join(csv, 'SigninLogs.csv'), 'utf8').split('\n')[0]!;
    expect(header.split(',')).toContain('ConditionalAccessPolicies');
    expect(header).not.toContain('_BilledSize');
    const v = await runCli(['validate', nd, csv]);
    expect(v.code, v.stdout.slice(0, 2000)).toBe(0);
    expect(v.stdout).toMatch(/2400 records checked/);
  });

  it('writes JSON documents with --format json (Event Hubs bodies for the diagnostic shape)', async () => {
    const out = tmp();
    const r = await runCli(['generate', '--count', '300', '--start', '2025-06-02T00:00:00Z', '--categories', 'SignInLogs', '--format', 'json', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    let n = 0;
    for (const f of files(out)) {
      const body = JSON.parse(readFileSync(join(out, f), 'utf8')) as { records: unknown[] };
      expect(Object.keys(body)).toEqual(['records']);
      n += body.records.length;
    }
    expect(n).toBe(300);
    expect((await runCli(['validate', out])).code).toBe(0);
  });

  it("streams JSON Lines to stdout with --out -", async () => {
    const r = await runCli(['generate', '--count', '250', '--start', '2025-06-02T00:00:00Z', '--categories', 'AuditLogs', '--out', '-']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(250);
    for (const l of lines) expect((JSON.parse(l) as { category: string }).category).toBe('AuditLogs');
    // Storage serialisation: `{ "time": …` with a space after the brace (notes §B).
    expect(lines[0]!.startsWith('{ "time": "')).toBe(true);
  });

  it('ends quietly when the reader of --out - stops early (| head)', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, ['bin/entrasim.js', 'generate', '--count', '200000', '--start', '2025-06-02T00:00:00Z', '--out', '-'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let gotData = false;
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.once('data', () => {
      gotData = true;
      child.stdout.destroy();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    // The reader really stopped early: output had started before the pipe was closed.
    expect(gotData).toBe(true);
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/EPIPE|\s+at\s/);
  });

  describe('bad input: one line, exit 2, nothing left behind', () => {
    const cases: Array<[string, string[], RegExp]> = [
      ['unknown category', ['--categories', 'SignInLogs,Bogus'], /^entrasim: unknown category 'Bogus'/],
      ['bad date', ['--start', 'yesterday'], /^entrasim: --start is not a valid ISO 8601 date/],
      ['count 0', ['--count', '0'], /^entrasim: --count must be a positive integer, got '0'/],
      ['negative count', ['--count', '-5'], /^entrasim: --count must be a positive integer/],
      ['csv with diagnostic', ['--format', 'csv'], /^entrasim: --format csv applies to the loganalytics shape only/],
      ['unknown shape', ['--shape', 'xml'], /^entrasim: option '--shape <shape>' argument 'xml' is invalid/],
      ['unknown flag', ['--colour'], /^entrasim: unknown option '--colour'/],
      ['end before start', ['--start', '2025-06-02', '--end', '2025-06-01'], /^entrasim: end must be after start/],
      ['unknown scenario', ['--scenario', 'nope'], /^entrasim: nope: no such scenario/],
    ];
    it.each(cases)('%s', async (_name, args, message) => {
      const out = tmp();
      const r = await runCli(['generate', '--count', '100', '--out', out, ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr.trim()).toMatch(message);
      expect(r.stderr).not.toMatch(/\s+at\s/);
      expect(readdirSync(out)).toEqual([]);
    });

    it('an unwritable --out', async () => {
      const dir = tmp();
      const file = join(dir, 'a-file');
      writeFileSync(file, 'x');
      const r = await runCli(['generate', '--count', '10', '--out', join(file, 'sub')]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toMatch(/^entrasim: cannot write to --out .*a-file\/sub: (ENOTDIR|EEXIST)/);
      if (process.getuid?.() !== 0) {
        const ro = tmp();
        chmodSync(ro, 0o500);
        const r2 = await runCli(['generate', '--count', '10', '--out', ro]);
        expect(r2.code).toBe(2);
      }
    });

    it('validate on a non-JSON file reports it and exits non-zero, without a stack trace', async () => {
      const dir = tmp();
      writeFileSync(join(dir, 'junk.ndjson'), 'this is not json\n');
      const r = await runCli(['validate', dir]);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/junk\.ndjson:1/);
      const missing = await runCli(['validate', join(dir, 'missing')]);
      expect(missing.code).toBe(2);
      expect(missing.stderr + missing.stdout).not.toMatch(/\s+at\s/);
    });
  });

  it('lists categories and scenarios', async () => {
    const c = await runCli(['categories']);
    expect(c.code).toBe(0);
    expect(c.stdout).toMatch(/^SignInLogs\s+SigninLogs\s+signIn \(v1\.0, beta\)\s+insights-logs-signinlogs$/m);
    const s = await runCli(['scenarios']);
    expect(s.code).toBe(0);
    expect(s.stdout).toMatch(/^enterprise-baseline\s+An ordinary week/m);
    const show = await runCli(['scenarios', 'show', 'enterprise-baseline']);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/^name: enterprise-baseline$/m);
  });
  void statSync;
});
