import { vnDate } from '@thidua/shared/commendation';
import { type OfficeHolder, officeHoldersOn, type Unit } from '@thidua/shared/org';
import { NotFound, RuleViolation } from '../../../kernel/http/errors';
import { type CommendationDeps, rootUnit } from '../context';
import type { Signature } from './layout';

/**
 * Who signs a unit's document: one of its office holders in office on the day — the head, or a deputy the
 * signing step names ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"). Never the user who clicked: a reviewer or the chair's
 * assistant acts in the product, the office holder answers for the document. No head on record: 422.
 */
export const signerOf = (
  unit: Pick<Unit, 'name' | 'officeHolders'>,
  day: string,
  holderId?: string | null,
): OfficeHolder => {
  const inOffice = officeHoldersOn(unit.officeHolders, day);
  if (holderId) {
    const chosen = inOffice.find((h) => h.id === holderId);
    if (!chosen)
      throw new RuleViolation(
        `Người ký không giữ chức vụ tại ${unit.name} vào ngày ${day}`,
        [{ path: 'body.signerId', message: 'Chọn Chủ tịch hoặc một Phó Chủ tịch đang đương nhiệm' }],
        'no_office_holder',
      );
    return chosen;
  }
  const head = inOffice.find((h) => h.role === 'head');
  if (!head)
    throw new RuleViolation(
      `${unit.name} chưa có người đứng đầu được ghi nhận vào ngày ${day}: không thể lập văn bản để ký`,
      [{ path: 'body.signerId', message: 'Cần ghi nhận Chủ tịch (người đứng đầu) của đơn vị' }],
      'no_office_holder',
    );
  return head;
};

/** The signature block of a holder: the head by title; a deputy "KT." for the head's title. */
export const signatureOf = (onBehalf: string, headTitle: string, holder: OfficeHolder): Signature =>
  holder.role === 'head'
    ? { onBehalf, title: holder.title, name: holder.name }
    : { onBehalf, delegatedBy: headTitle, title: holder.title, name: holder.name };

/**
 * The unit whose office holder signs: a unit's own council's (ADR 0037), or the province — read fresh,
 * not the cached root: office holders change.
 */
const signingUnit = async (d: CommendationDeps, tenantId: string, unitId?: string): Promise<Unit> => {
  if (unitId !== undefined) {
    const unit = await d.units.get(tenantId, unitId);
    if (!unit) throw new NotFound('Không tìm thấy đơn vị');
    return unit;
  }
  const root = await rootUnit(d, tenantId);
  return (await d.units.get(tenantId, root.id)) ?? root;
};

/**
 * The office holder who signs a council's decision: the head of the session's unit (the province's chair
 * when it names none) by default, or the deputy the signing step names.
 */
export const councilSigner = async (
  d: CommendationDeps,
  tenantId: string,
  unitId: string | undefined,
  now: Date,
  signerId?: string,
) => signerOf(await signingUnit(d, tenantId, unitId), vnDate(now), signerId);

/** The holders of the council's unit in office on the day (head first): whom the signing step may choose. */
export const councilSigners = async (
  d: CommendationDeps,
  tenantId: string,
  unitId: string | undefined,
  now: Date,
) => officeHoldersOn((await signingUnit(d, tenantId, unitId)).officeHolders, vnDate(now));

/** The province's office holder who signs: the chair by default, or the deputy the signing step names. */
export const provinceSigner = (d: CommendationDeps, tenantId: string, now: Date, signerId?: string) =>
  councilSigner(d, tenantId, undefined, now, signerId);
