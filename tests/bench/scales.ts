/**
 * Dataset sizes. The measured tenant is always tenant 0; its shape is the same at province and
 * national scale (a province of about 200 units and 20,000 submissions), so "national p50 ÷ province
 * p50" isolates the effect of the table holding 2.5 times more data (33 more provinces) on the same
 * requests. District size is fixed (communes per district), so a completeness query reads the same
 * number of children at every scale.
 */
export type ScaleName = 'tiny' | 'province' | 'national';

export interface TenantShape {
  districts: number;
  communesPerDistrict: number;
  departments: number;
  /** Submissions to generate (newest years first, until reached). */
  submissions: number;
  users: number;
  /** The newest campaign year; older campaigns are the same plan in earlier years. */
  lastYear: number;
  maxYears: number;
}

export interface ScaleSpec {
  name: ScaleName;
  main: TenantShape;
  others: { count: number; shape: TenantShape };
  /** Seconds of each measured phase (API and floor), and of each warm-up. */
  durationSec: number;
  warmupSec: number;
  /** API-then-floor rounds per scenario; the ratio to the floor is the median of the rounds'. */
  rounds: number;
  pools: {
    /** Commune submissions waiting at their district (each approval request takes one). */
    approvals: number;
    /** Drafts saved in rotation (each draft saved again only after the whole pool). */
    drafts: number;
    /** Communes whose submitter signs in to save drafts. */
    draftUnits: number;
    /** Submissions waiting at the province: the reviewer inbox the web app renders. */
    provinceInbox: number;
    /** Submissions read by the detail scenario. */
    details: number;
  };
  coldStartRuns: number;
  webRuns: number;
}

const provinceTenant: TenantShape = {
  districts: 11,
  communesPerDistrict: 15,
  departments: 16,
  submissions: 20_000,
  users: 1_000,
  lastYear: 2023,
  maxYears: 16,
};

/** How the province and national scales measure: the same phases and pools, only the table around them grows. */
const measuredAsAProvince = {
  durationSec: 10,
  warmupSec: 2,
  rounds: 3,
  pools: { approvals: 3_000, drafts: 640, draftUnits: 64, provinceInbox: 1_000, details: 5_000 },
  coldStartRuns: 10,
  webRuns: 5,
};

export const scales: Record<ScaleName, ScaleSpec> = {
  tiny: {
    name: 'tiny',
    main: {
      districts: 2,
      communesPerDistrict: 4,
      departments: 2,
      submissions: 60,
      users: 30,
      lastYear: 2023,
      maxYears: 1,
    },
    others: {
      count: 1,
      shape: {
        districts: 1,
        communesPerDistrict: 3,
        departments: 1,
        submissions: 10,
        users: 5,
        lastYear: 2023,
        maxYears: 1,
      },
    },
    durationSec: 2,
    warmupSec: 0.5,
    rounds: 1,
    pools: { approvals: 16, drafts: 8, draftUnits: 4, provinceInbox: 8, details: 40 },
    coldStartRuns: 2,
    webRuns: 1,
  },
  province: {
    name: 'province',
    main: provinceTenant,
    others: { count: 0, shape: provinceTenant },
    ...measuredAsAProvince,
  },
  national: {
    name: 'national',
    main: provinceTenant,
    // 33 more provinces: 34 tenants, about 3,600 units and 50,000 submissions in all.
    others: {
      count: 33,
      shape: {
        districts: 6,
        communesPerDistrict: 14,
        departments: 12,
        submissions: 910,
        users: 150,
        lastYear: 2023,
        maxYears: 2,
      },
    },
    ...measuredAsAProvince,
  },
};
