import { describe, expect, it } from 'vitest';
import type { Json } from '../src/core/activity.ts';
import { DIRECTORY_AUDITS, PROVISIONING, SIGN_INS } from '../src/api/graph/capabilities.ts';
import { compileFilter } from '../src/api/graph/odata/evaluate.ts';
import { parseFilter } from '../src/api/graph/odata/parser.ts';
import { timeRangeOf } from '../src/api/graph/odata/time-range.ts';
import { FilterSyntaxError, tokenize } from '../src/api/graph/odata/tokenizer.ts';
import { FilterNotSupportedError, mentionsProperty, validateFilter } from '../src/api/graph/odata/validate.ts';
import { schemaOf } from '../src/api/graph/schema/schema.ts';
import { enumSubstituter, lateMembersOf } from '../src/api/graph/schema/evolvable-enums.ts';

const signIn = {
  id: '66ea54eb-6301-4ee5-be62-ff5a759b0100',
  createdDateTime: '2024-03-13T19:15:41.6195833Z',
  userDisplayName: "Ann O'Brien",
  userPrincipalName: 'ann@contoso.com',
  appDisplayName: 'Graph Explorer',
  status: { errorCode: 50126, failureReason: 'Invalid username or password.' },
  location: { city: 'Redmond', state: 'Washington', countryOrRegion: 'US' },
  signInEventTypes: ['nonInteractiveUser'],
  appliedConditionalAccessPolicies: [{ id: 'A1', result: 'success' }, { id: 'b2', result: 'notApplied' }],
  riskLevelDuringSignIn: 'high',
  riskEventTypes_v2: ['unfamiliarFeatures'],
  isInteractive: false,
  deviceDetail: { browser: 'Edge 124.0.0', operatingSystem: 'Windows 10' },
};

function matches(filter: string, item: Json = signIn, caseSensitive = false): boolean {
  return compileFilter(parseFilter(filter), { caseSensitive })(item);
}

function validate(filter: string, version: 'v1.0' | 'beta' = 'beta', entity = 'microsoft.graph.signIn', caps = SIGN_INS): void {
  validateFilter(parseFilter(filter), { schema: schemaOf(version), entityType: entity, capability: caps.filter });
}

describe('$filter tokenizer and parser', () => {
  it('recognises unquoted datetimes, dates, GUIDs, numbers, typed enum literals and escaped quotes', () => {
    const kinds = tokenize(
      "createdDateTime ge 2024-01-01T00:00:00Z and d le 2018-01-24 and id eq 5d295068-919b-4017-85d8-44be2f5f5483 and n eq -12 and r eq microsoft.graph.riskLevel'high' and s eq 'it''s'",
    ).map((t) => t.type);
    expect(kinds.filter((k) => k === 'datetime')).toHaveLength(2);
    expect(kinds).toContain('guid');
    expect(kinds).toContain('number');
    expect(kinds).toContain('enum');
    const ast = parseFilter("userDisplayName eq 'O''Brien'");
    expect(ast).toMatchObject({ kind: 'compare', right: { literal: { kind: 'string', value: "O'Brien" } } });
  });

  it('builds precedence: not > and > or, parentheses override', () => {
    const ast = parseFilter("a eq 1 or b eq 2 and not c eq 3");
    expect(ast.kind).toBe('or');
    if (ast.kind === 'or') expect(ast.right).toMatchObject({ kind: 'and', right: { kind: 'not' } });
    expect(parseFilter('(a eq 1 or b eq 2) and c eq 3').kind).toBe('and');
  });

  it('parses lambdas with range variables and nested paths', () => {
    const ast = parseFilter("appliedConditionalAccessPolicies/any(p: p/id eq 'x') and signInEventTypes/any(t: t eq 'y')");
    expect(ast).toMatchObject({
      kind: 'and',
      left: { kind: 'lambda', op: 'any', variable: 'p', collection: { segments: ['appliedConditionalAccessPolicies'] }, predicate: { left: { variable: 'p', segments: ['id'] } } },
      right: { kind: 'lambda', predicate: { left: { variable: 't', segments: [] } } },
    });
  });

  it('rejects malformed filters with a syntax error', () => {
    for (const bad of ["a eq 'open", 'a eq', '(a eq 1', 'a eq 1)', "startswith(a)", 'a eq 2024-13-01', "a eq 1 and", '']) {
      expect(() => parseFilter(bad), bad).toThrow(FilterSyntaxError);
    }
  });
});

describe('$filter evaluation over Graph JSON', () => {
  it('compares nested paths, numbers and datetimes (7-digit fractions)', () => {
    expect(matches('status/errorCode eq 50126')).toBe(true);
    expect(matches('status/errorCode eq 0')).toBe(false);
    expect(matches('createdDateTime ge 2024-03-13T19:15:41.6195833Z')).toBe(true);
    expect(matches('createdDateTime gt 2024-03-13T19:15:41.6195833Z')).toBe(false);
    expect(matches('createdDateTime le 2024-03-13T19:15:41.61958Z')).toBe(false);
    expect(matches('createdDateTime ge 2024-03-13 and createdDateTime lt 2024-03-14')).toBe(true);
  });

  it('folds case for strings like Graph (not for case-sensitive collections)', () => {
    expect(matches("location/city eq 'REDMOND'")).toBe(true);
    expect(matches("startsWith(appDisplayName, 'graph')")).toBe(true);
    expect(matches("startswith(userDisplayName,'ann o''')")).toBe(true);
    expect(matches("location/city eq 'REDMOND'", signIn, true)).toBe(false);
    expect(matches("contains(userPrincipalName, 'contoso')")).toBe(true);
    expect(matches("endswith(userPrincipalName, '.com')")).toBe(true);
  });

  it('evaluates any/all lambdas, not, or, null and booleans', () => {
    expect(matches("signInEventTypes/any(t: t eq 'nonInteractiveUser')")).toBe(true);
    expect(matches("signInEventTypes/any(t: t ne 'nonInteractiveUser')")).toBe(false);
    expect(matches("appliedConditionalAccessPolicies/any(p: p/id eq 'a1')")).toBe(true);
    expect(matches("appliedConditionalAccessPolicies/all(p: p/result eq 'success')")).toBe(false);
    expect(matches('appliedConditionalAccessPolicies/any()')).toBe(true);
    expect(matches("not (location/city eq 'Paris') and (status/errorCode eq 1 or isInteractive eq false)")).toBe(true);
    expect(matches('correlationId eq null')).toBe(true);
    expect(matches('status/failureReason ne null')).toBe(true);
    expect(matches("riskLevelDuringSignIn eq microsoft.graph.riskLevel'high'")).toBe(true);
  });
});

describe('$filter capabilities per resource', () => {
  it('accepts every documented sign-in form', () => {
    validate("createdDateTime ge 2024-01-01T00:00:00Z and status/errorCode eq 50126");
    validate("signInEventTypes/any(t: t eq 'nonInteractiveUser')");
    validate("signInEventTypes/any(t: t ne 'interactiveUser')");
    validate("appliedConditionalAccessPolicies/any(p: p/id eq 'x')");
    validate("startsWith(location/city, 'Red') and deviceDetail/browser eq 'Edge'");
    validate("riskLevelDuringSignIn eq microsoft.graph.riskLevel'high' or riskState eq 'atRisk'");
    validate('status/errorCode eq 0', 'v1.0');
    validate("initiatedBy/user/id eq 'x' and targetResources/any(t: t/id eq 'y')", 'v1.0', 'microsoft.graph.directoryAudit', DIRECTORY_AUDITS);
    validate("contains(jobId, 'Sync') and activityDateTime gt 2024-01-01", 'v1.0', 'microsoft.graph.provisioningObjectSummary', PROVISIONING);
  });

  it('refuses what Graph refuses', () => {
    const refused: Array<[string, 'v1.0' | 'beta']> = [
      ['status/errorCode ge 1', 'beta'], // GH microsoft-graph-docs#7340: eq only
      ["createdDateTime ge '2021-09-07T00:00:00Z'", 'v1.0'], // GH #14173: quoted datetime
      ["signInEventTypes/any(t: t eq 'x')", 'v1.0'], // no such property in v1.0
      ["signInEventTypes/all(t: t eq 'interactiveUser')", 'beta'],
      ['createdDateTime gt 2024-01-01T00:00:00Z', 'beta'],
      ["userAgent eq 'x' and ipAddress ne '1.2.3.4'", 'beta'],
      ["riskLevelDuringSignIn eq 'extreme'", 'beta'],
      ["contains(userPrincipalName, 'x')", 'beta'],
      ["status eq 'x'", 'beta'],
      ["signInEventTypes eq 'interactiveUser'", 'beta'],
      ["riskLevelDuringSignIn eq microsoft.graph.riskState'atRisk'", 'beta'],
    ];
    for (const [filter, version] of refused) expect(() => validate(filter, version), filter).toThrow(FilterNotSupportedError);
  });

  it('finds signInEventTypes mentions and time bounds', () => {
    expect(mentionsProperty(parseFilter("a eq 1 and signInEventTypes/any(t: t eq 'x')"), 'signInEventTypes')).toBe(true);
    expect(mentionsProperty(parseFilter('a eq 1'), 'signInEventTypes')).toBe(false);
    const range = timeRangeOf(parseFilter('createdDateTime ge 2024-01-01T00:00:00Z and createdDateTime le 2024-01-02T00:00:00.5Z and x eq 1'), 'createdDateTime');
    expect(range).toEqual({ from: Date.UTC(2024, 0, 1), to: Date.UTC(2024, 0, 2) + 500 });
    expect(timeRangeOf(parseFilter('createdDateTime ge 2024-01-01 or x eq 1'), 'createdDateTime')).toEqual({});
  });
});

describe('evolvable enums', () => {
  it('derives the late members from the CSDL', () => {
    expect(lateMembersOf('v1.0', 'microsoft.graph.tokenIssuerType')).toMatchObject({ sentinel: 'UnknownFutureValue' });
    expect([...(lateMembersOf('beta', 'microsoft.graph.riskDetail')?.late ?? [])]).toContain('adminConfirmedAccountSafe');
    expect(lateMembersOf('v1.0', 'microsoft.graph.riskLevel')).toBeUndefined();
  });

  it('replaces members after unknownFutureValue, including flags and nested collections', () => {
    const substitute = enumSubstituter('beta', 'microsoft.graph.signIn')!;
    const input = {
      id: 'x',
      riskDetail: 'adminConfirmedAccountSafe',
      tokenIssuerType: 'NPSExtension',
      authenticationProtocol: 'oAuth2,nativeAuth',
      appliedConditionalAccessPolicies: [{ id: 'a', result: 'reportOnlySuccess' }, { id: 'b', result: 'success' }],
    };
    expect(substitute(input)).toEqual({
      id: 'x',
      riskDetail: 'unknownFutureValue',
      tokenIssuerType: 'UnknownFutureValue',
      authenticationProtocol: 'oAuth2,unknownFutureValue',
      appliedConditionalAccessPolicies: [{ id: 'a', result: 'unknownFutureValue' }, { id: 'b', result: 'success' }],
    });
    const plain = { id: 'y', riskDetail: 'none', appliedConditionalAccessPolicies: [{ id: 'a', result: 'success' }] };
    expect(substitute(plain)).toBe(plain);
    expect(input.riskDetail).toBe('adminConfirmedAccountSafe');
  });
});
