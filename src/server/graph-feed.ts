/**
 * Feeds the mock Graph API from the same activities every other output emits: each
 * activity is rendered in each Graph version its category has and appended to the
 * source, visible from its envelope (ingestion) time. Risky users and risky service
 * principals also get their history items.
 */
import type { ActivityBase, RenderContext } from '../core/activity.ts';
import { GRAPH_OF, type GraphVersion } from '../core/categories.ts';
import { categoryModule } from '../categories/index.ts';
import { COLLECTION_INFO, collectionOfCategory, type GraphCollection } from '../api/graph/collections.ts';
import type { InMemoryGraphLogSource } from '../api/graph/in-memory-source.ts';
import { toRiskyUserHistoryItem } from '../categories/risky-users/index.ts';
import { toRiskyServicePrincipalHistoryItem } from '../categories/risky-service-principals/index.ts';
import type { RiskyUserActivity } from '../categories/risky-users/activity.ts';
import type { RiskyServicePrincipalActivity } from '../categories/risky-service-principals/activity.ts';
import type { GraphResource } from '../core/activity.ts';
import { planGeneration, type GenerateOptions } from '../engine/generate.ts';
import { backfillActivities } from '../engine/run.ts';

/** Floored epoch ms of a resource's time property: the key the source seeks on. */
function timeKey(resource: GraphResource, property: string, fallback: number): number {
  const v = resource[property];
  const t = typeof v === 'string' ? Date.parse(v) : NaN;
  return Number.isFinite(t) ? Math.floor(t) : fallback;
}

export function feedGraph(source: InMemoryGraphLogSource, activity: ActivityBase, ctx: RenderContext): void {
  const binding = GRAPH_OF[activity.category];
  const collection = collectionOfCategory(activity.category);
  if (!binding || !collection) return;
  const module = categoryModule(activity.category);
  const info = COLLECTION_INFO[collection];
  for (const version of binding.versions) {
    const resource = module.toGraph(activity, version, ctx);
    if (!resource) continue;
    const id = String(resource[info.keyProperty] ?? activity.id);
    source.append(collection, version, {
      time: timeKey(resource, info.timeProperty, activity.time),
      id,
      resource,
      visibleAt: activity.envelopeTime,
      category: activity.category,
    });
    feedHistory(source, activity, version, id);
  }
}

/** History items of the risky-user and risky-service-principal resources, by category. */
const HISTORY: Partial<Record<ActivityBase['category'], { collection: GraphCollection; item: (a: ActivityBase, v: GraphVersion) => GraphResource | undefined }>> = {
  RiskyUsers: { collection: 'riskyUserHistory', item: (a, v) => toRiskyUserHistoryItem(a as RiskyUserActivity, v) },
  RiskyServicePrincipals: { collection: 'riskyServicePrincipalHistory', item: (a, v) => toRiskyServicePrincipalHistoryItem(a as RiskyServicePrincipalActivity, v) },
};

function feedHistory(source: InMemoryGraphLogSource, activity: ActivityBase, version: GraphVersion, parentId: string): void {
  const history = HISTORY[activity.category];
  const item = history?.item(activity, version);
  if (!history || !item) return;
  source.append(history.collection, version, {
    time: timeKey(item, COLLECTION_INFO[history.collection].timeProperty, activity.time),
    id: String(item.id),
    resource: item,
    visibleAt: activity.envelopeTime,
    parentId,
  });
}

/**
 * Fills a Graph source with a generation run's records (every category with a Graph
 * resource), visible immediately: fixtures for test suites that call Graph in-process.
 * Returns the tenant id the records belong to.
 */
export function fillGraphSource(source: InMemoryGraphLogSource, options: GenerateOptions = {}): { tenantId: string; records: number } {
  const { run, ctx } = planGeneration({ ...options, shape: 'graph' });
  let records = 0;
  for (const a of backfillActivities(run, options.shard)) {
    feedGraph(source, { ...a, envelopeTime: Math.min(a.envelopeTime, a.time) }, ctx);
    records++;
  }
  return { tenantId: run.tenant.id, records };
}
