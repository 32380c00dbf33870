import * as z from 'zod';
import { SigningMode } from '../commendation/records';
import { SecretariatContact, TenantContact } from '../tenancy/contact';
import { DecisionSigning } from '../tenancy/signing';
import { defineRoute } from './kernel';

/**
 * The province's own settings shown to its people (issue 15, point 10): the secretariat's contact on
 * every help page. Everyone of the tenant reads it; its administrator keeps it (policy
 * `tenant_settings`), each change an audit event. In the `admin` Lambda beside the security settings.
 */
export const TenantContactAnswer = z.object({
  /** null until the administrator sets it. */
  contact: TenantContact.nullable(),
});

export const getTenantContact = defineRoute({
  method: 'GET',
  path: '/tenant/contact',
  group: 'admin',
  auth: 'user',
  operationId: 'getTenantContact',
  summary: "The province secretariat's contact (help pages)",
  response: TenantContactAnswer,
  errors: [],
});

export const putTenantContact = defineRoute({
  method: 'PUT',
  path: '/tenant/contact',
  group: 'admin',
  auth: 'user',
  operationId: 'putTenantContact',
  summary: "Sets the province secretariat's contact (administrator; audited)",
  body: SecretariatContact,
  response: TenantContact,
  errors: [403, 409, 422],
  description:
    'Tên cơ quan đầu mối, điện thoại, thư điện tử, địa chỉ; ghi cùng sự kiện nhật ký và khoá Idempotency-Key trong một giao dịch.',
});

/** The administrator's choice (ADR 0032); `paper` needs the reason, kept in the audit trail. */
export const DecisionSigningInput = z
  .object({
    mode: SigningMode,
    /** Why the province signs on paper (required for `paper`): printed in the audit trail. */
    reason: z.string().trim().max(500).default(''),
  })
  .refine((s) => s.mode === 'digital' || s.reason.length >= 10, {
    path: ['reason'],
    message: 'Nêu lý do chưa dùng chữ ký số (ít nhất 10 ký tự)',
  });
export type DecisionSigningInput = z.infer<typeof DecisionSigningInput>;

export const getDecisionSigning = defineRoute({
  method: 'GET',
  path: '/tenant/signing',
  group: 'admin',
  auth: 'user',
  operationId: 'getDecisionSigning',
  summary: "How the province's decisions are signed: digital signature (default) or paper original",
  response: z.object({ signing: DecisionSigning.nullable(), mode: DecisionSigning.shape.mode }),
  errors: [],
});

export const putDecisionSigning = defineRoute({
  method: 'PUT',
  path: '/tenant/signing',
  group: 'admin',
  auth: 'user',
  operationId: 'putDecisionSigning',
  summary: 'Sets how decisions are signed (administrator; audited; paper needs a reason)',
  body: DecisionSigningInput,
  response: DecisionSigning,
  errors: [403, 409, 422],
  description: 'paper: bản gốc là bản giấy, phải nêu lý do (ADR 0032).',
});

export const tenantSettingsContracts = {
  getTenantContact,
  putTenantContact,
  getDecisionSigning,
  putDecisionSigning,
};
