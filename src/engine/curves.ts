/**
 * Traffic curves: multipliers by local hour of day, day of week and minute of hour,
 * multiplied together (Eventgen's model). "human" follows office hours in each user's
 * time zone; "machine" is near-flat with a nightly batch bump; "flat" is constant.
 * Each curve is normalised to mean 1 so daily volumes hold on average.
 */
export type CurveName = 'human' | 'machine' | 'flat';

function normalise(values: ReadonlyArray<number>): number[] {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return values.map((v) => (mean > 0 ? v / mean : 1));
}

/** Office hours: quiet nights, a morning ramp, a lunch dip, an evening tail. */
export const HUMAN_HOUR = normalise([
  0.06, 0.04, 0.03, 0.03, 0.04, 0.08, 0.2, 0.5, 0.95, 1.25, 1.3, 1.25, 1.05, 1.2, 1.28, 1.22, 1.05, 0.8, 0.55, 0.42, 0.35, 0.28, 0.18, 0.1,
]);
/** Sunday first: weekends are quiet. */
export const HUMAN_DOW = normalise([0.18, 1.05, 1.1, 1.08, 1.05, 0.95, 0.22]);
/** Services run around the clock, with a bump when nightly jobs start. */
export const MACHINE_HOUR = normalise([1.35, 1.3, 1.15, 1, 1, 1, 1, 1, 1.02, 1.05, 1.05, 1.05, 1, 1, 1.05, 1.05, 1, 1, 1, 1, 0.95, 0.95, 1.05, 1.2]);
export const MACHINE_DOW = normalise([0.9, 1.02, 1.02, 1.02, 1.02, 1.02, 0.9]);
/** Scheduled jobs fire on the hour. */
export const MACHINE_MINUTE = normalise(Array.from({ length: 60 }, (_, m) => (m === 0 ? 2.2 : m === 30 ? 1.5 : m % 15 === 0 ? 1.2 : 1)));
const FLAT_24 = Array.from({ length: 24 }, () => 1);
const FLAT_7 = Array.from({ length: 7 }, () => 1);
const FLAT_60 = Array.from({ length: 60 }, () => 1);

export interface Curve {
  readonly hour: ReadonlyArray<number>;
  readonly dow: ReadonlyArray<number>;
  readonly minute: ReadonlyArray<number>;
  /** Whether hour and weekday are read in the users' local time. */
  readonly local: boolean;
}

export interface CurveOverrides {
  readonly hourOfDayRate?: ReadonlyArray<number>;
  readonly dayOfWeekRate?: ReadonlyArray<number>;
  readonly minuteOfHourRate?: ReadonlyArray<number>;
}

export function curveOf(name: CurveName, overrides: CurveOverrides = {}): Curve {
  // Scenario-level Eventgen curves replace the human defaults; machines keep their own shape.
  switch (name) {
    case 'human':
      return {
        hour: overrides.hourOfDayRate ? normalise(overrides.hourOfDayRate) : HUMAN_HOUR,
        dow: overrides.dayOfWeekRate ? normalise(overrides.dayOfWeekRate) : HUMAN_DOW,
        minute: overrides.minuteOfHourRate ? normalise(overrides.minuteOfHourRate) : FLAT_60,
        local: true,
      };
    case 'machine':
      return { hour: MACHINE_HOUR, dow: MACHINE_DOW, minute: MACHINE_MINUTE, local: false };
    case 'flat':
      return { hour: FLAT_24, dow: FLAT_7, minute: FLAT_60, local: false };
  }
}

/** Local hour and weekday of a UTC instant in a time zone (DST-aware), cached per hour. */
const zoneCache = new Map<string, { hour: number; dow: number }>();
const formatters = new Map<string, Intl.DateTimeFormat>();
const DOW: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

export function localHourAndDay(utcMs: number, timeZone: string): { hour: number; dow: number } {
  const hourStart = Math.floor(utcMs / 3_600_000);
  const key = `${timeZone}|${hourStart}`;
  let hit = zoneCache.get(key);
  if (hit) return hit;
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23', weekday: 'short' });
    formatters.set(timeZone, fmt);
  }
  let hour = 0;
  let dow = 0;
  for (const part of fmt.formatToParts(new Date(hourStart * 3_600_000))) {
    if (part.type === 'hour') hour = Number(part.value) % 24;
    else if (part.type === 'weekday') dow = DOW[part.value] ?? 0;
  }
  hit = { hour, dow };
  if (zoneCache.size > 200_000) zoneCache.clear();
  zoneCache.set(key, hit);
  return hit;
}

/**
 * The multiplier of a curve at a UTC minute, averaged over the users' time zones
 * (weights = share of users per zone).
 */
export function multiplierAt(curve: Curve, utcMs: number, zones: ReadonlyArray<readonly [string, number]>): number {
  const minute = Math.floor(utcMs / 60_000) % 60;
  const m = curve.minute[minute] ?? 1;
  if (!curve.local) {
    const d = new Date(utcMs);
    return (curve.hour[d.getUTCHours()] ?? 1) * (curve.dow[d.getUTCDay()] ?? 1) * m;
  }
  let sum = 0;
  let weight = 0;
  for (const [zone, w] of zones) {
    const { hour, dow } = localHourAndDay(utcMs, zone);
    sum += w * (curve.hour[hour] ?? 1) * (curve.dow[dow] ?? 1);
    weight += w;
  }
  return (weight > 0 ? sum / weight : 1) * m;
}
