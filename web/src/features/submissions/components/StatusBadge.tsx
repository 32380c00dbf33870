import type { SubmissionState } from '@thidua/shared/workflow';
import { useT } from '../../../i18n';
import { Badge, type BadgeTone } from '../../../ui';

const tone: Record<SubmissionState, BadgeTone> = {
  draft: 'neutral',
  awaiting_signoff: 'info',
  under_review: 'info',
  returned: 'warning',
  approved: 'success',
  rejected: 'danger',
  withdrawn: 'neutral',
};

/** A submission's state; while under review, which unit has it. */
export function StatusBadge({ state, atUnit }: { state: SubmissionState; atUnit?: string | null }) {
  const t = useT();
  return (
    <Badge tone={tone[state]}>
      {t(`status.${state}`)}
      {state === 'under_review' && atUnit ? ` · ${atUnit}` : ''}
    </Badge>
  );
}

export function OverdueBadge() {
  const t = useT();
  return <Badge tone="danger">{t('status.overdue')}</Badge>;
}
