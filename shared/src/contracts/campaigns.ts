import * as z from 'zod';
import { pageOf } from '../api';
import { Campaign } from '../campaign';
import { Id } from '../common';
import { FormTemplate } from '../forms';
import { CampaignParams, defineRoute, PageQuery } from './kernel';

export const TemplateParams = z.object({ templateId: Id });
export const TemplateVersionParams = z.object({
  templateId: Id,
  version: z.coerce.number().int().min(1).max(999_999),
});

export const listCampaigns = defineRoute({
  method: 'GET',
  path: '/campaigns',
  group: 'campaigns',
  auth: 'user',
  operationId: 'listCampaigns',
  summary: 'Campaigns of the tenant, newest first',
  query: PageQuery,
  response: pageOf(Campaign),
  errors: [],
});

export const getCampaign = defineRoute({
  method: 'GET',
  path: '/campaigns/{campaignId}',
  group: 'campaigns',
  auth: 'user',
  operationId: 'getCampaign',
  summary: 'One campaign with its forms, periods, deadlines and chains',
  params: CampaignParams,
  response: Campaign,
  errors: [404],
});

export const getLatestTemplate = defineRoute({
  method: 'GET',
  path: '/templates/{templateId}',
  group: 'campaigns',
  auth: 'user',
  operationId: 'getLatestTemplate',
  summary: 'The latest version of a form template',
  params: TemplateParams,
  response: FormTemplate,
  errors: [404],
});

export const getTemplateVersion = defineRoute({
  method: 'GET',
  path: '/templates/{templateId}/versions/{version}',
  group: 'campaigns',
  auth: 'user',
  operationId: 'getTemplateVersion',
  summary: 'One version of a form template',
  params: TemplateVersionParams,
  response: FormTemplate,
  errors: [404],
});

/** The routes of this group, by operationId (the group's Lambda implements each). */
export const campaignContracts = { listCampaigns, getCampaign, getLatestTemplate, getTemplateVersion };
