import { Campaign } from '@thidua/shared/campaign';
import { CalendarDate, Id } from '@thidua/shared/common';
import { FormKind, Section, TemplateWorkflow } from '@thidua/shared/forms';
import { Role, Unit, UnitKind, User } from '@thidua/shared/org';
import * as z from 'zod';
import { defineContract } from '../http/contract';
import { CampaignParams, TemplateParams } from './campaigns';
import { PageQuery, pageOf } from './common';
import { UnitParams } from './org';

export const CreateUnitBody = z.object({
  id: Id.optional().describe('mặc định: tự sinh'),
  kind: UnitKind,
  name: z.string().trim().min(1).max(200),
  parentId: Id,
  openedOn: CalendarDate,
});

export const UpdateUnitBody = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    closedOn: CalendarDate.nullable().optional(),
    successorId: Id.nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'Cần ít nhất một thay đổi' });

export const CreateUserBody = z.object({
  email: z.email(),
  name: z.string().trim().min(1).max(200),
  title: z.string().max(200).default(''),
  unitId: Id,
  roles: z.array(Role).min(1),
});

export const UpdateUserBody = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    title: z.string().max(200).optional(),
    unitId: Id.optional(),
    roles: z.array(Role).min(1).optional(),
    active: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'Cần ít nhất một thay đổi' });

export const CampaignBody = Campaign.omit({ tenantId: true });
export const UpdateCampaignBody = Campaign.omit({ tenantId: true, id: true });

export const TemplateVersionBody = z.object({
  kind: FormKind,
  title: z.string().min(1).max(300),
  description: z.string().max(2000).default(''),
  sections: z.array(Section).min(1),
  workflow: TemplateWorkflow.optional(),
});

export const adminContracts = {
  createUnit: defineContract({
    operationId: 'createUnit',
    body: CreateUnitBody,
    response: Unit,
    status: 201,
    errors: [403, 404, 409, 413, 422],
  }),
  updateUnit: defineContract({
    operationId: 'updateUnit',
    params: UnitParams,
    body: UpdateUnitBody,
    response: Unit,
    errors: [403, 404, 413, 422],
  }),
  listUsers: defineContract({
    operationId: 'listUsers',
    query: PageQuery.extend({ unitId: Id }),
    response: pageOf(User),
    errors: [403, 404],
  }),
  createUser: defineContract({
    operationId: 'createUser',
    body: CreateUserBody,
    response: User,
    status: 201,
    errors: [403, 404, 409, 413, 422],
    idempotencyPrecheck: true,
  }),
  updateUser: defineContract({
    operationId: 'updateUser',
    params: z.object({
      userId: z
        .string()
        .min(1)
        .max(64)
        .regex(/^[A-Za-z0-9_-]+$/),
    }),
    body: UpdateUserBody,
    response: User,
    errors: [403, 404, 413, 422],
    idempotencyPrecheck: true,
  }),
  createCampaign: defineContract({
    operationId: 'createCampaign',
    body: CampaignBody,
    response: Campaign,
    status: 201,
    errors: [403, 409, 413, 422],
  }),
  updateCampaign: defineContract({
    operationId: 'updateCampaign',
    params: CampaignParams,
    body: UpdateCampaignBody,
    response: Campaign,
    errors: [403, 404, 413, 422],
  }),
  createTemplateVersion: defineContract({
    operationId: 'createTemplateVersion',
    params: TemplateParams,
    body: TemplateVersionBody,
    response: z.object({ templateId: Id, version: z.number().int() }),
    status: 201,
    errors: [403, 409, 413, 422],
    description: 'Phiên bản mới = phiên bản mới nhất + 1; các báo cáo đang xử lý giữ phiên bản cũ.',
  }),
};
