/**
 * The Identity Protection family: RiskyUsers, UserRiskEvents, RiskyServicePrincipals,
 * ServicePrincipalRiskEvents — their modules, builders, renderers and the risk state
 * machines the scenario engine drives.
 */
export * from './enums.ts';
export { riskEnvelope, tenantEnvelope, type RiskEnvelopeFields } from './envelope.ts';
export { detectionId, dotnetTicks, signInRequestId } from './ids.ts';
export { diagnosticLocation, graphLocation, locationOfIp, type RiskLocation } from './location.ts';
export { additionalInfoValue, encodeAdditionalInfo, type RiskInfoEntry } from './additional-info.ts';
export { emitsServicePrincipalRisk, emitsUserRisk, hasUserRiskDetail } from './licence.ts';
export { pickAdminId, resolveServicePrincipal, resolveUser } from './subjects.ts';
export { UserRiskStateMachine, type DetectOptions, type UserRiskRemediation, type UserRiskTransition } from './user-risk-machine.ts';
export { ServicePrincipalRiskStateMachine, type ServicePrincipalRiskTransition } from './service-principal-risk-machine.ts';

export * from '../risky-users/index.ts';
export * from '../user-risk-events/index.ts';
export * from '../risky-service-principals/index.ts';
export * from '../service-principal-risk-events/index.ts';
