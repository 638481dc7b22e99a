/**
 * The canonical activity and the contract every log-category module fulfils:
 * one activity, three renderings (diagnostic record, Graph resource, Log Analytics row).
 */
import type { Category, GraphBinding, GraphVersion } from './categories.ts';
import type { Rng } from './random.ts';
import type { Tenant } from '../tenant/types.ts';

/** A JSON value as it goes on the wire. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/**
 * What every activity carries, whatever its category. Category modules extend it with
 * their own canonical fields (the sign-in, the audit event, …), from which all three
 * renderings are drawn — never from each other.
 */
export interface ActivityBase {
  readonly category: Category;
  /** The record's own id (`properties.id`, Graph `id`, LA `Id`); dedupe key downstream. */
  readonly id: string;
  /** When it happened: epoch ms … */
  readonly time: number;
  /** … plus 100-ns ticks below the millisecond (0–9999), for 7-digit fractions. */
  readonly tick: number;
  /**
   * When Azure Monitor stamps the envelope (`time`), epoch ms: event time plus the
   * category's ingestion delay (sign-ins trail by 30 s–4 min; audit is equal).
   */
  readonly envelopeTime: number;
  /** 100-ns ticks of the envelope time. */
  readonly envelopeTick: number;
}

/** Licence and add-ons decide which fields Entra fills and which read `hidden`. */
export type Licence = 'free' | 'p1' | 'p2';

/** Everything a builder may draw on. Randomness is injected so output is reproducible. */
export interface BuildContext {
  readonly rng: Rng;
  readonly tenant: Tenant;
}

/** Everything a renderer may draw on besides the activity itself. */
export interface RenderContext {
  readonly tenant: Tenant;
  /** Log Analytics workspace id (LA `TenantId` is the workspace, not the Entra tenant). */
  readonly workspaceId: string;
}

/** A diagnostic-settings record: key order matters for byte-faithful output. */
export type DiagnosticRecord = JsonObject;
/** A Log Analytics row: table columns to values. */
export type LogAnalyticsRow = JsonObject;
/** A Microsoft Graph resource object. */
export type GraphResource = JsonObject;

/**
 * One log category's whole story: how its activities are built and how each renders.
 * `A` is the category's canonical activity type.
 */
export interface CategoryModule<A extends ActivityBase = ActivityBase> {
  readonly category: Category;
  /** Log Analytics table name. */
  readonly table: string;
  /** Graph resource, or null where Graph has none (ADFS, Graph activity, enriched M365). */
  readonly graph: GraphBinding | null;
  /**
   * Relative volume in a default enterprise mix, in records per user per day.
   * The engine uses it for proportions (non-interactive ≫ interactive ≫ audit ≫ risk).
   */
  readonly dailyPerUser: number;
  /**
   * One baseline activity at `time` (epoch ms). May return several when Entra writes
   * several records for one event (an interrupt followed by the success).
   */
  baseline(ctx: BuildContext, time: number): A[];
  /** The diagnostic-settings record (Event Hubs / storage), key order as Entra writes it. */
  toDiagnostic(activity: A, ctx: RenderContext): DiagnosticRecord;
  /** The Graph resource in the given version; undefined where that version has none. */
  toGraph(activity: A, version: GraphVersion, ctx: RenderContext): GraphResource | undefined;
  /** The Log Analytics row of the category's table. */
  toLogAnalytics(activity: A, ctx: RenderContext): LogAnalyticsRow;
}

/** The envelope time of an event given a delay drawn by the category (ms). */
export function withDelay(
  time: number,
  tick: number,
  delayMs: number,
  rng: Rng,
): { envelopeTime: number; envelopeTick: number } {
  if (delayMs <= 0) return { envelopeTime: time, envelopeTick: tick };
  return { envelopeTime: time + Math.round(delayMs), envelopeTick: rng.int(10000) };
}
