/**
 * Sigma "Anomalous Token" (6555754e-5e7f-4a67-ad1c-4041c413a007)
 * SigmaHQ/sigma rules/cloud/azure/identity_protection/azure_identity_protection_anomalous_token.yml
 * @ 0c08fbe86e6efa40e80ccc7788bde190859a36fe — riskdetection records with riskEventType "anomalousToken"; any single detection.
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { eq, sigmaEvent, type SigmaEvent } from './sigma-sign-in.ts';

export const NAME = 'Anomalous Token';

export function detect(records: ReadonlyArray<JsonObject>): SigmaEvent[] {
  return records.map(sigmaEvent).filter((e) => eq(e.riskEventType, 'anomalousToken'));
}
