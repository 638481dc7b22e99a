/**
 * Preloaded into every measured process (`--import ./bench/exit-rss.ts`): reports the
 * process's peak resident set size and CPU time when it exits, so the real CLI and the hook
 * scripts are measured without being changed. `maxRSS` is in KiB on Linux and macOS.
 */
import { send } from './channel.ts';

process.on('exit', () => {
  const cpu = process.cpuUsage();
  send({ type: 'exit-rss', maxRssBytes: process.resourceUsage().maxRSS * 1024, cpuSeconds: (cpu.user + cpu.system) / 1e6 });
});
