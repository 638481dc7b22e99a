/**
 * Fills the placeholders of data/graph-requests.ts paths. Templates are split once at
 * load time, so building a URI is a loop of concatenations (no regex per record).
 */
import type { Rng } from '../../core/random.ts';
import { stableUuid } from '../../core/random.ts';
import type { Group, Tenant, User } from '../../tenant/types.ts';
import type { GraphRequestRow } from '../../data/graph-requests.ts';

export interface UriTemplate {
  readonly row: GraphRequestRow;
  /** Literal parts; placeholder i sits between parts[i] and parts[i + 1]. */
  readonly parts: ReadonlyArray<string>;
  readonly keys: ReadonlyArray<string>;
}

export function compile(row: GraphRequestRow): UriTemplate {
  const parts: string[] = [];
  const keys: string[] = [];
  let rest = row.path;
  for (;;) {
    const open = rest.indexOf('{');
    if (open < 0) break;
    const close = rest.indexOf('}', open);
    parts.push(rest.slice(0, open));
    keys.push(rest.slice(open + 1, close));
    rest = rest.slice(close + 1);
  }
  parts.push(rest);
  return { row, parts, keys };
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** What a placeholder may draw on. */
export interface UriContext {
  readonly rng: Rng;
  readonly tenant: Tenant;
  readonly time: number;
  readonly user?: User;
  readonly sharePointHost: string;
}

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z';
}

function otherUser(c: UriContext): User {
  return c.tenant.user(c.rng.int(c.tenant.memberCount));
}

const unifiedGroups = new WeakMap<Tenant, ReadonlyArray<Group>>();

/** A Microsoft 365 group (the kind behind Teams and SharePoint sites). */
function unifiedGroup(c: UriContext): Group {
  let list = unifiedGroups.get(c.tenant);
  if (!list) {
    list = c.tenant.groups.filter((g) => g.groupType === 'unifiedGroups');
    if (list.length === 0) list = c.tenant.groups;
    unifiedGroups.set(c.tenant, list);
  }
  return c.rng.pick(list);
}

/** The value of one placeholder. */
function valueOf(key: string, c: UriContext): string {
  const { rng, tenant } = c;
  switch (key) {
    case 'userId':
      return (c.user ?? otherUser(c)).id;
    case 'upn':
      return (c.user ?? otherUser(c)).userPrincipalName;
    case 'otherUserId':
      return otherUser(c).id;
    case 'otherUpn':
      return otherUser(c).mail;
    case 'otherFirst':
      return otherUser(c).givenName;
    case 'groupId':
      return c.rng.pick(tenant.groups).id;
    case 'teamId':
      return unifiedGroup(c).id;
    case 'appObjectId':
      // The application object id differs from both appId and the service principal id.
      return stableUuid(`${rng.pick(tenant.applications).appId}/application-object`);
    case 'appId':
      return rng.pick(tenant.applications).appId;
    case 'spId':
      return rng.pick(tenant.applications).servicePrincipalId;
    case 'deviceId':
      return rng.uuid();
    case 'siteHost':
      return c.sharePointHost;
    case 'siteName':
      return unifiedGroup(c).mailNickname;
    case 'siteId': {
      const site = unifiedGroup(c).mailNickname;
      return `${c.sharePointHost},${stableUuid(`${c.sharePointHost}/${site}/site`)},${stableUuid(`${c.sharePointHost}/${site}/web`)}`;
    }
    case 'driveId':
      return 'b!' + rng.token(64);
    case 'itemId': {
      let s = '01';
      for (let i = 0; i < 32; i++) s += BASE32[rng.int(32)];
      return s;
    }
    case 'messageId':
      return 'AAMkA' + rng.token(146) + '=';
    case 'since':
      return isoSeconds(c.time - (1 + rng.int(24)) * 3_600_000 - (c.time % 60_000));
    case 'until':
      return isoSeconds(c.time + 7 * 86_400_000 - (c.time % 60_000));
    default:
      throw new Error(`unknown Graph URI placeholder {${key}}`);
  }
}

export function fill(t: UriTemplate, c: UriContext): string {
  let s = t.parts[0]!;
  for (let i = 0; i < t.keys.length; i++) s += valueOf(t.keys[i]!, c) + t.parts[i + 1]!;
  return s;
}
