/**
 * Sigma "Anonymous IP Address" (53acd925-2003-440d-a1f3-71a5253fe237)
 * SigmaHQ/sigma rules/cloud/azure/identity_protection/azure_identity_protection_anonymous_ip_address.yml
 * @ 02fecc2a9857ddb63f89d6b996fe0b863cebba00 — riskdetection records with riskEventType "anonymizedIPAddress"; any single detection.
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { eq, sigmaEvent, type SigmaEvent } from './sigma-sign-in.ts';

export const NAME = 'Anonymous IP Address';

export function detect(records: ReadonlyArray<JsonObject>): SigmaEvent[] {
  return records.map(sigmaEvent).filter((e) => eq(e.riskEventType, 'anonymizedIPAddress'));
}
