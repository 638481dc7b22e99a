/**
 * One HTTP request Microsoft Graph served for the tenant (MicrosoftGraphActivityLogs).
 * Field meanings from the MicrosoftGraphActivityLogs table reference and real
 * diagnostic records (notes §A.2–A.4; DataDog and SEKOIA fixtures, 2025).
 */
import type { ActivityBase } from '../../core/activity.ts';
import type { GraphApiVersion, HttpMethod } from '../../data/graph-requests.ts';

export interface GraphActivity extends ActivityBase {
  readonly category: 'MicrosoftGraphActivityLogs';
  /** Equals `id`: the request's own id. */
  readonly requestId: string;
  /** The batch's request id for `$batch` sub-requests, else the request id (envelope `correlationId`). */
  readonly operationId: string;
  /** The client's `client-request-id`; the request id when the client sent none. */
  readonly clientRequestId: string;
  readonly apiVersion: GraphApiVersion;
  readonly requestMethod: HttpMethod;
  /** Full URI as Graph logs it (`https://graph.microsoft.com/v1.0/...`). */
  readonly requestUri: string;
  readonly responseStatusCode: number;
  readonly responseSizeBytes: number;
  /**
   * As logged: values of 10^5–10^7 for calls that take tens of milliseconds, i.e. not
   * milliseconds (notes §A.4) — kept in the observed unit.
   */
  readonly durationMs: number;
  /** Token type: `user` (delegated, `scopes`) or `app` (app-only, `roles`). */
  readonly idtyp: 'user' | 'app';
  readonly appId: string;
  /** Service principal of an app-only caller; '' for delegated calls. */
  readonly servicePrincipalId: string;
  /** Signed-in user of a delegated call; '' for app-only calls. */
  readonly userId: string;
  /** Token `oid`: the user, or the calling service principal. */
  readonly principalObjectId: string;
  /** Delegated scopes, space separated; '' for app-only tokens. */
  readonly scopes: string;
  /** Application roles, space separated; '' for delegated tokens. */
  readonly roles: string;
  /** Directory role template ids of the caller, space separated. */
  readonly wids: string;
  /** `uti` of the token = `uniqueTokenIdentifier` of the sign-in that issued it. */
  readonly signInActivityId: string;
  /** Token `iat`, epoch ms (whole seconds). */
  readonly tokenIssuedAt: number;
  /** Token `idp`: '' when the issuer itself authenticated the user, else the issuer URL. */
  readonly identityProvider: string;
  readonly ipAddress: string;
  /** Azure region that served the request, display name ("East US 2"). */
  readonly location: string;
  /** Tenant region scope ("NA", "EU", …). */
  readonly regionScope: string;
  readonly userAgent: string;
  /** Token `appidacr`: 0 public client, 1 client secret, 2 certificate / managed identity. */
  readonly clientAuthMethod: 0 | 1 | 2;
  /** Token `deviceid` ('' for app-only or unregistered devices). */
  readonly deviceId: string;
  /** Token `sid`: the sign-in session ('' for app-only). */
  readonly sessionId: string;
}
