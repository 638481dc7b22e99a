/** Synthetic routed records for sink tests: real envelope layout, a unique `properties.id` each. */
import { hubName, TABLE_OF, type Category } from '../../src/core/categories.ts';
import { Rng } from '../../src/core/random.ts';
import { serializeDiagnostic } from '../../src/core/serialize.ts';
import { envelopeTime } from '../../src/core/time.ts';
import type { RoutedRecord } from '../../src/sinks/routed-record.ts';

export const TENANT_ID = '0e35ee7a-1c9f-4d3b-9a55-2f6a3c1b7d42';

export interface RecordOptions {
  readonly categories: readonly Category[];
  /** First envelope time, epoch ms. */
  readonly startMs: number;
  /** Envelope times spread evenly over this span, ms. */
  readonly spanMs: number;
  /** Extra characters in properties, to control size. Default 0–600 random. */
  readonly padding?: number;
  readonly seed?: string;
}

export function makeRecords(count: number, options: RecordOptions): RoutedRecord[] {
  const rng = new Rng(options.seed ?? 'sink-records');
  const out: RoutedRecord[] = [];
  for (let i = 0; i < count; i++) {
    const category = options.categories[i % options.categories.length]!;
    const ms = options.startMs + Math.floor((options.spanMs * i) / count);
    const id = rng.uuid();
    const pad = options.padding ?? rng.int(600);
    const diagnostic = serializeDiagnostic({
      time: envelopeTime(ms, rng.int(10000)),
      resourceId: `/tenants/${TENANT_ID}/providers/Microsoft.aadiam`,
      operationName: 'Sign-in activity',
      operationVersion: '1.0',
      category,
      tenantId: TENANT_ID,
      Level: 4,
      properties: { id, createdDateTime: new Date(ms - 60_000).toISOString(), seq: i, note: 'x'.repeat(pad) },
    });
    out.push({
      category,
      envelopeTime: ms,
      diagnostic,
      logAnalytics: { TimeGenerated: new Date(ms).toISOString(), Id: id, Category: category, Type: TABLE_OF[category] },
    });
  }
  return out;
}

export const idOf = (line: string): string => (JSON.parse(line) as { properties: { id: string } }).properties.id;

export { hubName };
