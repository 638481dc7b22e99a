/** A typical enterprise set of Conditional Access policies (ids are derived per tenant). */
import type { ConditionalAccessPolicy } from './types.ts';

export const CONDITIONAL_ACCESS_POLICIES: ReadonlyArray<Omit<ConditionalAccessPolicy, 'id'>> = [
  { displayName: 'Require multifactor authentication for admins', state: 'enabled', grantControls: ['Mfa'], sessionControls: [], target: 'admins' },
  { displayName: 'Block legacy authentication', state: 'enabled', grantControls: ['Block'], sessionControls: [], target: 'legacyAuth' },
  { displayName: 'Require MFA outside trusted locations', state: 'enabled', grantControls: ['Mfa'], sessionControls: [], target: 'untrustedLocations' },
  { displayName: 'Require compliant or hybrid joined device', state: 'enabled', grantControls: ['RequireCompliantDevice', 'RequireDomainJoinedDevice'], sessionControls: [], target: 'devices' },
  { displayName: 'Require MFA for guest access', state: 'enabled', grantControls: ['Mfa'], sessionControls: [], target: 'guests' },
  { displayName: 'Sign-in risk policy: require MFA for medium and high risk', state: 'enabled', grantControls: ['Mfa'], sessionControls: [], target: 'riskySignIns' },
  { displayName: 'Sign-in frequency for unmanaged devices', state: 'enabledForReportingButNotEnforced', grantControls: [], sessionControls: ['SignInFrequency'], target: 'allUsers' },
];
