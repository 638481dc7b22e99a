/** Stories of this family, registered in src/stories/index.ts. */
import type { Story } from '../types.ts';
import { appCredentialAbuse } from './app-credential-abuse.ts';
import { consentPhishing } from './consent-phishing.ts';
import { guestAdminTools } from './guest-admin-tools.ts';
import { hrProvisioningCycle } from './hr-provisioning-cycle.ts';
import { privilegedRoleOutsidePim } from './privileged-role-outside-pim.ts';
import { privilegedRoleViaPim } from './privileged-role-via-pim.ts';
import { sensitiveAttributeChange } from './sensitive-attribute-change.ts';
import { shortLivedAccount } from './short-lived-account.ts';

export const STORIES: ReadonlyArray<Story<object>> = [
  consentPhishing,
  appCredentialAbuse,
  privilegedRoleOutsidePim,
  privilegedRoleViaPim,
  guestAdminTools,
  shortLivedAccount,
  sensitiveAttributeChange,
  hrProvisioningCycle,
];
