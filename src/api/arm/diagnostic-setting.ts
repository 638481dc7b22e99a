/**
 * The `microsoft.aadiam/diagnosticSettings` resource: types, request validation and the
 * response shape. Shapes follow the spec examples exactly (id without a leading slash,
 * `type` ""). Error codes and texts: the ones observed on Azure Monitor where known
 * (notes §C and public issue threads); the rest are marked "[unverified]" and follow
 * ARM's style.
 */
import { ArmRequestError, badRequest, invalidContent } from './errors.ts';
import { parseResourceId } from './resource-id.ts';

export interface RetentionPolicy {
  readonly enabled: boolean;
  readonly days: number;
}

export interface LogSettings {
  readonly category: string;
  readonly enabled: boolean;
  readonly retentionPolicy: RetentionPolicy;
}

/** Destination ids are kept exactly as the client sent them (`""` and `null` included) so GET echoes PUT. */
export interface DiagnosticSettingProperties {
  readonly storageAccountId?: string | null;
  readonly serviceBusRuleId?: string | null;
  readonly workspaceId?: string | null;
  readonly eventHubAuthorizationRuleId?: string | null;
  readonly eventHubName?: string | null;
  readonly logs: readonly LogSettings[];
}

export interface DiagnosticSetting {
  readonly name: string;
  readonly properties: DiagnosticSettingProperties;
}

export interface DiagnosticSettingResource extends DiagnosticSetting {
  readonly id: string;
  readonly type: '';
}

/** Destination properties in the order the spec (and its examples) list them. */
const DESTINATION_KEYS = ['storageAccountId', 'serviceBusRuleId', 'workspaceId', 'eventHubAuthorizationRuleId', 'eventHubName'] as const;
type DestinationKey = (typeof DESTINATION_KEYS)[number];

export const SETTINGS_ID_PREFIX = 'providers/microsoft.aadiam/diagnosticSettings/';

export function toResource(setting: DiagnosticSetting): DiagnosticSettingResource {
  return { id: SETTINGS_ID_PREFIX + setting.name, type: '', name: setting.name, properties: setting.properties };
}

/** A destination property that is set (not absent, null or empty). */
export function destinationValue(properties: DiagnosticSettingProperties, key: DestinationKey): string | undefined {
  const value = properties[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

// Microsoft.Insights diagnosticSettings naming rule (Azure resource-name rules page): 1–260 characters,
// none of *<>%{}&:\?/#| or control characters, no trailing space or period.
const FORBIDDEN_NAME_CHARS = /[*<>%{}&:\\?/#|\u0000-\u001f\u007f]/;

export function validateSettingName(name: string): void {
  const problem =
    name.length === 0
      ? 'it is empty'
      : name.length > 260
        ? 'it is longer than 260 characters'
        : FORBIDDEN_NAME_CHARS.test(name)
          ? "it contains one of the characters '*<>%{}&:\\?/#|' or a control character"
          : /[ .]$/.test(name)
            ? 'it ends with a space or a period'
            : undefined;
  // [unverified] code/text for aadiam; ARM's generic code for bad names.
  if (problem) throw new ArmRequestError(400, 'InvalidResourceName', `The resource name '${name}' is invalid: ${problem}.`);
}

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
type JsonRecord = { [key: string]: JsonValue };

const isRecord = (v: unknown): v is JsonRecord => typeof v === 'object' && v !== null && !Array.isArray(v);

function typeName(v: unknown): string {
  if (v === null) return 'Null';
  if (Array.isArray(v)) return 'Array';
  return { string: 'String', number: 'Integer', boolean: 'Boolean', object: 'Object' }[typeof v as 'string'] ?? 'Unknown';
}

function wrongType(path: string, value: unknown, expected: string): ArmRequestError {
  return invalidContent(`Unexpected ${typeName(value)} where ${expected} was expected. Path '${path}'`);
}

/** Allowed resource types per destination property (lower case). */
const ALLOWED_TYPES: Readonly<Record<Exclude<DestinationKey, 'eventHubName'>, readonly string[]>> = {
  storageAccountId: ['microsoft.storage/storageaccounts'],
  workspaceId: ['microsoft.operationalinsights/workspaces'],
  // Namespace-level rules as Azure Monitor requires, plus the hub-level form the aadiam spec
  // examples themselves use (notes §C, POLICY-351).
  eventHubAuthorizationRuleId: [
    'microsoft.eventhub/namespaces/authorizationrules',
    'microsoft.servicebus/namespaces/authorizationrules',
    'microsoft.eventhub/namespaces/eventhubs/authorizationrules',
  ],
  serviceBusRuleId: ['microsoft.servicebus/namespaces/authorizationrules', 'microsoft.eventhub/namespaces/authorizationrules'],
};

function checkDestinationId(key: Exclude<DestinationKey, 'eventHubName'>, value: string): void {
  const id = parseResourceId(value);
  if (!id) {
    // ARM's message for a malformed linked id.
    throw new ArmRequestError(
      400,
      'LinkedInvalidPropertyId',
      `Property id '${value}' at path 'properties.${key}' is invalid. Expect fully qualified resource Id that start with '/subscriptions/{subscriptionId}' or '/providers/{resourceProviderNamespace}/'.`,
    );
  }
  const allowed = ALLOWED_TYPES[key];
  if (!allowed.includes(id.type)) {
    // Azure Monitor's text for a wrong destination type (azure-policy#351).
    throw badRequest(
      `Resource type '${id.type}' is invalid for property 'properties.${key}'. Expected types are '${allowed.join("', '")}'`,
    );
  }
}

export interface ParseOptions {
  /** Lower-case category names the tenant accepts. */
  readonly categories: ReadonlySet<string>;
}

/** Parses and validates a PUT body into the properties to store; throws ArmRequestError. */
export function parseSettingRequest(body: string, options: ParseOptions): DiagnosticSettingProperties {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (err) {
    throw invalidContent(body.trim() === '' ? 'The request body is empty' : (err as Error).message);
  }
  if (!isRecord(parsed)) throw wrongType('', parsed, 'Object');
  const props = parsed['properties'];
  if (props === undefined || props === null) throw invalidContent("Required property 'properties' not found in JSON. Path ''");
  if (!isRecord(props)) throw wrongType('properties', props, 'Object');

  const out: { -readonly [K in DestinationKey]?: string | null } = {};
  for (const key of DESTINATION_KEYS) {
    if (!(key in props)) continue;
    const value = props[key];
    if (value !== null && typeof value !== 'string') throw wrongType(`properties.${key}`, value, 'String');
    out[key] = value;
  }

  const rawLogs = props['logs'] ?? [];
  if (!Array.isArray(rawLogs)) throw wrongType('properties.logs', rawLogs, 'Array');
  const logs = rawLogs.map((item, i) => parseLogSettings(item, `properties.logs[${i}]`));

  // Semantic checks, after the shape is known to be right.
  const seen = new Set<string>();
  for (const log of logs) {
    const lower = log.category.toLowerCase();
    // Azure Monitor's text for an unknown category.
    if (!options.categories.has(lower)) throw badRequest(`Category '${log.category}' is not supported.`);
    // [unverified] text.
    if (seen.has(lower)) throw badRequest(`Category '${log.category}' is specified more than once.`);
    seen.add(lower);
    // Azure Monitor's text since Sep 2023 (notes §C, RETENTION).
    if (log.retentionPolicy.enabled) throw badRequest('Diagnostic settings does not support retention for new diagnostic settings.');
  }

  const result: DiagnosticSettingProperties = { ...out, logs };
  for (const key of ['storageAccountId', 'workspaceId', 'eventHubAuthorizationRuleId', 'serviceBusRuleId'] as const) {
    const value = destinationValue(result, key);
    if (value !== undefined) checkDestinationId(key, value);
  }
  const eventHub = destinationValue(result, 'eventHubAuthorizationRuleId');
  const serviceBus = destinationValue(result, 'serviceBusRuleId');
  // The spec allows one destination of each type; serviceBusRuleId is the legacy spelling of the
  // event-hub destination, so both at once would be two. [unverified] text.
  if (eventHub && serviceBus) {
    throw badRequest("Only one event hub destination is allowed: set either 'eventHubAuthorizationRuleId' or the legacy 'serviceBusRuleId'.");
  }
  if (!eventHub && !serviceBus && !destinationValue(result, 'storageAccountId') && !destinationValue(result, 'workspaceId')) {
    // [unverified] text.
    throw badRequest('At least one destination must be specified: a storage account, an event hub or a Log Analytics workspace.');
  }
  const hubName = destinationValue(result, 'eventHubName');
  if (hubName !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]{0,255}$/.test(hubName)) {
    // Event hub naming rule (letters, digits, periods, hyphens, underscores; starts with a letter or digit). [unverified] text.
    throw badRequest(`The event hub name '${hubName}' is invalid.`);
  }
  return result;
}

function parseLogSettings(item: unknown, path: string): LogSettings {
  if (!isRecord(item)) throw wrongType(path, item, 'Object');
  const category = item['category'];
  if (category === undefined || category === null) throw invalidContent(`Required property 'category' not found in JSON. Path '${path}'`);
  if (typeof category !== 'string') throw wrongType(`${path}.category`, category, 'String');
  const enabled = item['enabled'];
  // `enabled` is the one required member of LogSettings in the spec.
  if (enabled === undefined) throw invalidContent(`Required property 'enabled' not found in JSON. Path '${path}'`);
  if (typeof enabled !== 'boolean') throw wrongType(`${path}.enabled`, enabled, 'Boolean');
  const retention = item['retentionPolicy'];
  let retentionPolicy: RetentionPolicy = { enabled: false, days: 0 };
  if (retention !== undefined && retention !== null) {
    if (!isRecord(retention)) throw wrongType(`${path}.retentionPolicy`, retention, 'Object');
    const rEnabled = retention['enabled'];
    const days = retention['days'];
    if (rEnabled === undefined) throw invalidContent(`Required property 'enabled' not found in JSON. Path '${path}.retentionPolicy'`);
    if (typeof rEnabled !== 'boolean') throw wrongType(`${path}.retentionPolicy.enabled`, rEnabled, 'Boolean');
    if (days === undefined) throw invalidContent(`Required property 'days' not found in JSON. Path '${path}.retentionPolicy'`);
    if (typeof days !== 'number' || !Number.isInteger(days)) throw wrongType(`${path}.retentionPolicy.days`, days, 'Integer');
    if (days < 0) throw badRequest(`The retention days value '${days}' at '${path}.retentionPolicy.days' must be 0 or greater.`);
    retentionPolicy = { enabled: rEnabled, days };
  }
  return { category, enabled, retentionPolicy };
}
