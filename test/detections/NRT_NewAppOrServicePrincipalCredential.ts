/**
 * Sentinel "NRT New access credential added to Application or Service Principal", translated.
 * Source: Azure/Azure-Sentinel "Solutions/Microsoft Entra ID/Analytic Rules/
 * NRT_NewAppOrServicePrincipalCredential.yaml" @ f1756a7cfaaf4a1566c786a73be0e83d2a92845c (1.0.3).
 * Near-real-time: every minute over the records ingested since the last run. Same conditions
 * as the scheduled rule (see NewAppOrServicePrincipalCredential.ts).
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { MINUTE, type RuleInfo } from './_directory-changes-kql.ts';
import { evaluate as scheduled, type Match } from './NewAppOrServicePrincipalCredential.ts';

export const RULE: RuleInfo = {
  name: 'NRT New access credential added to Application or Service Principal',
  source: 'Azure/Azure-Sentinel:Solutions/Microsoft Entra ID/Analytic Rules/NRT_NewAppOrServicePrincipalCredential.yaml@f1756a7cfaaf4a1566c786a73be0e83d2a92845c',
  queryFrequency: MINUTE,
  queryPeriod: MINUTE,
  triggerThreshold: 0,
};

/** NRT over a whole span: every record of the span is seen once. */
export function evaluate(audit: ReadonlyArray<JsonObject>, from: number, to: number): Match[] {
  return scheduled(audit, to, to - from);
}
