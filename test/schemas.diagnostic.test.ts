import { describe, expect, it } from 'vitest';
import { laColumns, loadSchemas, validateRecord } from '../src/schemas/index.ts';
import { RID, TENANT, audit, riskyUser, signIn } from './schemas.fixtures.ts';

const pointers = (category: string, rec: unknown): string[] => validateRecord('diagnostic', category, rec).map((p) => p.pointer);

describe('diagnostic sign-in records', () => {
  it('a 2025 interactive sign-in validates', () => {
    expect(validateRecord('diagnostic', 'SignInLogs', signIn())).toEqual([]);
  });
  it('older records: resultSignature None, no location, whole-second time', () => {
    const r = { ...signIn(), resultSignature: 'None', time: '2022-01-24T05:00:03Z' };
    delete (r as Partial<typeof r>).location;
    expect(validateRecord('diagnostic', 'SignInLogs', r)).toEqual([]);
  });
  it('rejects resultType as a number', () => {
    expect(pointers('SignInLogs', { ...signIn(), resultType: 50126 })).toEqual(['/resultType']);
  });
  it('rejects lower-case level on a sign-in', () => {
    expect(pointers('SignInLogs', { ...signIn(), level: 'Informational' })).toEqual(['/level']);
    const { Level: _l, ...noLevel } = signIn();
    expect(pointers('SignInLogs', { ...noLevel, level: 'Informational' })).toEqual(['/Level', '/level']);
  });
  it('rejects a 3-digit fraction in the envelope time and Graph-style nested times are fine', () => {
    expect(pointers('SignInLogs', { ...signIn(), time: '2025-04-11T08:17:55.498Z' })).toEqual(['/time']);
    const r = signIn();
    r.properties.createdDateTime = '2025-04-11T08:15:53.346468Z';
    expect(validateRecord('diagnostic', 'SignInLogs', r)).toEqual([]);
  });
  it('rejects identity as an object, status.errorCode as a string and lower-case userType', () => {
    const r = signIn() as unknown as { identity: unknown; properties: { status: { errorCode: unknown }; userType: string } };
    r.identity = { claim: {} };
    r.properties.status.errorCode = '50126';
    r.properties.userType = 'member';
    expect(pointers('SignInLogs', r)).toEqual(['/identity', '/properties/status/errorCode', '/properties/userType']);
  });
  it('requires properties.id and createdDateTime', () => {
    const r = signIn() as unknown as { properties: Record<string, unknown> };
    delete r.properties.id;
    expect(pointers('SignInLogs', r)).toEqual(['/properties/id']);
  });
  it('managed identity: no callerIpAddress/identity/location, userId null', () => {
    const { callerIpAddress: _c, identity: _i, location: _loc, ...rest } = signIn();
    const mi = { ...rest, category: 'ManagedIdentitySignInLogs', resultType: '0', resultSignature: 'SUCCESS', properties: { ...rest.properties, userId: null } };
    delete (mi as { resultDescription?: string }).resultDescription;
    expect(validateRecord('diagnostic', 'ManagedIdentitySignInLogs', mi)).toEqual([]);
    expect(pointers('ManagedIdentitySignInLogs', { ...mi, callerIpAddress: '10.0.0.1' })).toEqual(['/callerIpAddress']);
    expect(pointers('ManagedIdentitySignInLogs', { ...mi, category: 'SignInLogs' })).toEqual(['/category']);
  });
  it('rejects a non-IP callerIpAddress', () => {
    expect(pointers('SignInLogs', { ...signIn(), callerIpAddress: 'not-an-ip' })).toEqual(['/callerIpAddress']);
  });
});

describe('diagnostic audit records', () => {
  it('a 2025 audit record (no fraction, repeated envelope fields, tenantGeo) validates', () => {
    expect(validateRecord('diagnostic', 'AuditLogs', audit())).toEqual([]);
  });
  it('a 2019 record with level "Informational" validates; both spellings at once do not', () => {
    const { Level: _l, ...old } = audit();
    expect(validateRecord('diagnostic', 'AuditLogs', { ...old, level: 'Informational' })).toEqual([]);
    expect(pointers('AuditLogs', { ...audit(), level: 'Informational' })).toEqual(['']);
  });
  it('has no top-level resultType', () => {
    expect(pointers('AuditLogs', { ...audit(), resultType: '0' })).toEqual(['/resultType']);
  });
  it('additionalInfo-style JSON strings stay strings: oldValue as an array is rejected', () => {
    const r = audit() as unknown as { properties: { targetResources: { modifiedProperties: { oldValue: unknown }[] }[] } };
    r.properties.targetResources[0].modifiedProperties[0].oldValue = [];
    expect(pointers('AuditLogs', r)).toEqual(['/properties/targetResources/0/modifiedProperties/0/oldValue']);
  });
});

describe('diagnostic risk records', () => {
  it('RiskyUsers: US-format time, lower-case provider and identity, unpadded nested hour', () => {
    expect(validateRecord('diagnostic', 'RiskyUsers', riskyUser())).toEqual([]);
    expect(validateRecord('diagnostic', 'RiskyUsers', { ...riskyUser(), Level: 4 })).toEqual([]);
  });
  it('rejects the Microsoft.aadiam casing, ISO time and a capitalised identity on risk records', () => {
    expect(pointers('RiskyUsers', { ...riskyUser(), resourceId: RID })).toEqual(['/resourceId']);
    expect(pointers('RiskyUsers', { ...riskyUser(), time: '2025-04-14T11:35:37.0000000Z' })).toEqual(['/time']);
    expect(pointers('RiskyUsers', { ...riskyUser(), identity: 'Joe Danger' })).toEqual(['/identity']);
    expect(pointers('RiskyUsers', { ...riskyUser(), Level: 'Informational' })).toEqual(['/Level']);
  });
  it('UserRiskEvents: riskDetection with a JSON-string additionalInfo and a 64-hex correlationId', () => {
    const r = {
      ...riskyUser(),
      category: 'UserRiskEvents',
      operationName: 'User Risk Detection',
      callerIpAddress: '198.51.100.4',
      correlationId: 'a'.repeat(64),
      properties: {
        id: 'b'.repeat(64),
        requestId: '1691d37b-8579-43a7-966a-0f35583c1300',
        riskEventType: 'unfamiliarFeatures',
        riskType: 'unfamiliarFeatures',
        detectionTimingType: 'realtime',
        activity: 'signin',
        source: 'IdentityProtection',
        additionalInfo: '[{"Key":"userAgent","Value":"Mozilla/5.0"}]',
        activityDateTime: '2022-09-09T9:59:27.958Z',
        detectedDateTime: '2022-09-09T9:59:27.958Z',
        location: { city: 'Berlin', countryOrRegion: 'DE', geoCoordinates: { latitude: 52.5, longitude: 13.4, altitude: 0 } },
        riskLevel: 'low',
        riskState: 'atRisk',
        riskDetail: 'none',
      },
    };
    expect(validateRecord('diagnostic', 'UserRiskEvents', r)).toEqual([]);
    expect(pointers('UserRiskEvents', { ...r, properties: { ...r.properties, additionalInfo: [{ Key: 'userAgent' }] } })).toEqual(['/properties/additionalInfo']);
  });
});

describe('other diagnostic categories', () => {
  it('MicrosoftGraphActivityLogs: string durationMs, lower-case level, ALL CAPS resourceId', () => {
    const r = {
      time: '2025-04-11T08:17:55.4983200Z',
      resourceId: `/TENANTS/${TENANT.toUpperCase()}/PROVIDERS/MICROSOFT.AADIAM`,
      operationName: 'Microsoft Graph Activity',
      operationVersion: 'v1.0',
      category: 'MicrosoftGraphActivityLogs',
      resultSignature: '200',
      durationMs: '866182',
      callerIpAddress: '20.190.1.2',
      correlationId: '5d295068-919b-4017-85d8-44be2f5f5483',
      level: 'Informational',
      location: 'East US 2',
      properties: {
        requestId: '5d295068-919b-4017-85d8-44be2f5f5483',
        operationId: '5d295068-919b-4017-85d8-44be2f5f5483',
        apiVersion: 'v1.0',
        requestMethod: 'GET',
        requestUri: 'https://graph.microsoft.com/v1.0/users',
        responseStatusCode: 200,
        responseSizeBytes: 1234,
        durationMs: 866182,
        timeGenerated: '2025-04-11T08:15:53.346468Z',
        scopes: 'User.Read.All',
        __UDI_RequiredFields_TenantId: TENANT,
        C_Idtyp: 'app',
      },
      tenantId: TENANT,
    };
    expect(validateRecord('diagnostic', 'MicrosoftGraphActivityLogs', r)).toEqual([]);
    expect(pointers('MicrosoftGraphActivityLogs', { ...r, durationMs: 866182 })).toEqual(['/durationMs']);
    expect(pointers('MicrosoftGraphActivityLogs', { ...r, resourceId: RID })).toEqual(['/resourceId']);
    expect(pointers('MicrosoftGraphActivityLogs', { ...r, properties: { ...r.properties, responseStatusCode: '200' } })).toEqual([
      '/properties/responseStatusCode',
    ]);
  });
  it('ProvisioningLogs: PascalCase nested Id/Name/Type/Status', () => {
    const r = {
      time: '2025-04-11T08:17:55.4983200Z',
      resourceId: RID,
      operationName: 'Provisioning activity',
      operationVersion: '1.0',
      category: 'ProvisioningLogs',
      tenantId: TENANT,
      resultType: 'Skipped',
      durationMs: 1234,
      correlationId: '5d295068-919b-4017-85d8-44be2f5f5483',
      identity: '75cbbf8f-1111-4f62-b5e3-3a7bdbc6b2c6',
      Level: 4,
      properties: {
        id: '75cbbf8f-1111-4f62-b5e3-3a7bdbc6b2c6',
        activityDateTime: '2025-04-11T08:15:53.346468+00:00',
        servicePrincipal: { Id: 'sp', Name: 'Salesforce' },
        initiatedBy: { Type: 'System', Id: '', Name: 'Azure AD Provisioning Service' },
        provisioningStatusInfo: { Status: 'skipped', errorInformation: null },
        statusInfo: { Status: 2 },
        provisioningSteps: [{ name: 'EntryImportAdd', provisioningStepType: 'import', status: 'success', details: { 'Free text key': 'x' } }],
      },
    };
    expect(validateRecord('diagnostic', 'ProvisioningLogs', r)).toEqual([]);
    expect(pointers('ProvisioningLogs', { ...r, resultType: 'Succeeded' })).toEqual(['/resultType']);
    expect(pointers('ProvisioningLogs', { ...r, properties: { ...r.properties, statusInfo: { Status: 3 } } })).toEqual(['/properties/statusInfo/Status']);
  });
  it('unsampled Global Secure Access categories are marked x-unverified and mirror their LA table', () => {
    const schemas = loadSchemas();
    const traffic = schemas.schemas.get('diagnostic/NetworkAccessTrafficLogs.schema.json') as Record<string, unknown>;
    expect(traffic['x-unverified']).toBe(true);
    const props = (traffic.properties as { properties: { 'x-unverified': boolean; properties: Record<string, unknown> } }).properties;
    expect(props['x-unverified']).toBe(true);
    expect(Object.keys(props.properties)).toContain('sourceIp');
    expect(laColumns('NetworkAccessTraffic').some((c) => c.name === 'SourceIp')).toBe(true);
    const r = {
      time: '2025-04-11T08:17:55.4983200Z',
      resourceId: RID,
      operationName: 'Traffic log',
      category: 'NetworkAccessTrafficLogs',
      tenantId: TENANT,
      Level: 4,
      properties: { transactionId: 't-1', sourceIp: '10.1.2.3', sourcePort: 51234, sentBytes: 100 },
    };
    expect(validateRecord('diagnostic', 'NetworkAccessTrafficLogs', r)).toEqual([]);
    expect(pointers('NetworkAccessTrafficLogs', { ...r, properties: { ...r.properties, sourcePort: '51234' } })).toEqual(['/properties/sourcePort']);
    expect(pointers('NetworkAccessTrafficLogs', { ...r, foo: 1 })).toEqual(['/foo']);
  });
});
