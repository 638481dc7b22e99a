/**
 * Read-only resources: the log categories a tenant can route (`diagnosticSettingsCategories`)
 * and the provider's operation list. The spec's own category examples were copied from
 * Azure Monitor (notes README §4), so the item shape here follows the setting resource:
 * id without leading slash, `type` "".
 */
import { CATEGORIES } from '../../core/categories.ts';

export interface CategoryResource {
  readonly id: string;
  readonly name: string;
  readonly type: '';
  readonly properties: { readonly categoryType: 'Logs' };
}

export function categoryResources(names: readonly string[]): { readonly value: readonly CategoryResource[] } {
  return {
    value: names.map((name) => ({
      id: `providers/microsoft.aadiam/diagnosticSettingsCategories/${name}`,
      name,
      type: '',
      properties: { categoryType: 'Logs' },
    })),
  };
}

/** The 16 categories entrasim generates; `extra` adds names the live service also accepts. */
export function categoryNames(extra: readonly string[] = []): readonly string[] {
  const names: string[] = [...CATEGORIES];
  for (const name of extra) if (!names.some((n) => n.toLowerCase() === name.toLowerCase())) names.push(name);
  return names;
}

interface Operation {
  readonly name: string;
  readonly display: {
    readonly publisher: string;
    readonly provider: string;
    readonly resource: string;
    readonly operation: string;
    readonly description: string;
  };
  readonly origin: string;
  readonly properties: Record<string, never>;
}

function op(name: string, resource: string, operation: string, description: string): Operation {
  return {
    name,
    display: { publisher: 'Microsoft', provider: 'Azure Active Directory', resource, operation, description },
    origin: 'user,system',
    properties: {},
  };
}

/** OperationsDiscoveryCollection for the operations this API serves. */
export function operationsList(): { readonly value: readonly Operation[] } {
  return {
    value: [
      op('microsoft.aadiam/diagnosticSettings/read', 'Diagnostic Settings', 'Read diagnostic setting', 'Reads the diagnostic settings of the tenant.'),
      op('microsoft.aadiam/diagnosticSettings/write', 'Diagnostic Settings', 'Write diagnostic setting', 'Creates or updates a diagnostic setting of the tenant.'),
      op('microsoft.aadiam/diagnosticSettings/delete', 'Diagnostic Settings', 'Delete diagnostic setting', 'Deletes a diagnostic setting of the tenant.'),
      op(
        'microsoft.aadiam/diagnosticSettingsCategories/read',
        'Diagnostic Settings Categories',
        'Read diagnostic settings categories',
        'Lists the log categories that diagnostic settings can route.',
      ),
      op('microsoft.aadiam/operations/read', 'Operations', 'Read operations', 'Lists the operations of the microsoft.aadiam provider.'),
    ],
  };
}
