/** Where each shape's records go on disk (and in storage accounts). */
import { hubName, type Category } from '../core/categories.ts';

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));

/**
 * The storage-account archive path of a diagnostic record (notes/diagnostic-format.md §B):
 * `insights-logs-<category>/tenantId=<tid>/y=YYYY/m=MM/d=DD/h=HH/m=00/PT1H.json`,
 * bucketed by arrival (envelope) hour, UTC.
 */
export function diagnosticBlobPath(category: Category, tenantId: string, envelopeTime: number): string {
  const d = new Date(envelopeTime);
  return `${hubName(category)}/tenantId=${tenantId}/y=${d.getUTCFullYear()}/m=${pad2(d.getUTCMonth() + 1)}/d=${pad2(
    d.getUTCDate(),
  )}/h=${pad2(d.getUTCHours())}/m=00/PT1H.json`;
}

/** One file per Graph entity type: `signIn.ndjson`. */
export function graphFileName(entityType: string, extension: string): string {
  return `${entityType}.${extension}`;
}

/** One file per Log Analytics table: `SigninLogs.ndjson`. */
export function logAnalyticsFileName(table: string, extension: string): string {
  return `${table}.${extension}`;
}
