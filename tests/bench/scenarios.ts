import type { Dataset } from './dataset';
import type { SignedInUser } from './identities';
import type { HttpRequestSpec } from './load-protocol';
import type { ScaleSpec } from './scales';

/**
 * The load scenarios of the issue, as request lists the load client rotates through. Reads cycle over
 * their list; writes never wrap: every approval lands on a different submission waiting at the
 * caller's level, every draft save on a draft at the version it has reached.
 */
export type ScenarioKey = 'inbox' | 'detail' | 'completeness' | 'save' | 'approve';

export interface Scenario {
  key: ScenarioKey;
  name: string;
  /** The request, in words (for the report). */
  request: string;
  kind: 'read' | 'write';
  requests: HttpRequestSpec[];
  /** Submission touched by request `i` (writes: restored to its seeded state before the floor). */
  subject?: (index: number) => string;
  concurrency: number;
  /** Writes: requests the warm-up may take from the pool. */
  warmupMax?: number;
}

export interface Callers {
  tokens: string[];
  districtReviewer: Map<string, number>;
  communeSubmitter: Map<string, number>;
}

export function callersOf(users: readonly SignedInUser[]): Callers {
  const tokens: string[] = [];
  const districtReviewer = new Map<string, number>();
  const communeSubmitter = new Map<string, number>();
  for (const u of users) {
    const i = tokens.push(u.idToken) - 1;
    if (u.key.startsWith('reviewer-')) districtReviewer.set(u.unitId, i);
    if (u.key.startsWith('submitter-')) communeSubmitter.set(u.unitId, i);
  }
  return { tokens, districtReviewer, communeSubmitter };
}

const tokenOf = (map: Map<string, number>, unitId: string): number => {
  const t = map.get(unitId);
  if (t === undefined) throw new Error(`bench: no signed-in caller for ${unitId}`);
  return t;
};

export function buildScenarios(options: {
  dataset: Dataset;
  callers: Callers;
  scale: ScaleSpec;
  concurrency: number;
}): Scenario[] {
  const { dataset, callers, scale, concurrency } = options;
  const districts = dataset.main.districts;

  const inbox: Scenario = {
    key: 'inbox',
    name: 'inbox page',
    request: 'GET /submissions?scope=inbox&limit=50 (a district reviewer; districts in turn)',
    kind: 'read',
    requests: districts.map((d) => ({
      method: 'GET',
      path: '/submissions?scope=inbox&limit=50',
      token: tokenOf(callers.districtReviewer, d.id),
    })),
    concurrency,
  };

  const detail: Scenario = {
    key: 'detail',
    name: 'submission detail',
    request: "GET /submissions/{id} (the commune's district reviewer; a different submission each time)",
    kind: 'read',
    requests: dataset.details.map((s) => ({
      method: 'GET',
      path: `/submissions/${s.id}`,
      token: tokenOf(callers.districtReviewer, s.districtId),
    })),
    concurrency,
  };

  const completenessRequests: HttpRequestSpec[] = [];
  for (const scope of dataset.completenessScopes) {
    for (const d of districts) {
      completenessRequests.push({
        method: 'GET',
        path: `/campaigns/${scope.campaignId}/completeness?formKey=${scope.formKey}&period=${scope.period}&unitId=${d.id}`,
        token: tokenOf(callers.districtReviewer, d.id),
      });
    }
  }
  const completeness: Scenario = {
    key: 'completeness',
    name: 'district completeness',
    request: `GET /campaigns/{c}/completeness?formKey&period&unitId (${scale.main.communesPerDistrict} communes per district)`,
    kind: 'read',
    requests: completenessRequests,
    concurrency,
  };

  // Each draft is saved again only after every other draft of the pool: request i saves draft
  // i mod n at the version its previous save produced.
  const drafts = dataset.drafts;
  const saveConcurrency = Math.max(1, Math.min(concurrency, Math.floor(drafts.length / 2)));
  const maxSaves = Math.ceil(800 * (scale.durationSec + scale.warmupSec));
  const cycles = Math.max(1, Math.ceil(maxSaves / Math.max(1, drafts.length)));
  const body = (version: number): string =>
    JSON.stringify({ data: dataset.draftData, expectedVersion: version });
  const saveRequests: HttpRequestSpec[] = [];
  for (let c = 0; c < cycles; c++) {
    for (const d of drafts) {
      saveRequests.push({
        method: 'PUT',
        path: `/submissions/${d.id}`,
        token: tokenOf(callers.communeSubmitter, d.unitId),
        body: body(d.version + c),
      });
    }
  }
  const save: Scenario = {
    key: 'save',
    name: 'save draft',
    request: `PUT /submissions/{id} {data, expectedVersion} (the commune's submitter; ${drafts.length} drafts in turn)`,
    kind: 'write',
    requests: saveRequests,
    subject: (i) => drafts[i % drafts.length]?.id ?? '',
    concurrency: saveConcurrency,
    warmupMax: Math.max(1, Math.min(Math.floor(drafts.length / 2), 100)),
  };

  const approvals = dataset.approvals;
  const approve: Scenario = {
    key: 'approve',
    name: 'approval',
    request:
      'POST /submissions/{id}/actions {type: approve} (the district reviewer; each on a different submission)',
    kind: 'write',
    requests: approvals.map((s) => ({
      method: 'POST',
      path: `/submissions/${s.id}/actions`,
      token: tokenOf(callers.districtReviewer, s.districtId),
      body: JSON.stringify({ type: 'approve', expectedVersion: s.version }),
    })),
    subject: (i) => approvals[i]?.id ?? '',
    concurrency,
    warmupMax: Math.max(1, Math.min(100, Math.floor(approvals.length / 10))),
  };

  return [inbox, detail, completeness, save, approve];
}
