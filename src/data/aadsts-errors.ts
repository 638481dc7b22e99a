/**
 * AADSTS error codes as the sign-in logs write them: `status.errorCode` (number),
 * envelope `resultType` (its string) and `status.failureReason` / `resultDescription`
 * (the short message of the login.microsoftonline.com/error catalog, placeholders such
 * as '{resource}' left as the catalog writes them).
 *
 * Sources, per row: [obs] a real record (Datadog 2025 fixtures, Sekoia 2026 parser tests,
 * Azure-Sentinel training-lab SigninLogs, Graph docs example); [doc] the entra-docs error
 * reference / error catalog; [unverified] best recollection of the catalog wording.
 */

export interface AadstsError {
  readonly code: number;
  /** The STS's internal name (entra-docs reference-error-codes.md), for readers of this table. */
  readonly name: string;
  /** `status.failureReason` and envelope `resultDescription`; null where Entra writes none. */
  readonly failureReason: string | null;
  /** `status.additionalDetails`, only where a real record shows one. */
  readonly additionalDetails?: string;
  /**
   * An interrupt: the user is asked for something (MFA, KMSI, enrolment) and carries on;
   * Entra writes one record for the interrupt and another for the outcome, sharing
   * correlationId and originalRequestId (Azure-Sentinel#9463).
   */
  readonly interrupt: boolean;
}

const E = (
  code: number,
  name: string,
  failureReason: string | null,
  interrupt = false,
  additionalDetails?: string,
): AadstsError => (additionalDetails === undefined ? { code, name, failureReason, interrupt } : { code, name, failureReason, interrupt, additionalDetails });

export const AADSTS_ERRORS: ReadonlyArray<AadstsError> = [
  // --- first factor ---------------------------------------------------------------
  // [obs] Graph beta signIn example (failureReason, additionalDetails with its NBSP).
  E(50126, 'InvalidUserNameOrPassword', 'Error validating credentials due to invalid username or password.', false,
    "The user didn't enter the right credentials. \u00a0It's expected to see some number of these errors in your logs due to users making mistakes."),
  // [obs] Sekoia 2026 record.
  E(50053, 'IdsLocked', "The account is locked, you've tried to sign in too many times with an incorrect user ID or password."),
  E(50055, 'InvalidPasswordExpiredPassword', 'The password is expired.'), // [doc]
  E(50057, 'UserDisabled', 'The user account is disabled.'), // [doc]
  // [doc] catalog text quoted in public scripts ("AADSTS50034 # The user account {identifier} does not exist …").
  E(50034, 'UserAccountNotFound', 'The user account {identifier} does not exist in the {tenant} directory. To sign into this application, the account must be added to the directory.'),
  E(50144, 'InvalidPasswordExpiredOnPremPassword', "User's Active Directory password has expired. Generate a new password for the user or have the user use the self-service reset tool to reset their password."), // [unverified]
  E(50089, 'FlowTokenExpired', 'Flow token expired - Authentication Failed. Have the user try signing-in again with username -password.'), // [doc]
  // --- MFA -------------------------------------------------------------------------
  E(50074, 'UserStrongAuthClientAuthNRequiredInterrupt', 'Strong Authentication is required.', true), // [unverified]
  // [doc] catalog text, quoted verbatim by several public tools.
  E(50076, 'UserStrongAuthClientAuthNRequired', "Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '{resource}'.", true),
  E(50078, 'UserStrongAuthExpired', "Presented multi-factor authentication has expired due to policies configured by your administrator, you must refresh your multi-factor authentication to access '{resource}'."), // [doc]
  E(500121, 'AuthenticationFailedStrongAuthRequestFailed', 'Authentication failed during strong authentication request.'), // [doc]
  E(50158, 'ExternalSecurityChallenge', 'External security challenge was not satisfied.'), // [doc]
  E(50072, 'UserStrongAuthEnrollmentRequiredInterrupt', 'User needs to enroll for second factor authentication (interactive).', true), // [doc]
  E(50079, 'UserStrongAuthEnrollmentRequired', "Due to a configuration change made by your administrator, or because you moved to a new location, you must enroll in multi-factor authentication to access '{resource}'."), // [unverified]
  // --- interrupts --------------------------------------------------------------------
  // [obs] Microsoft's sign-in schema sample and Elastic tests ("signing-in" with a hyphen).
  E(50140, 'KmsiInterrupt', "This error occurred due to 'Keep me signed in' interrupt when the user was signing-in.", true),
  E(50125, 'PasswordResetRegistrationRequiredInterrupt', 'Sign-in was interrupted due to a password reset or password registration entry.', true), // [doc]
  E(50199, 'CmsiInterrupt', 'For security reasons, user confirmation is required for this request. Please repeat the request allowing user interaction.', true), // [doc]
  // --- Conditional Access and devices --------------------------------------------------
  E(53003, 'BlockedByConditionalAccess', 'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.'), // [doc]
  E(53000, 'DeviceNotCompliant', 'Device is not in required device state: {state}. Conditional Access policy requires a compliant device, and the device is not compliant. The user must enroll their device with an approved MDM provider like Intune.'), // [unverified]
  E(50097, 'DeviceAuthenticationRequired', 'Device authentication is required.'), // [doc]
  // --- sessions and tokens (mostly non-interactive) ------------------------------------
  E(70043, 'BadTokenDueToSignInFrequency', 'The refresh token has expired or is invalid due to sign-in frequency checks by conditional access. The token was issued on {issueDate} and the maximum allowed lifetime for this request is {time}.'), // [doc]
  E(70044, 'SessionExpiredDueToSignInFrequency', 'The session has expired or is invalid due to sign-in frequency checks by conditional access.'), // [doc]
  E(50173, 'FreshTokenNeeded', "The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '{authTime}' and the TokensValidFrom date (before which tokens are not valid) for this user is '{validDate}'."), // [doc]
  E(50133, 'SessionInvalidDueToPasswordChange', 'Session is invalid due to expiration or recent password change.'), // [doc]
  // [obs] training-lab SigninLogs row.
  E(50058, 'UserInformationNotProvided', 'The application tried to perform a silent sign in and the user could not be silently signed in. The application needs to start an interactive flow giving users an option to sign in. Contact app owner.'),
  E(700082, 'ExpiredOrRevokedGrantInactiveToken', 'The refresh token has expired due to inactivity. The token was issued on {issueDate} and was inactive for {time}.'), // [doc]
  // [obs] training-lab SigninLogs rows write just "Other" for 16000.
  E(16000, 'InteractionRequired', 'Other'),
  E(16003, 'SsoUserAccountNotFoundInResourceTenant', 'User account is not found in the resource tenant.'), // [unverified]
  E(65001, 'DelegationDoesNotExist', "The user or administrator has not consented to use the application with ID '{identifier}' named '{appName}'. Send an interactive authorization request for this user and resource."), // [doc]
  // --- Seamless SSO --------------------------------------------------------------------
  E(81010, 'DesktopSsoAuthTokenInvalid', "Seamless SSO failed because the user's Kerberos ticket has expired or is invalid."), // [doc]
  E(81012, 'DesktopSsoUserMismatch', 'The user trying to sign in to Microsoft Entra ID is different from the user signed into the device.'), // [doc]
  // --- workload identities ---------------------------------------------------------------
  // [doc] catalog text; the token endpoint substitutes the app id, the catalog does not.
  E(7000215, 'InvalidClientSecretProvided', "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{identifier}'."),
  E(7000222, 'InvalidClientSecretExpiredKeysProvided', "The provided client secret keys for app '{identifier}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds."),
  E(700016, 'UnauthorizedClient_DoesNotMatchRequest', "Application with identifier '{appIdentifier}' was not found in the directory '{tenantName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant."),
  // [obs] Datadog 2025 ManagedIdentitySignInLogs: resultType "7000232", status {errorCode}
  // only, no failureReason and no envelope resultDescription. The token endpoint's text for
  // it is "MSI identity should not use ClientSecretCredential" (public error reports).
  E(7000232, 'MsiIdentityClientSecretNotAllowed', null),
  // --- AD FS (Connect Health) ----------------------------------------------------------
  // [doc] Azure Monitor's example query counts `Status.errorCode == 300300` as AD FS lockouts;
  // the text is a guess.
  E(300300, 'AdfsExtranetLockout', 'The referenced account is currently locked out and may not be logged on to.'),
];

const BY_CODE = new Map<number, AadstsError>(AADSTS_ERRORS.map((e) => [e.code, e]));

const SUCCESS: AadstsError = { code: 0, name: 'Success', failureReason: null, interrupt: false };

/** The row of an error code; unknown codes get a generic row (a story may force any code). */
export function aadstsError(code: number): AadstsError {
  if (code === 0) return SUCCESS;
  return BY_CODE.get(code) ?? { code, name: 'Unknown', failureReason: 'Other', interrupt: false };
}

export function isKnownAadstsCode(code: number): boolean {
  return code === 0 || BY_CODE.has(code);
}
