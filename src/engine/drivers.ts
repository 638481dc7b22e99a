/**
 * Drivers: how the engine builds one baseline event of a category. By default the
 * category module's own baseline; categories that correlate with others (Graph activity
 * using a sign-in's token, sign-ins following the scenario's failure mix) get drivers
 * that call the modules' typed builders.
 */
import type { ActivityBase, BuildContext, CategoryModule } from '../core/activity.ts';
import type { PlannedRun } from './run.ts';

export type Driver = (ctx: BuildContext, time: number) => ActivityBase[];

export function driverFor(module: CategoryModule, _run: PlannedRun): Driver {
  return (ctx, time) => module.baseline(ctx, time);
}
