import * as z from 'zod';
import { SecretariatContact, TenantContact } from '../tenancy/contact';
import { DecisionSigning, DecisionSigningInput } from '../tenancy/signing';
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
  description:
    'digital: quyết định chỉ được ban hành khi tệp PDF có chữ ký số hợp lệ được tải lên (Nghị định 30/2020, Điều 13). paper: bản gốc là bản giấy ký tay, văn bản điện tử ghi rõ "bản giấy"; phải nêu lý do; ghi nhật ký.',
});

export const tenantSettingsContracts = {
  getTenantContact,
  putTenantContact,
  getDecisionSigning,
  putDecisionSigning,
};
