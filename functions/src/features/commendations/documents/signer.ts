import { vnDate } from '@thidua/shared/commendation';
import { type OfficeHolder, officeHoldersOn, type Unit } from '@thidua/shared/org';
import { RuleViolation } from '../../../kernel/http/errors';
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

/** The province unit read fresh, not the cached root: its office holders change. */
const provinceUnit = async (d: CommendationDeps, tenantId: string): Promise<Unit> => {
  const root = await rootUnit(d, tenantId);
  return (await d.units.get(tenantId, root.id)) ?? root;
};

/** The province's office holder who signs: the chair by default, or the deputy the signing step names. */
export const provinceSigner = async (d: CommendationDeps, tenantId: string, now: Date, signerId?: string) =>
  signerOf(await provinceUnit(d, tenantId), vnDate(now), signerId);

/** The holders in office on the day (head first): whom the signing step may choose. */
export const provinceSigners = async (d: CommendationDeps, tenantId: string, now: Date) =>
  officeHoldersOn((await provinceUnit(d, tenantId)).officeHolders, vnDate(now));
