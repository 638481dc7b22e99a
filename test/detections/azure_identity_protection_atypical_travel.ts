/**
 * Sigma "Atypical Travel" (1a41023f-1e70-4026-921a-4d9341a9038e)
 * SigmaHQ/sigma rules/cloud/azure/identity_protection/azure_identity_protection_atypical_travel.yml
 * @ 1d40f1d20be77f4b19ff0bd373e17b05ec5ca22a — riskdetection records with riskEventType "unlikelyTravel"; any single detection.
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { eq, sigmaEvent, type SigmaEvent } from './sigma-sign-in.ts';

export const NAME = 'Atypical Travel';

export function detect(records: ReadonlyArray<JsonObject>): SigmaEvent[] {
  return records.map(sigmaEvent).filter((e) => eq(e.riskEventType, 'unlikelyTravel'));
}
