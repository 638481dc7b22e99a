/**
 * What a tenant's licences let Identity Protection write.
 *
 * - Users: detections and risky users need Entra ID P2 for full detail. With P1 the
 *   riskDetection API answers `riskLevel`/`riskDetail` = `hidden` ("P1 customers will be
 *   returned hidden", Graph beta riskDetection docs) and premium detections read
 *   `generic` ("Additional risk detected", reference-risk-event-types.md). The simulator
 *   applies the same masking to the risky-user state of P1/free tenants.
 * - Service principals: Workload Identities Premium (graph-api.md §1.2).
 */
import type { Tenant } from '../../tenant/types.ts';

/** Full user risk detail (levels, details, premium detection names). */
export function hasUserRiskDetail(tenant: Tenant): boolean {
  return tenant.licence === 'p2';
}

/** Whether the baseline emits user risk records at all (none without P1/P2). */
export function emitsUserRisk(tenant: Tenant): boolean {
  return tenant.licence !== 'free';
}

/** Whether the baseline emits workload-identity risk records. */
export function emitsServicePrincipalRisk(tenant: Tenant): boolean {
  return tenant.workloadIdentitiesPremium;
}

