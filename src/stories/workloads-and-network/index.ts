/** Stories of this family, registered in src/stories/index.ts. */
import type { Story } from '../types.ts';
import { riskyUserLifecycle } from './risky-user-lifecycle.ts';
import { riskyWorkloadIdentity } from './risky-workload-identity.ts';
import { graphRecon } from './graph-recon.ts';
import { gsaMaliciousDestination } from './gsa-malicious-destination.ts';
import { remoteNetworkUnhealthy } from './remote-network-unhealthy.ts';

export const STORIES: ReadonlyArray<Story<object>> = [riskyUserLifecycle, riskyWorkloadIdentity, graphRecon, gsaMaliciousDestination, remoteNetworkUnhealthy];
