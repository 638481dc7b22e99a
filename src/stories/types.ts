/**
 * A story: an attack or admin sequence placed on top of baseline traffic, whose actors
 * and targets come from the tenant. Each story returns canonical activities of any
 * categories; the engine sorts them into the stream.
 */
import type { ActivityBase } from '../core/activity.ts';
import type { Category } from '../core/categories.ts';
import type { Rng } from '../core/random.ts';
import type { Tenant } from '../tenant/types.ts';

export interface StoryContext {
  readonly tenant: Tenant;
  /** The story's own seeded stream. */
  readonly rng: Rng;
  /** When the story starts (epoch ms). */
  readonly at: number;
  /** The scenario window. */
  readonly start: number;
  readonly end: number;
}

/** JSON Schema (draft-07 subset) of a story's parameters. */
export type ParamsSchema = Readonly<Record<string, unknown>>;

export interface Story<P extends object = Record<string, unknown>> {
  readonly id: string;
  readonly title: string;
  /** What happens, in a sentence or two (README and `scenarios stories`). */
  readonly description: string;
  readonly categories: ReadonlyArray<Category>;
  /** Public detections that should fire (Sentinel analytics rules, Sigma rules). */
  readonly detections: ReadonlyArray<string>;
  readonly params: ParamsSchema;
  readonly defaults: P;
  run(ctx: StoryContext, params: P): ActivityBase[];
}
