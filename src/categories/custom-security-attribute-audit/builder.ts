/**
 * Custom security attribute audit events (Graph beta `customSecurityAttributeAudit`: the
 * directoryAudit shape minus performedBy, graph-api.md §6). Always category
 * `AttributeManagement`, logged by "Core Directory"; these events are not in AuditLogs.
 *
 * Shape per Microsoft's beta example: user initiator with displayName null, additionalDetails
 * User-Agent, targets with "Included Updated Properties" / "TargetId.UserType".
 * Modified-property names for attribute values (`<set>.<attribute>`) are a guess: no public
 * sample shows them.
 */
import type { BuildContext } from '../../core/activity.ts';
import { stableUuid } from '../../core/random.ts';
import type { User } from '../../tenant/types.ts';
import { ATTRIBUTE_SETS, CSA_ACTIVITIES, type AttributeDefinitionRow, type AttributeSetRow, type CsaActivityName } from '../../data/custom-security-attributes.ts';
import { pickAdmin, userIp } from '../audit/actors.ts';
import { AuditEmitter } from '../audit/emit.ts';
import { auditLookups, randomMember, resolveApp } from '../audit/lookups.ts';
import type { AuditModifiedProperty, AuditResult, AuditTarget, DirectoryAuditActivity } from '../audit/model.ts';

export interface CustomSecurityAttributeAuditSpec {
  readonly activity?: CsaActivityName;
  /** The admin acting (tenant user index). */
  readonly initiator?: { readonly user: number; readonly ipAddress?: string };
  /** Assignment target: a user index or an application (display name / appId). */
  readonly target?: { readonly user?: number; readonly app?: string };
  readonly attributeSet?: string;
  readonly attribute?: string;
  /** New attribute value (assignments). */
  readonly value?: string;
  readonly result?: AuditResult;
  readonly resultReason?: string;
  readonly correlationId?: string;
}

/** Attribute Assignment Administrator, then Global Administrator. */
const ATTRIBUTE_ADMIN_ROLES = ['58a13ea3-c632-46ae-9ee0-9c0d43cd7f3d', '62e90394-69f5-4237-9190-012177145e10'];

const MIX = CSA_ACTIVITIES.map((r) => [r, r.weight] as const);

const js = JSON.stringify;
const mp = (displayName: string, oldValue: string | null, newValue: string | null): AuditModifiedProperty => ({ displayName, oldValue, newValue });

function pickSet(ctx: BuildContext, name?: string): AttributeSetRow {
  if (name === undefined) return ctx.rng.pick(ATTRIBUTE_SETS);
  return ATTRIBUTE_SETS.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? { name, description: name, attributes: [{ name: 'Value', type: 'String', isCollection: false, values: ['true'] }] };
}

function pickAttribute(ctx: BuildContext, set: AttributeSetRow, name?: string): AttributeDefinitionRow {
  if (name === undefined) return ctx.rng.pick(set.attributes);
  return set.attributes.find((a) => a.name.toLowerCase() === name.toLowerCase()) ?? { name, type: 'String', isCollection: false, values: ['true'] };
}

function valueProps(ctx: BuildContext, set: AttributeSetRow, attr: AttributeDefinitionRow, forced?: string): AuditModifiedProperty[] {
  const key = `${set.name}.${attr.name}`;
  const next = forced ?? ctx.rng.pick(attr.values);
  const hadValue = ctx.rng.bool(0.4);
  const prev = hadValue ? attr.values.find((v) => v !== next) ?? null : null;
  const enc = (v: string): string => (attr.isCollection ? js([v]) : js(v));
  return [mp(key, prev === null ? (attr.isCollection ? '[]' : null) : enc(prev), enc(next)), mp('Included Updated Properties', null, js(key))];
}

function definitionProps(set: AttributeSetRow, attr: AttributeDefinitionRow, add: boolean): AuditModifiedProperty[] {
  if (!add) return [mp('Status', js('Available'), js('Deprecated')), mp('Included Updated Properties', null, js('Status'))];
  return [
    mp('AttributeSet', null, js(set.name)),
    mp('Name', null, js(attr.name)),
    mp('Type', null, js(attr.type)),
    mp('IsCollection', null, js(attr.isCollection)),
    mp('IsSearchable', null, js(true)),
    mp('Status', null, js('Available')),
    mp('UsePreDefinedValuesOnly', null, js(attr.values.length > 0)),
    mp('Included Updated Properties', null, js('AttributeSet, Name, Type, IsCollection, IsSearchable, Status, UsePreDefinedValuesOnly')),
  ];
}

/** One custom-security-attribute audit record at `time`. */
export function buildCustomSecurityAttributeAudit(ctx: BuildContext, time: number, spec: CustomSecurityAttributeAuditSpec = {}): DirectoryAuditActivity[] {
  const { rng, tenant } = ctx;
  const row = spec.activity ? CSA_ACTIVITIES.find((r) => r.name === spec.activity) : rng.weighted(MIX);
  if (!row) throw new RangeError(`unknown custom security attribute activity ${JSON.stringify(spec.activity)}`);
  const admin: User = spec.initiator ? tenant.user(spec.initiator.user) : pickAdmin(rng, tenant, ATTRIBUTE_ADMIN_ROLES);
  const ip = spec.initiator?.ipAddress ?? userIp(rng, tenant, admin);
  const set = pickSet(ctx, spec.attributeSet);
  const attr = pickAttribute(ctx, set, spec.attribute);
  let target: AuditTarget;
  switch (row.name) {
    case 'Update attribute values assigned to a user': {
      const user = spec.target?.user !== undefined ? tenant.user(spec.target.user) : randomMember(rng, tenant);
      target = {
        id: user.id,
        displayName: null,
        type: 'User',
        userPrincipalName: user.directoryUpn,
        modifiedProperties: [...valueProps(ctx, set, attr, spec.value), mp('TargetId.UserType', null, js(user.userType))],
      };
      break;
    }
    case 'Update attribute values assigned to a servicePrincipal': {
      const lookups = auditLookups(tenant);
      const app = spec.target?.app !== undefined ? resolveApp(tenant, spec.target.app) : rng.pick(lookups.tenantApps);
      target = { id: app.servicePrincipalId, displayName: app.displayName, type: 'ServicePrincipal', modifiedProperties: valueProps(ctx, set, attr, spec.value) };
      break;
    }
    case 'Add custom security attribute definition in an attribute set':
    case 'Update custom security attribute definition in an attribute set':
      target = {
        id: stableUuid(`${tenant.id}/csa-definition/${set.name}_${attr.name}`),
        displayName: null,
        type: 'Other',
        modifiedProperties: definitionProps(set, attr, row.operationType === 'Add'),
      };
      break;
    default:
      target = {
        id: stableUuid(`${tenant.id}/csa-set/${set.name}`),
        displayName: null,
        type: 'Other',
        modifiedProperties:
          row.operationType === 'Add'
            ? [mp('Description', null, js(set.description)), mp('MaxAttributesPerSet', null, js(25)), mp('Included Updated Properties', null, js('Description, MaxAttributesPerSet'))]
            : [mp('Description', js(set.description), js(`${set.description} (reviewed)`)), mp('Included Updated Properties', null, js('Description'))],
      };
  }
  const em = new AuditEmitter(ctx, time, spec.correlationId ?? rng.uuid(), 'CustomSecurityAttributeAuditLogs', {
    result: spec.result,
    resultReason: spec.resultReason,
  });
  em.emit({
    name: row.name,
    row: { category: 'AttributeManagement', service: 'Core Directory', operationType: row.operationType },
    actor: {
      // Microsoft's example: the admin's id, UPN and IP, displayName null.
      initiatedBy: {
        kind: 'user',
        id: admin.id,
        displayName: null,
        userPrincipalName: admin.directoryUpn,
        ipAddress: ip,
        homeTenantId: admin.homeTenantId,
        homeTenantName: admin.homeTenantName,
      },
      callerIpAddress: ip,
      identity: null,
      userAgent: admin.devices[0]!.userAgent,
      user: admin,
      actorProperties: [],
    },
    targets: [target],
    details: [{ key: 'User-Agent', value: admin.devices[0]!.userAgent }],
    primary: true,
  });
  return em.records;
}
