/**
 * The child side of the results channel: JSON lines on the descriptor named by
 * ENTRASIM_BENCH_FD (the runner opens fd 3 as a pipe), so that measured code keeps
 * stdout and stderr to itself. Without the variable, messages go to stderr.
 */
import { writeSync } from 'node:fs';
import type { ChildMessage } from './types.ts';

export const CHANNEL_ENV = 'ENTRASIM_BENCH_FD';

export function send(message: ChildMessage): void {
  const fd = Number(process.env[CHANNEL_ENV] ?? 2);
  try {
    writeSync(fd, JSON.stringify(message) + '\n');
  } catch {
    // The runner went away: nothing useful to do with the result.
  }
}
