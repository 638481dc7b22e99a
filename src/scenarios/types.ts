/**
 * A scenario: the tenant, its everyday traffic, and the stories placed on top of it.
 * Written in YAML (scenarios/*.yaml), described by schemas/scenario.schema.json.
 * Rate vocabulary follows Splunk Eventgen's, which SIEM engineers know: multiplicative
 * hourOfDayRate / dayOfWeekRate / minuteOfHourRate curves, randomizeCount jitter,
 * backfill then live.
 */
import type { Licence } from '../core/activity.ts';
import type { Category } from '../core/categories.ts';

export interface ScenarioTenant {
  readonly name?: string;
  readonly users?: number;
  readonly guestRatio?: number;
  readonly domains?: ReadonlyArray<string>;
  /** Country code → weight; users' time zones follow their country's office. */
  readonly countries?: Readonly<Record<string, number>>;
  readonly licence?: Licence;
  readonly workloadIdentitiesPremium?: boolean;
  readonly globalSecureAccess?: boolean;
  readonly applications?: number;
  readonly managedIdentities?: number;
}

/** A curve name or explicit multipliers. */
export type CurveSpec = 'human' | 'machine' | 'flat' | ReadonlyArray<number>;

export interface CategoryTraffic {
  /** Records per user per day (scales with tenant size). */
  readonly perUserPerDay?: number;
  /** Records per day, whatever the tenant size. */
  readonly perDay?: number;
  /** Records per second, flat (no curves). */
  readonly perSecond?: number;
  /** Shape over the day: `human` follows office hours in users' time zones, `machine` is near-flat. */
  readonly curve?: 'human' | 'machine' | 'flat';
  /** Set false to switch the category off. */
  readonly enabled?: boolean;
}

export interface ScenarioTraffic {
  /** How much history to generate, e.g. `7d`, `12h` (Eventgen's backfill). Default 1d. */
  readonly backfill?: string;
  /** Window start (ISO 8601). Default: now minus backfill. */
  readonly start?: string;
  /** Hour-of-day multipliers, 24 values, local time of each user's office. */
  readonly hourOfDayRate?: ReadonlyArray<number>;
  /** Day-of-week multipliers, 7 values, Sunday first, local time. */
  readonly dayOfWeekRate?: ReadonlyArray<number>;
  /** Minute-of-hour multipliers, 60 values. */
  readonly minuteOfHourRate?: ReadonlyArray<number>;
  /** Eventgen's randomizeCount: ±fraction of jitter on each minute's volume. */
  readonly randomizeCount?: number;
  /** Per-category volumes; absent categories use their module's default volume. */
  readonly categories?: Readonly<Partial<Record<Category, CategoryTraffic>>>;
  /** After the backfill, keep emitting in real time (speed 1) or faster. */
  readonly live?: boolean | { readonly speed?: number };
}

/** AADSTS code → weight among failures. */
export type CodeMix = Readonly<Record<string, number>>;

export interface FailureMix {
  /** Fraction of sign-ins that fail. */
  readonly rate?: number;
  readonly codes?: CodeMix;
}

export interface ScenarioFailures {
  readonly SignInLogs?: FailureMix;
  readonly NonInteractiveUserSignInLogs?: FailureMix;
  readonly ServicePrincipalSignInLogs?: FailureMix;
  readonly ManagedIdentitySignInLogs?: FailureMix;
  /** Fraction of interactive successes preceded by an interrupt record (50140, 50074, …). */
  readonly multiStep?: number;
}

export interface StoryPlacement {
  /** Built-in story id (see `entrasim scenarios stories`). */
  readonly story: string;
  /** When: ISO 8601, or an offset from the window start such as `+2d3h`, or `random`. */
  readonly at?: string;
  /** Story parameters (each story documents its own). */
  readonly params?: Readonly<Record<string, unknown>>;
}

export interface Scenario {
  readonly name: string;
  readonly description?: string;
  readonly seed?: number | string;
  readonly tenant?: ScenarioTenant;
  readonly traffic?: ScenarioTraffic;
  readonly failures?: ScenarioFailures;
  readonly stories?: ReadonlyArray<StoryPlacement>;
}
