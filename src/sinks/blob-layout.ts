/**
 * Where Azure Monitor archives tenant-scoped (Entra) logs in a storage account (notes §B):
 * container `insights-logs-<category lower-case>`, one append blob per UTC hour of arrival,
 * `tenantId=<tenant>/y=YYYY/m=MM/d=DD/h=HH/m=00/PT1H.json`. `m=00` is always 00.
 */
import { hubName, type Category } from '../core/categories.ts';

export const containerFor = (category: Category): string => hubName(category);

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;

export function hourBlobName(tenantId: string, arrivalMs: number): string {
  const d = new Date(arrivalMs);
  return `tenantId=${tenantId}/y=${d.getUTCFullYear()}/m=${pad2(d.getUTCMonth() + 1)}/d=${pad2(d.getUTCDate())}/h=${pad2(d.getUTCHours())}/m=00/PT1H.json`;
}
