/**
 * `npm start`: the quick start. Generates a day of the default tenant's logs, every
 * category, into ./out in the storage-account archive layout, and says where they are.
 */
import { runGenerate } from './generate.ts';

export interface StartOptions {
  readonly out: string;
}

export async function runStart(options: StartOptions, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): Promise<void> {
  const summary = await runGenerate({ out: options.out, seed: 1, users: 1000 }, stdout, stderr);
  stdout.write(`entrasim: one day of Entra ID logs for tenant ${summary.tenantId} (1,000 users, seed 1)\n`);
  stdout.write(`  ${summary.records} records, ${(summary.bytes / 1e6).toFixed(1)} MB, ${summary.files.length} files\n`);
  stdout.write(`  layout: ${options.out}/insights-logs-<category>/tenantId=${summary.tenantId}/y=…/m=…/d=…/h=…/m=00/PT1H.json\n`);
  for (const [category, n] of Object.entries(summary.perCategory)) stdout.write(`    ${category.padEnd(34)} ${n}\n`);
  stdout.write(`  next: 'npx tsx src/cli.ts generate --help' for other shapes, sizes and windows\n`);
}
