import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { NOMINATION_FORM_KEY, type RuleFinding } from '@thidua/shared/commendation';
import type { Submission, WorkflowAction } from '@thidua/shared/workflow';
import { RuleViolation } from '../../kernel/http/errors';
import { createCampaignRepository } from '../campaigns/repository';
import { createMergerRepository } from '../mergers/repository';
import { createUnitRepository } from '../org/repository';
import { type CommendationDeps, commendationConfigOf } from './context';
import { checkRules, factsOf } from './nominations';
import { createCommendationRepository } from './repository';

/**
 * For the generic submissions route: a nomination that is about to be forwarded (submitted, or approved
 * to the next level) must pass the commendation rules — the same check the district's tờ trình runs.
 * Returns the warnings; throws 422 (`commendation_rules`) with every violation. Other forms pass through.
 *
 *   const guard = createNominationGuard({ table, client });
 *   await guard(submission, action);   // before building the transition's transaction
 */
export const createNominationGuard = (ref: { table: string; client: DynamoDBDocumentClient }) => {
  const d: Pick<CommendationDeps, 'commendations' | 'campaigns' | 'units' | 'mergers'> = {
    commendations: createCommendationRepository(ref),
    campaigns: createCampaignRepository(ref),
    units: createUnitRepository(ref),
    mergers: createMergerRepository(ref),
  };
  return async (submission: Submission, action: WorkflowAction): Promise<RuleFinding[]> => {
    if (submission.formKey !== NOMINATION_FORM_KEY) return [];
    if (action.type !== 'submit' && action.type !== 'approve') return [];
    const { config } = await commendationConfigOf(d, submission.tenantId, submission.campaignId);
    const facts = factsOf(submission, config);
    const result = await checkRules(d, submission.tenantId, config, facts, submission.unitId);
    if (result.violations.length > 0) {
      throw new RuleViolation(
        result.violations.map((v) => v.message).join(' '),
        result.violations.map((v) => ({ path: v.path ? `data.${v.path}` : 'data', message: v.message })),
        'commendation_rules',
      );
    }
    return result.warnings;
  };
};
