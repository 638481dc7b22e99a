/**
 * How a stream of records is shared among categories. Volumes follow each module's
 * records-per-user-per-day (non-interactive and service-principal sign-ins several
 * times interactive ones; audit, risk and health events rarer), with a floor so that
 * any run of ≥ 1,000 records still holds every selected category.
 */
import type { Category } from '../core/categories.ts';
import type { Weighted } from '../core/random.ts';

/** Smallest share a selected category gets: 1,000 records hold ≥ 3 of each. */
export const MIN_SHARE = 0.003;

export function categoryMix(dailyPerUser: ReadonlyArray<readonly [Category, number]>): Weighted<Category> {
  const total = dailyPerUser.reduce((s, [, w]) => s + w, 0);
  if (total <= 0) return dailyPerUser.map(([c]) => [c, 1] as const);
  const shares = dailyPerUser.map(([c, w]) => [c, Math.max(w / total, MIN_SHARE)] as const);
  const sum = shares.reduce((s, [, w]) => s + w, 0);
  return shares.map(([c, w]) => [c, w / sum] as const);
}
