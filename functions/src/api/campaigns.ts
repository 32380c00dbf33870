import { Campaign } from '@thidua/shared/campaign';
import { Id } from '@thidua/shared/common';
import { FormTemplate } from '@thidua/shared/forms';
import * as z from 'zod';
import { defineContract } from '../http/contract';
import { PageQuery, pageOf } from './common';

export const CampaignParams = z.object({ campaignId: Id });
export const TemplateParams = z.object({ templateId: Id });
export const TemplateVersionParams = z.object({
  templateId: Id,
  version: z.coerce.number().int().min(1).max(999_999),
});

export const campaignContracts = {
  listCampaigns: defineContract({
    operationId: 'listCampaigns',
    query: PageQuery,
    response: pageOf(Campaign),
    errors: [],
  }),
  getCampaign: defineContract({
    operationId: 'getCampaign',
    params: CampaignParams,
    response: Campaign,
    errors: [404],
  }),
  getLatestTemplate: defineContract({
    operationId: 'getLatestTemplate',
    params: TemplateParams,
    response: FormTemplate,
    errors: [404],
  }),
  getTemplateVersion: defineContract({
    operationId: 'getTemplateVersion',
    params: TemplateVersionParams,
    response: FormTemplate,
    errors: [404],
  }),
};
