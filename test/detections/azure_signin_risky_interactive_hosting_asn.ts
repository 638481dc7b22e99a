/**
 * Sigma "Risky Successful Interactive Entra ID Sign-In From Cloud Hosting Or VPN Provider
 * ASN" (839bb565-29f4-432d-9418-5d9886e8a275)
 * SigmaHQ/sigma rules/cloud/azure/signin_logs/azure_signin_risky_interactive_hosting_asn.yml
 * @ 92c482c8ea0974e23f132ad16c27d7186455d6dc — ResultType 0, IsInteractive true, ASN in
 * the rule's hosting/VPN list, RiskLevelDuringSignIn low/medium/high; any single sign-in.
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { eq, oneOf, sigmaEvent, type SigmaEvent } from './sigma-sign-in.ts';

export const NAME = 'Risky Successful Interactive Entra ID Sign-In From Cloud Hosting Or VPN Provider ASN';

const ASNS = [16509, 14618, 8987, 396982, 8075, 14061, 16276, 9009, 63949, 20473, 24940, 51167, 212238, 60068, 62240, 136787, 209854];

export function detect(records: ReadonlyArray<JsonObject>): SigmaEvent[] {
  return records
    .map(sigmaEvent)
    .filter((e) => eq(e.ResultType, 0) && eq(e.IsInteractive, 'true') && oneOf(e.AutonomousSystemNumber, ASNS) && oneOf(e.RiskLevelDuringSignIn, ['low', 'medium', 'high']));
}
