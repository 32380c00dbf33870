import type { Campaign } from '@thidua/shared/campaign';
import { useState } from 'react';
import { useT } from '../../../i18n';
import { SelectField } from '../../../ui';
import { formChoices, periodChoices } from '../../review/choices';
import { cutOffDayOf } from '../../submissions/labels';
import { useFormTitles } from '../../submissions/queries';

/** Form and period pickers shared by the tabs. */
export function usePick(campaign: Campaign) {
  const first = campaign.forms.find((a) => a.formKey === 'periodic_report') ?? campaign.forms[0];
  const [formKey, setFormKey] = useState(first?.formKey ?? '');
  const [period, setPeriod] = useState(first?.periods[0] ?? '');
  const periods = campaign.forms.find((a) => a.formKey === formKey)?.periods ?? [];
  return {
    formKey,
    period,
    periods,
    setFormKey: (k: string) => {
      setFormKey(k);
      setPeriod(campaign.forms.find((a) => a.formKey === k)?.periods[0] ?? '');
    },
    setPeriod,
  };
}

export function FormPeriodPicker({
  campaign,
  pick,
  allowAllPeriods = false,
}: {
  campaign: Campaign;
  pick: ReturnType<typeof usePick>;
  allowAllPeriods?: boolean;
}) {
  const t = useT();
  const titleOf = useFormTitles(campaign);
  return (
    <div className="filters-grid">
      <SelectField
        label={t('inbox.filter.form')}
        value={pick.formKey}
        onChange={pick.setFormKey}
        choices={formChoices(campaign, titleOf)}
      />
      <SelectField
        label={t('inbox.filter.period')}
        value={pick.period}
        onChange={pick.setPeriod}
        empty={allowAllPeriods ? t('common.all') : undefined}
        choices={periodChoices(pick.periods, t, cutOffDayOf(campaign, pick.formKey))}
      />
    </div>
  );
}
