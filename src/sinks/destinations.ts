/**
 * Maps the destination ids in a diagnostic setting (ARM resource ids) to something entrasim
 * can write to: a real Event Hubs namespace or storage account (connection string), or a
 * folder with the same layout for users without Azure. Workspaces are always folders.
 */
import { join } from 'node:path';
import { parseResourceId, segmentName } from '../api/arm/resource-id.ts';
import type { EventHubsTier } from './eventhubs-publisher.ts';

export type EventHubsDestination =
  | { readonly connectionString: string; readonly tier?: EventHubsTier; readonly maxRecordsPerEvent?: number }
  | { readonly folder: string };

export type StorageDestination = { readonly connectionString: string } | { readonly folder: string };

export interface WorkspaceDestination {
  readonly folder: string;
}

export interface DestinationRegistry {
  /**
   * By `eventHubAuthorizationRuleId` (or `serviceBusRuleId`), or by the Event Hubs namespace
   * resource id to cover every rule of the namespace. Ids match case-insensitively.
   */
  readonly eventHubs?: Readonly<Record<string, EventHubsDestination>>;
  /** By `storageAccountId`. */
  readonly storageAccounts?: Readonly<Record<string, StorageDestination>>;
  /** By `workspaceId`; unlisted workspaces get `<dataDir>/workspaces/<workspace name>`. */
  readonly workspaces?: Readonly<Record<string, WorkspaceDestination>>;
}

function lookup<T>(table: Readonly<Record<string, T>> | undefined, ...ids: Array<string | undefined>): T | undefined {
  if (!table) return undefined;
  for (const id of ids) {
    if (id === undefined) continue;
    const lower = id.toLowerCase();
    for (const [key, value] of Object.entries(table)) if (key.toLowerCase() === lower) return value;
  }
  return undefined;
}

/** `/subscriptions/…/providers/Microsoft.EventHub/namespaces/<ns>` of a rule id, if it has one. */
export function namespaceIdOf(ruleId: string): string | undefined {
  const id = parseResourceId(ruleId);
  const ns = id && segmentName(id, 'namespaces');
  if (!id || !ns) return undefined;
  const scope = [id.subscriptionId ? `/subscriptions/${id.subscriptionId}` : '', id.resourceGroup ? `/resourceGroups/${id.resourceGroup}` : ''].join('');
  return `${scope}/providers/${id.provider}/namespaces/${ns}`;
}

/** The hub a hub-level rule id names (`…/eventhubs/<hub>/authorizationrules/<rule>`). */
export function hubOfRule(ruleId: string): string | undefined {
  const id = parseResourceId(ruleId);
  return id ? segmentName(id, 'eventhubs') : undefined;
}

export function resolveEventHubs(registry: DestinationRegistry, ruleId: string): EventHubsDestination | undefined {
  return lookup(registry.eventHubs, ruleId, namespaceIdOf(ruleId));
}

export function resolveStorage(registry: DestinationRegistry, storageAccountId: string): StorageDestination | undefined {
  return lookup(registry.storageAccounts, storageAccountId);
}

/** A directory-safe name: the workspace name from the id, with anything unusual replaced. */
export function workspaceDirName(workspaceId: string): string {
  const id = parseResourceId(workspaceId);
  const name = (id && segmentName(id, 'workspaces')) ?? workspaceId;
  return name.replace(/[^A-Za-z0-9._-]/g, '_');
}

export function resolveWorkspace(registry: DestinationRegistry, workspaceId: string, dataDir: string): WorkspaceDestination {
  return lookup(registry.workspaces, workspaceId) ?? { folder: join(dataDir, 'workspaces', workspaceDirName(workspaceId)) };
}
