import type { Campaign } from '@thidua/shared/campaign';
import type { Translate } from '../../i18n';
import type { Choice } from '../../ui';
import { periodWithCutOff } from '../submissions/labels';

/** The choices of the campaign / form / period filters, labelled the same on every reviewing screen. */
export const campaignChoices = (campaigns: readonly Campaign[] | undefined): Choice[] =>
  (campaigns ?? []).map((c) => ({ value: c.id, label: `${c.number} – ${c.year}` }));

export const formChoices = (campaign: Campaign | undefined, titleOf: (formKey: string) => string): Choice[] =>
  (campaign?.forms ?? []).map((a) => ({ value: a.formKey, label: titleOf(a.formKey) }));

/** Each period with the form's cut-off when it sets one ("Tháng 01/2026 (số liệu tính đến 14/01/2026)"). */
export const periodChoices = (periods: readonly string[], t: Translate, cutOffDay?: number): Choice[] =>
  periods.map((x) => ({ value: x, label: periodWithCutOff(x, t, cutOffDay) }));
