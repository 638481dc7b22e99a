/**
 * Maps a Graph path (below `/v1.0` or `/beta`) to what it addresses. Segments match
 * case-insensitively, as Graph does; the first segment that does not exist in the
 * requested version fails like Graph fails it: 400 "Resource not found for the segment
 * '…'." (notes §12.2, §15.8) — so a beta-only path on v1.0 is an error, not an empty list.
 */
import type { GraphVersion } from '../../core/categories.ts';
import { COLLECTION_INFO, type GraphCollection, type GraphCollectionInfo } from './collections.ts';
import { GraphErrors } from './errors.ts';
import type { RiskActionTarget } from './risk-actions.ts';

export type GraphRoute =
  /** A log collection (or a history collection under one risky user / service principal). */
  | {
      readonly kind: 'collection';
      readonly info: GraphCollectionInfo;
      readonly contextPath: string;
      readonly parentId?: string;
      /** `…/$count`: the number of matching records as text/plain. */
      readonly countOnly: boolean;
      /** The parent collection of a history set, whose member must exist. */
      readonly parent?: GraphCollectionInfo;
    }
  /** One record; `action` is set when the last segment names a bound action (POST). */
  | {
      readonly kind: 'member';
      readonly info: GraphCollectionInfo;
      readonly contextPath: string;
      readonly id: string;
      readonly parentId?: string;
      readonly parent?: GraphCollectionInfo;
      readonly actionTarget?: RiskActionTarget;
    }
  /** A navigation Graph has but entrasim does not simulate: answered as an empty collection. */
  | { readonly kind: 'empty'; readonly contextPath: string }
  /** A singleton root (`/auditLogs`). */
  | { readonly kind: 'singleton'; readonly contextPath: string };

interface Child {
  readonly name: string;
  readonly versions: ReadonlyArray<GraphVersion>;
  readonly collection?: GraphCollection;
  /** Known navigation without data in entrasim. */
  readonly empty?: boolean;
  readonly children?: ReadonlyArray<Child>;
}

const BOTH: ReadonlyArray<GraphVersion> = ['v1.0', 'beta'];
const BETA: ReadonlyArray<GraphVersion> = ['beta'];

const collection = (name: string, c: GraphCollection, versions = BOTH): Child => ({ name, versions, collection: c });
const empty = (name: string, versions = BETA): Child => ({ name, versions, empty: true });

/** Navigation of the two singletons and the beta legacy sets (CSDL, notes §1). */
const ROOTS: ReadonlyArray<Child> = [
  {
    name: 'auditLogs',
    versions: BOTH,
    children: [
      collection('signIns', 'signIns'),
      collection('directoryAudits', 'directoryAudits'),
      collection('provisioning', 'provisioning'),
      collection('directoryProvisioning', 'provisioning', BETA),
      collection('customSecurityAttributeAudits', 'customSecurityAttributeAudits', BETA),
      empty('auditActivityTypes'),
      empty('signInEventsAppSummary'),
      empty('signInEventsSummary'),
      empty('signUps'),
    ],
  },
  {
    name: 'identityProtection',
    versions: BOTH,
    children: [
      collection('riskyUsers', 'riskyUsers'),
      collection('riskDetections', 'riskDetections'),
      collection('riskyServicePrincipals', 'riskyServicePrincipals'),
      collection('servicePrincipalRiskDetections', 'servicePrincipalRiskDetections'),
      empty('agentRiskDetections'),
      empty('riskyAgents'),
    ],
  },
  // Beta's legacy root entity sets (notes §1).
  collection('riskyUsers', 'riskyUsers', BETA),
  collection('riskDetections', 'riskDetections', BETA),
  {
    name: 'networkAccess',
    versions: BETA,
    children: [
      {
        name: 'logs',
        versions: BETA,
        children: [
          collection('traffic', 'networkAccessTraffic', BETA),
          collection('remoteNetworks', 'remoteNetworkHealth', BETA),
          empty('connections'),
          empty('generativeAIInsights'),
        ],
      },
    ],
  },
];

const HISTORY_OF: Partial<Record<GraphCollection, GraphCollection>> = {
  riskyUsers: 'riskyUserHistory',
  riskyServicePrincipals: 'riskyServicePrincipalHistory',
};

const ACTION_TARGET: Partial<Record<GraphCollection, RiskActionTarget>> = {
  riskyUsers: 'riskyUsers',
  riskyServicePrincipals: 'riskyServicePrincipals',
  signIns: 'signIns',
};

function find(children: ReadonlyArray<Child>, segment: string, version: GraphVersion): Child | undefined {
  const lower = segment.toLowerCase();
  return children.find((c) => c.name.toLowerCase() === lower && c.versions.includes(version));
}

/** `segments` are the decoded path segments after the version. */
export function resolveRoute(version: GraphVersion, segments: ReadonlyArray<string>): GraphRoute {
  if (segments.length === 0) throw GraphErrors.segmentNotFound(version);
  let children: ReadonlyArray<Child> = ROOTS;
  const contextParts: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const child = find(children, segment, version);
    if (!child) throw GraphErrors.segmentNotFound(segment);
    contextParts.push(child.name);
    if (child.empty) {
      if (i !== segments.length - 1) throw GraphErrors.segmentNotFound(segments[i + 1]!);
      return { kind: 'empty', contextPath: contextParts.join('/') };
    }
    if (child.collection) return collectionRoute(version, COLLECTION_INFO[child.collection], contextParts.join('/'), segments.slice(i + 1));
    if (i === segments.length - 1) return { kind: 'singleton', contextPath: contextParts.join('/') };
    children = child.children ?? [];
  }
  throw GraphErrors.segmentNotFound(segments[segments.length - 1]!);
}

function collectionRoute(version: GraphVersion, info: GraphCollectionInfo, contextPath: string, rest: ReadonlyArray<string>): GraphRoute {
  if (rest.length === 0) return { kind: 'collection', info, contextPath, countOnly: false };
  const [id, next, historyId, ...tail] = rest as [string, string | undefined, string | undefined, ...string[]];
  if (id === '$count' && rest.length === 1) return { kind: 'collection', info, contextPath, countOnly: true };
  const action = ACTION_TARGET[info.collection];
  if (next === undefined) {
    return { kind: 'member', info, contextPath, id, ...(action ? { actionTarget: action } : {}) };
  }
  const historyCollection = HISTORY_OF[info.collection];
  if (!historyCollection || next.toLowerCase() !== 'history') throw GraphErrors.segmentNotFound(next);
  const history = COLLECTION_INFO[historyCollection];
  const historyContext = `${contextPath}('${id}')/history`;
  if (historyId === undefined) return { kind: 'collection', info: history, contextPath: historyContext, parentId: id, countOnly: false, parent: info };
  if (tail.length > 0) throw GraphErrors.segmentNotFound(tail[0]!);
  if (historyId === '$count') return { kind: 'collection', info: history, contextPath: historyContext, parentId: id, countOnly: true, parent: info };
  return { kind: 'member', info: history, contextPath: historyContext, id: historyId, parentId: id, parent: info };
}
