/** Stories of this family, registered in src/stories/index.ts: attacks that show in the sign-in logs. */
import type { Story } from '../types.ts';
import { bruteForce } from './brute-force.ts';
import { disabledAccountAttempts } from './disabled-account-attempts.ts';
import { impossibleTravel } from './impossible-travel.ts';
import { legacyAuthAbuse } from './legacy-auth-abuse.ts';
import { mfaFatigue } from './mfa-fatigue.ts';
import { passwordSpray } from './password-spray.ts';
import { tokenReplay } from './token-replay.ts';

export const STORIES: ReadonlyArray<Story<object>> = [
  passwordSpray,
  bruteForce,
  mfaFatigue,
  impossibleTravel,
  tokenReplay,
  legacyAuthAbuse,
  disabledAccountAttempts,
];
