import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { laColumns } from '../src/schemas/index.ts';
import { CsvParser, parseCsv } from '../src/validate/csv.ts';
import { convertCell, elementLines, entityFromContext, runValidate, validatePaths, type Problem } from '../src/validate/index.ts';
import { audit, riskyUser, signIn } from './schemas.fixtures.ts';

async function run(paths: string[]): Promise<{ code: number; lines: string[] }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const code = await runValidate(paths, out);
  return { code, lines: Buffer.concat(chunks).toString('utf8').split('\n').filter((l) => l !== '') };
}

const graphSignIn = { id: 'a', createdDateTime: '2021-06-30T16:34:32Z', userId: 'u', servicePrincipalId: '' };
const graphAudit = {
  id: 'x',
  activityDateTime: '2024-01-07T19:02:30.433478Z',
  activityDisplayName: 'Update user',
  category: 'UserManagement',
  initiatedBy: { user: { id: 'u' } },
};

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v, null, 2);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function auditCsv(): string {
  const cols = laColumns('AuditLogs').filter((c) => !c.hidden);
  const row = (over: Record<string, unknown>): string =>
    cols
      .map((c) => {
        const base: Record<string, unknown> = {
          TenantId: '11111111-2222-3333-4444-555555555555',
          SourceSystem: 'Azure AD',
          TimeGenerated: '2025-04-11T08:15:53.1234567Z',
          Type: 'AuditLogs',
          DurationMs: '0',
          InitiatedBy: { user: { id: 'u', userPrincipalName: 'joe@contoso.com' } },
          TargetResources: [{ id: 't', modifiedProperties: [] }],
          OperationName: 'Update user, "quoted"',
        };
        return csvCell(c.name in over ? over[c.name] : base[c.name]);
      })
      .join(',');
  return [cols.map((c) => c.name).join(','), row({}), row({ DurationMs: 'abc' })].join('\r\n') + '\r\n';
}

describe('entrasim validate', () => {
  let dir: string;
  let good: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'entrasim-validate-'));
    good = join(dir, 'good');
    mkdirSync(join(good, 'graph', 'v1.0'), { recursive: true });
    mkdirSync(join(dir, 'bad'), { recursive: true });
    // storage PT1H.json: JSON Lines with CRLF
    writeFileSync(join(good, 'PT1H.json'), [signIn(), audit(), riskyUser()].map((r) => JSON.stringify(r)).join('\r\n') + '\r\n');
    // Graph page, pretty-printed, version from @odata.context
    writeFileSync(
      join(good, 'graph', 'v1.0', 'page.json'),
      JSON.stringify({ '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#auditLogs/directoryAudits', value: [graphAudit, graphAudit] }, null, 2),
    );
    writeFileSync(join(good, 'notes.txt'), 'not scanned: unknown extension\n');
    writeFileSync(join(good, '.hidden.json'), 'not scanned: dot file\n');

    const bad = join(dir, 'bad');
    // Event Hubs bodies, one per line; the 2nd record has resultType as a number
    writeFileSync(join(bad, 'eventhub.json'), JSON.stringify({ records: [signIn(), { ...signIn(), resultType: 50126 }] }) + '\n');
    // Graph NDJSON named after the entity type; line 2 lacks userId
    writeFileSync(join(bad, 'signIn.ndjson'), JSON.stringify(graphSignIn) + '\n' + JSON.stringify({ ...graphSignIn, userId: undefined }) + '\n');
    // Graph page with a bad second item
    writeFileSync(
      join(bad, 'page.json'),
      JSON.stringify({ '@odata.context': 'https://graph.microsoft.com/beta/$metadata#auditLogs/signIns', value: [graphSignIn, { ...graphSignIn, riskLevelAggregated: 'severe' }] }, null, 2),
    );
    // LA CSV with quoted multi-line JSON cells; the 2nd row has a non-numeric DurationMs
    writeFileSync(join(bad, 'AuditLogs.csv'), auditCsv());
    // LA NDJSON rows carrying Type
    writeFileSync(join(bad, 'rows.ndjson'), JSON.stringify({ Type: 'AADRiskyUsers', Id: 'x' }) + '\n');
    // not JSON at all
    writeFileSync(join(bad, 'junk.json'), 'this is not json\n{"also": broken\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a directory of valid files exits 0', async () => {
    const { code, lines } = await run([good]);
    expect(lines).toEqual(['5 records checked in 2 files, 0 invalid']);
    expect(code).toBe(0);
  });

  it('reports file, line and pointer for each problem and exits 1', async () => {
    const { code, lines } = await run([join(dir, 'bad')]);
    const bad = join(dir, 'bad');
    expect(code).toBe(1);
    expect(lines).toContain(`${join(bad, 'eventhub.json')}:1 /records/1/resultType must be string (got integer 50126)`);
    expect(lines).toContain(`${join(bad, 'signIn.ndjson')}:2 /userId required property is missing`);
    // pretty-printed page: the line where value[1] starts
    expect(lines.some((l) => l.startsWith(`${join(bad, 'page.json')}:10 /value/1/riskLevelAggregated must be one of`))).toBe(true);
    // CSV row 2 starts after the header (line 1) and the multi-line first row
    const csvLine = lines.find((l) => l.includes('AuditLogs.csv'));
    expect(csvLine).toMatch(/AuditLogs\.csv:\d+ \/DurationMs must be integer or null \(got string "abc"\)$/);
    expect(Number(/:(\d+) /.exec(csvLine ?? '')?.[1])).toBeGreaterThan(3);
    expect(lines).toContain(`${join(bad, 'rows.ndjson')}:1 /TenantId required property is missing`);
    expect(lines.filter((l) => l.includes('junk.json')).map((l) => l.split(' ')[0])).toEqual([`${join(bad, 'junk.json')}:1`, `${join(bad, 'junk.json')}:2`]);
    expect(lines.find((l) => l.includes('junk.json'))).toContain('(root) not valid JSON');
    expect(lines[lines.length - 1]).toBe('11 records checked in 6 files, 7 invalid');
  });

  it('a non-JSON file named explicitly gives a problem, not a crash', async () => {
    const f = join(good, 'notes.txt');
    const { code, lines } = await run([f]);
    expect(code).toBe(1);
    expect(lines[0]).toMatch(/notes\.txt:1 \(root\) not valid JSON/);
    expect(lines[1]).toBe('1 records checked in 1 files, 1 invalid');
  });

  it('a missing path is a usage error: exit 2, one line, no stack trace', async () => {
    const { code, lines } = await run([join(dir, 'nope')]);
    expect(code).toBe(2);
    expect(lines).toEqual([`entrasim validate: no such file or directory: ${join(dir, 'nope')}`]);
    expect((await run([])).code).toBe(2);
  });

  it('validatePaths yields problems and returns the summary', async () => {
    const it = validatePaths([join(dir, 'bad', 'signIn.ndjson')]);
    const problems: Problem[] = [];
    for (;;) {
      const r = await it.next();
      if (r.done) {
        expect(r.value).toEqual({ files: 1, records: 2, invalid: 1, problems: 1 });
        break;
      }
      problems.push(r.value);
    }
    expect(problems).toEqual([{ file: join(dir, 'bad', 'signIn.ndjson'), line: 2, pointer: '/userId', message: 'required property is missing' }]);
  });
});

describe('validate helpers', () => {
  it('infers the entity type from @odata.context', () => {
    expect(entityFromContext('https://graph.microsoft.com/beta/$metadata#auditLogs/signIns')).toEqual({ entityType: 'signIn', version: 'beta' });
    expect(entityFromContext("https://graph.microsoft.com/beta/$metadata#identityProtection/riskyUsers('41a31b00')/history")).toEqual({
      entityType: 'riskyUserHistoryItem',
      version: 'beta',
    });
    expect(entityFromContext("https://graph.microsoft.com/beta/$metadata#riskyUsers('41a31b00')/history")).toEqual({ entityType: 'riskyUserHistoryItem', version: 'beta' });
    expect(entityFromContext('https://graph.microsoft.com/v1.0/$metadata#auditlogs/directoryaudits')).toEqual({ entityType: 'directoryAudit', version: 'v1.0' });
    expect(entityFromContext('https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns(id,createdDateTime)/$entity')).toEqual({ entityType: 'signIn', version: 'v1.0' });
    expect(entityFromContext('https://graph.microsoft.com/beta/networkAccess/logs/$metadata#traffic')).toEqual({ entityType: 'networkAccessTraffic', version: 'beta' });
    expect(entityFromContext('https://graph.microsoft.com/v1.0/$metadata#riskyServicePrincipal')).toEqual({ entityType: 'riskyServicePrincipal', version: 'v1.0' });
    expect(entityFromContext('https://graph.microsoft.com/v1.0/$metadata#users')).toBeUndefined();
  });

  it('parses RFC 4180 CSV across chunk boundaries', () => {
    const text = 'a,b,c\r\n1,"x, ""y""\nz",\r\n"",2,3\n\nlast,"unterminated';
    const whole = parseCsv(text);
    const p = new CsvParser();
    const split = [...text].flatMap((ch) => p.push(ch)).concat(p.end());
    expect(split).toEqual(whole);
    expect(whole).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x, "y"\nz', ''] },
      { line: 4, fields: ['', '2', '3'] },
      { line: 6, fields: ['last', 'unterminated'], unterminated: true },
    ]);
  });

  it('converts CSV cells by Kusto type', () => {
    expect(convertCell('True', 'bool')).toBe(true);
    expect(convertCell('', 'bool')).toBeNull();
    expect(convertCell('42', 'long')).toBe(42);
    expect(convertCell('4.5', 'real')).toBe(4.5);
    expect(convertCell('{"a":1}', 'dynamic')).toEqual({ a: 1 });
    expect(convertCell('plain', 'dynamic')).toBe('plain');
    expect(convertCell('', 'string')).toBe('');
    expect(convertCell('', 'datetime')).toBeNull();
    expect(convertCell('x', 'int')).toBe('x');
  });
});

describe('elementLines', () => {
  it('finds the start line of each element of value/records/root arrays', () => {
    const text = JSON.stringify({ '@odata.context': 'x [', value: [{ a: '"]' }, { b: [1, 2] }, 3] }, null, 2);
    expect(elementLines(text).get('/value')).toEqual([4, 7, 13]);
    expect(elementLines('[\n{"records":[]},\n\n2]').get('')).toEqual([2, 4]);
    expect(elementLines('{"records": [\n{},\n{}]}').get('/records')).toEqual([2, 3]);
  });
});
