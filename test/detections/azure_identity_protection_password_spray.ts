/**
 * Sigma "Password Spray Activity" (28ecba0a-c743-4690-ad29-9a8f6f25a6f9)
 * SigmaHQ/sigma rules/cloud/azure/identity_protection/azure_identity_protection_password_spray.yml
 * @ 54d6b5094cb7a5907f040725702fb320cc66d119 — riskdetection records with riskEventType "passwordSpray"; any single detection.
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { eq, sigmaEvent, type SigmaEvent } from './sigma-sign-in.ts';

export const NAME = 'Password Spray Activity';

export function detect(records: ReadonlyArray<JsonObject>): SigmaEvent[] {
  return records.map(sigmaEvent).filter((e) => eq(e.riskEventType, 'passwordSpray'));
}
