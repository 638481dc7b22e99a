/**
 * entrasim as a library: make fixtures in-process.
 *
 *   import { generate } from 'entrasim';
 *   for await (const r of generate({ seed: 7, count: 1000, shape: 'graph', start: '2025-06-01' })) …
 */
export { generate, generateSync, render, type GenerateOptions, type GeneratedRecord } from './engine/generate.ts';
export { createTenant } from './tenant/tenant.ts';
export type { Tenant, TenantOptions, User, Application, ManagedIdentity, Network, Device } from './tenant/types.ts';
export { CATEGORIES, SHAPES, TABLE_OF, GRAPH_OF, hubName, type Category, type Shape, type GraphVersion } from './core/categories.ts';
export type { CategoryModule, ActivityBase, JsonObject, Json, Licence } from './core/activity.ts';
export { serializeDiagnostic, eventHubsBody } from './core/serialize.ts';
export { categoryModule, categoryModules } from './categories/index.ts';
