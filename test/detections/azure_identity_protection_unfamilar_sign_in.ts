/**
 * Sigma "Unfamiliar Sign-In Properties" (128faeef-79dd-44ca-b43c-a9e236a60f49)
 * SigmaHQ/sigma rules/cloud/azure/identity_protection/azure_identity_protection_unfamilar_sign_in.yml
 * @ 2f3cf9d02a5e2f50cf17c5f9752d255353560d17 — riskdetection records with riskEventType "unfamiliarFeatures"; any single detection.
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { eq, sigmaEvent, type SigmaEvent } from './sigma-sign-in.ts';

export const NAME = 'Unfamiliar Sign-In Properties';

export function detect(records: ReadonlyArray<JsonObject>): SigmaEvent[] {
  return records.map(sigmaEvent).filter((e) => eq(e.riskEventType, 'unfamiliarFeatures'));
}
