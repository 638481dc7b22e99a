/**
 * Apps allowed to ask the mock for tokens: the registry a real tenant keeps as app
 * registrations, service principals, secrets and admin-consented app roles.
 */
import { Rng } from '../../core/random.ts';
import { ALL_READ_ROLES } from '../graph/collections.ts';

export interface RegisteredClient {
  /** Application (client) id: `appid` claim, `client_id` form field. */
  readonly clientId: string;
  /** `app_displayname` claim. */
  readonly displayName: string;
  /** Object id of the app's service principal in the tenant: `oid`/`sub` claims. */
  readonly servicePrincipalId: string;
  /** Client secret values accepted (`client_secret`). */
  readonly secrets: ReadonlyArray<string>;
  /** Microsoft Graph application permissions granted (`roles` claim of Graph tokens). */
  readonly graphRoles: ReadonlyArray<string>;
}

export const COLLECTOR_DISPLAY_NAME = 'entrasim-collector';
export const COLLECTOR_DEFAULT_SECRET = 'entrasim-collector-secret';

/**
 * The default app: "entrasim-collector" holding every read role a log collector needs.
 * Its ids derive from the tenant id, so they are stable for a given tenant.
 */
export function collectorClient(tenantId: string, secret: string = COLLECTOR_DEFAULT_SECRET): RegisteredClient {
  const rng = new Rng(`entrasim-collector:${tenantId}`);
  return {
    clientId: rng.uuid(),
    displayName: COLLECTOR_DISPLAY_NAME,
    servicePrincipalId: rng.uuid(),
    secrets: [secret],
    graphRoles: ALL_READ_ROLES,
  };
}
