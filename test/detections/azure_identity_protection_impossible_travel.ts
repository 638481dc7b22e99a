/**
 * Sigma "Impossible Travel" (b2572bf9-e20a-4594-b528-40bde666525a)
 * SigmaHQ/sigma rules/cloud/azure/identity_protection/azure_identity_protection_impossible_travel.yml
 * @ 08b3fd5fec8c60f4b2dbfca56d5ba9079ad12268 — riskdetection records with riskEventType "impossibleTravel"; any single detection.
 * Identity Protection writes this detection as `mcasImpossibleTravel` (Defender for Cloud
 * Apps); the bare `impossibleTravel` value the rule names appears in no current record.
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { eq, sigmaEvent, type SigmaEvent } from './sigma-sign-in.ts';

export const NAME = 'Impossible Travel';

export function detect(records: ReadonlyArray<JsonObject>): SigmaEvent[] {
  return records.map(sigmaEvent).filter((e) => eq(e.riskEventType, 'impossibleTravel'));
}
