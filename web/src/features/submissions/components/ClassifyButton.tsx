import { zodResolver } from '@hookform/resolvers/zod';
import { authorizeClassify } from '@thidua/shared/policy';
import { Reason, type Submission } from '@thidua/shared/workflow';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { describeError } from '../../../api/describe';
import { useSession } from '../../../app/services';
import { workspaceContextOf } from '../../../auth/workspace';
import { useT } from '../../../i18n';
import { Alert, Button, Dialog, Field, useToast } from '../../../ui';
import { useClassify } from '../mutations';

const WithReason = z.object({ text: Reason });

/**
 * "Mật" for the reviewers and the secretariat above the unit (the shared policy decides who sees the
 * button; the API decides again). Setting or lifting it asks for a reason, which enters the audit trail.
 */
export function ClassifyButton({ submission }: { submission: Submission }) {
  const t = useT();
  const session = useSession();
  const [open, setOpen] = useState(false);
  const { identity } = workspaceContextOf(session?.claims);
  const resource = {
    type: 'submission' as const,
    tenantId: submission.tenantId,
    unitId: submission.unitId,
    unitPath: submission.unitPath,
  };
  if (!authorizeClassify(identity, resource).allowed) return null;
  const classified = submission.classified === true;
  return (
    <>
      <Button size="sm" variant={classified ? 'secondary' : 'danger'} onClick={() => setOpen(true)}>
        {t(classified ? 'classify.lift' : 'classify.set')}
      </Button>
      {open ? (
        <ClassifyDialog submission={submission} classified={!classified} onClose={() => setOpen(false)} />
      ) : null}
    </>
  );
}

function ClassifyDialog({
  submission,
  classified,
  onClose,
}: {
  submission: Submission;
  classified: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const toast = useToast();
  const mutation = useClassify(submission.id);
  const form = useForm<{ text: string }>({ defaultValues: { text: '' }, resolver: zodResolver(WithReason) });
  const [failure, setFailure] = useState<unknown>(null);
  const onConfirm = form.handleSubmit(async ({ text }) => {
    setFailure(null);
    try {
      await mutation.mutateAsync({ classified, reason: text.trim(), expectedVersion: submission.version });
      toast(t('classify.done'), 'success');
      onClose();
    } catch (e) {
      setFailure(e);
    }
  });
  const label = t(classified ? 'classify.set' : 'classify.lift');
  return (
    <Dialog
      open
      title={label}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="danger" loading={mutation.isPending} onClick={() => void onConfirm()}>
            {label}
          </Button>
        </>
      }
    >
      <form onSubmit={(e) => void onConfirm(e)} noValidate>
        <p>{t(classified ? 'classify.explainSet' : 'classify.explainLift', { unit: submission.unitName })}</p>
        {failure ? <Alert tone="danger">{describeError(failure, t)}</Alert> : null}
        <Field
          label={t('action.reason')}
          help={t('action.reasonHelp')}
          error={form.formState.errors.text?.message}
          required
        >
          {(p) => <textarea {...p} className="textarea" {...form.register('text')} />}
        </Field>
      </form>
    </Dialog>
  );
}
