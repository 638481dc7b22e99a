/** Applications, service principals and managed identities of a tenant. */
import { Rng, stableUuid } from '../core/random.ts';
import { FIRST_PARTY_APPS, MICROSOFT_TENANT_ID } from '../data/first-party-apps.ts';
import type { AppCredential, Application, ManagedIdentity } from './types.ts';

const CRED_EPOCH = Date.UTC(2025, 0, 1);

/** First-party apps: global app ids; the service principal object id is per tenant. */
export function firstPartyApplications(seed: string): Application[] {
  const byName = new Map(FIRST_PARTY_APPS.map((a) => [a.displayName, a.appId]));
  return FIRST_PARTY_APPS.map((row) => ({
    appId: row.appId,
    displayName: row.displayName,
    servicePrincipalId: stableUuid(`${seed}/sp/${row.appId}`),
    firstParty: true,
    appOwnerTenantId: MICROSOFT_TENANT_ID,
    role: row.role,
    clientKind: row.clientKind,
    credentials: [],
    resources: row.resources.map((r) => byName.get(r) ?? r),
    appRoles: [],
    scopes: ['openid', 'profile', 'offline_access'],
  }));
}

/** SaaS gallery apps (multi-tenant, owned by their vendors) a tenant typically has. */
const GALLERY = ['Salesforce', 'ServiceNow', 'Workday', 'Slack', 'Zoom', 'Atlassian Cloud', 'Box', 'DocuSign', 'Adobe Identity Management', 'GitHub Enterprise Cloud - Organization', 'AWS IAM Identity Center', 'Tableau Cloud'];
/** Internal line-of-business apps and daemons the tenant registered itself. */
const INTERNAL = ['HR Portal', 'Expense Reports', 'Billing Worker', 'Inventory Sync', 'Data Export Service', 'Customer Portal', 'Build Pipeline', 'Backup Agent', 'Reporting API', 'Mail Archiver', 'Ticket Bridge', 'Identity Governance Connector', 'SIEM Collector', 'Payroll Sync'];

const DAEMON_ROLES = ['User.Read.All', 'Directory.Read.All', 'Mail.Read', 'Files.Read.All', 'AuditLog.Read.All', 'Group.Read.All', 'Sites.Read.All'];

function credentials(rng: Rng, label: string, n: number): AppCredential[] {
  return Array.from({ length: n }, (_, i): AppCredential => {
    const cert = rng.bool(0.45);
    const start = CRED_EPOCH - rng.range(0, 400) * 86_400_000;
    return {
      keyId: stableUuid(`${label}/cred/${i}`),
      type: cert ? 'AsymmetricX509Cert' : 'Password',
      displayName: cert ? `CN=${label.split('/').pop()}` : rng.pick(['prod secret', 'deploy key', 'client secret', 'rotation 2025']),
      ...(cert ? { thumbprint: rng.hex(40).toUpperCase() } : {}),
      startDateTime: start,
      endDateTime: start + rng.pick([180, 365, 730]) * 86_400_000,
    };
  });
}

export function buildApplications(rng: Rng, seed: string, tenantId: string, tenantName: string, count: number): Application[] {
  const apps: Application[] = [];
  const graph = '00000003-0000-0000-c000-000000000000';
  const exchange = '00000002-0000-0ff1-ce00-000000000000';
  const sharepoint = '00000003-0000-0ff1-ce00-000000000000';
  const arm = '797f4846-ba00-4fd7-ba43-dac1f8f63013';
  for (let i = 0; i < count; i++) {
    const gallery = i % 3 === 2 && i / 3 < GALLERY.length;
    const base = gallery ? GALLERY[Math.floor(i / 3)]! : INTERNAL[i % INTERNAL.length]!;
    const round = Math.floor(i / INTERNAL.length);
    const displayName = gallery ? base : `${tenantName} ${base}${round > 0 ? ` ${round + 1}` : ''}`;
    const label = `${seed}/app/${i}`;
    const daemon = !gallery && rng.bool(0.6);
    apps.push({
      appId: stableUuid(`${label}/appId`),
      displayName,
      servicePrincipalId: stableUuid(`${label}/sp`),
      firstParty: false,
      appOwnerTenantId: gallery ? stableUuid(`vendor/${base}`) : tenantId,
      role: daemon ? 'client' : 'both',
      clientKind: daemon ? 'daemon' : 'browser',
      credentials: gallery ? [] : credentials(rng, label, rng.range(1, 3)),
      resources: daemon ? rng.shuffle([graph, exchange, sharepoint, arm]).slice(0, rng.range(1, 3)) : [graph],
      appRoles: daemon ? rng.shuffle(DAEMON_ROLES).slice(0, rng.range(1, 3)) : [],
      scopes: ['openid', 'profile', 'User.Read'],
    });
  }
  return apps;
}

const AZURE_RESOURCE_TYPES = [
  ['Microsoft.Web/sites', 'app'],
  ['Microsoft.Compute/virtualMachines', 'vm'],
  ['Microsoft.Logic/workflows', 'logic'],
  ['Microsoft.Automation/automationAccounts', 'aa'],
  ['Microsoft.ContainerService/managedClusters', 'aks'],
  ['Microsoft.DataFactory/factories', 'adf'],
] as const;

export function buildManagedIdentities(rng: Rng, seed: string, nameSlug: string, count: number): ManagedIdentity[] {
  const subscriptions = Array.from({ length: 3 }, (_, i) => stableUuid(`${seed}/subscription/${i}`));
  const graph = '00000003-0000-0000-c000-000000000000';
  const keyVault = 'cfa8b339-82a2-471a-a3c9-0fc0be7a4093';
  const storage = 'e406a681-f3d4-42a8-90b6-c2b029497af1';
  const arm = '797f4846-ba00-4fd7-ba43-dac1f8f63013';
  return Array.from({ length: count }, (_, i): ManagedIdentity => {
    const [type, short] = AZURE_RESOURCE_TYPES[i % AZURE_RESOURCE_TYPES.length]!;
    const sub = subscriptions[i % subscriptions.length]!;
    const env = rng.pick(['prod', 'dev', 'test']);
    const rg = `rg-${nameSlug.slice(0, 10)}-${env}`;
    const resourceName = `${short}-${nameSlug.slice(0, 10)}-${env}-${i}`;
    const azureResourceId = `/subscriptions/${sub}/resourceGroups/${rg}/providers/${type}/${resourceName}`;
    const userAssigned = rng.bool(0.35);
    const idName = userAssigned ? `id-${resourceName}` : resourceName;
    return {
      servicePrincipalId: stableUuid(`${seed}/mi/${i}/sp`),
      appId: stableUuid(`${seed}/mi/${i}/app`),
      displayName: idName,
      kind: userAssigned ? 'UserAssigned' : 'SystemAssigned',
      azureResourceId,
      msiResourceId: userAssigned
        ? `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${idName}`
        : azureResourceId,
      resources: rng.shuffle([keyVault, storage, arm, graph]).slice(0, rng.range(1, 3)),
    };
  });
}
