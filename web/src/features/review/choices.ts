import type { Campaign } from '@thidua/shared/campaign';
import type { Translate } from '../../i18n';
import type { Choice } from '../../ui';
import { periodLabel } from '../submissions/labels';

/** The choices of the campaign / form / period filters, labelled the same on every reviewing screen. */
export const campaignChoices = (campaigns: readonly Campaign[] | undefined): Choice[] =>
  (campaigns ?? []).map((c) => ({ value: c.id, label: `${c.number} – ${c.year}` }));

export const formChoices = (campaign: Campaign | undefined, titleOf: (formKey: string) => string): Choice[] =>
  (campaign?.forms ?? []).map((a) => ({ value: a.formKey, label: titleOf(a.formKey) }));

export const periodChoices = (periods: readonly string[], t: Translate): Choice[] =>
  periods.map((x) => ({ value: x, label: periodLabel(x, t) }));
