import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import {
  Reason,
  type ReviewComment,
  returnFields,
  type Submission,
  type WorkflowActionType,
} from '@thidua/shared/workflow';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { describeError } from '../../../api/describe';
import { isHttpError } from '../../../api/errors';
import { type MessageKey, useT } from '../../../i18n';
import { Alert, Button, Dialog, Field, useToast } from '../../../ui';
import { useWorkflowAction } from '../mutations';
import { submissionKeys } from '../queries';

/** Actions offered from the read-only view (the editor has its own submit). Order = button order. */
const ORDER: WorkflowActionType[] = ['approve', 'sign_off', 'return', 'reject', 'reopen', 'withdraw'];
const NEEDS_REASON: ReadonlySet<WorkflowActionType> = new Set(['return', 'reject', 'reopen']);

const buttonLabel: Record<WorkflowActionType, MessageKey> = {
  submit: 'action.submit',
  sign_off: 'action.sign_off',
  approve: 'action.approve',
  return: 'action.return',
  reject: 'action.reject',
  withdraw: 'action.withdraw',
  reopen: 'action.reopen',
};
const done: Record<WorkflowActionType, MessageKey> = {
  submit: 'action.done.submit',
  sign_off: 'action.done.sign_off',
  approve: 'action.done.approve',
  return: 'action.done.return',
  reject: 'action.done.reject',
  withdraw: 'action.done.withdraw',
  reopen: 'action.done.reopen',
};

const WithReason = z.object({ text: Reason });
const WithComment = z.object({ text: z.string().max(2000) });
type DialogValues = { text: string };

/** A field a return can point at: `section.field` and its label. */
export interface ReturnFieldChoice {
  key: string;
  label: string;
}

export function ActionBar({
  submission,
  actions,
  fieldChoices = [],
  comments = [],
}: {
  submission: Submission;
  actions: readonly WorkflowActionType[];
  /** The form's fields, offered in the return dialog. */
  fieldChoices?: readonly ReturnFieldChoice[];
  /** The report's review comments: those written "with the return" tick their fields beforehand. */
  comments?: readonly ReviewComment[];
}) {
  const t = useT();
  const [open, setOpen] = useState<WorkflowActionType | null>(null);
  const offered = ORDER.filter((a) => actions.includes(a));
  if (offered.length === 0) return null;
  return (
    <fieldset className="action-bar">
      <legend className="visually-hidden">{t('action.groupLabel')}</legend>
      {offered.map((a) => (
        <Button
          key={a}
          variant={a === 'approve' || a === 'sign_off' ? 'primary' : a === 'reject' ? 'danger' : 'secondary'}
          onClick={() => setOpen(a)}
        >
          {t(buttonLabel[a])}
        </Button>
      ))}
      {open ? (
        <ActionDialog
          submission={submission}
          action={open}
          fieldChoices={fieldChoices}
          commented={returnFields(undefined, comments, submission.level)}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </fieldset>
  );
}

function ActionDialog({
  submission,
  action,
  fieldChoices,
  commented,
  onClose,
}: {
  submission: Submission;
  action: WorkflowActionType;
  fieldChoices: readonly ReturnFieldChoice[];
  /** Fields the level's comments "with the return" point at (ticked when the dialog opens). */
  commented: readonly string[];
  onClose: () => void;
}) {
  const t = useT();
  const toast = useToast();
  const qc = useQueryClient();
  const mutation = useWorkflowAction(submission.id);
  const needsReason = NEEDS_REASON.has(action);
  const takesComment = action === 'approve';
  const form = useForm<DialogValues>({
    defaultValues: { text: '' },
    resolver: zodResolver(needsReason ? WithReason : WithComment),
  });
  const [failure, setFailure] = useState<unknown>(null);
  // The return's fields, in the order ticked (the first is where the unit's notice opens the report).
  const [picked, setPicked] = useState<string[]>([...commented]);
  const pickable = action === 'return' && fieldChoices.length > 0;

  const onConfirm = form.handleSubmit(async ({ text }) => {
    setFailure(null);
    const a =
      action === 'return'
        ? { type: action, reason: text.trim(), ...(picked.length ? { fields: picked } : {}) }
        : action === 'reject' || action === 'reopen'
          ? { type: action, reason: text.trim() }
          : action === 'approve'
            ? text.trim()
              ? { type: action, comment: text.trim() }
              : { type: action }
            : { type: action };
    try {
      await mutation.mutateAsync({ expectedVersion: submission.version, action: a });
      toast(t(done[action]), 'success');
      onClose();
    } catch (e) {
      if (isHttpError(e) && e.status === 400) {
        const d = e.details.find((x) => x.path.endsWith('reason') || x.path.endsWith('comment'));
        if (d) {
          form.setError('text', { message: d.message });
          return;
        }
      }
      setFailure(e);
    }
  });

  const conflict =
    isHttpError(failure) && (failure.isConflict || failure.status === 403 || failure.status === 404);
  return (
    <Dialog
      open
      title={t(`action.confirm.${action}`)}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            variant={action === 'reject' ? 'danger' : 'primary'}
            loading={mutation.isPending}
            onClick={() => void onConfirm()}
          >
            {t(buttonLabel[action])}
          </Button>
        </>
      }
    >
      <form onSubmit={(e) => void onConfirm(e)} noValidate>
        <p>
          {t(`action.explain.${action}`, {
            unit: submission.unitName,
          })}
        </p>
        {failure ? (
          <Alert
            tone="danger"
            actions={
              conflict ? (
                <Button
                  size="sm"
                  onClick={() => {
                    onClose();
                    void qc.invalidateQueries({ queryKey: submissionKeys.detail(submission.id) });
                    void qc.invalidateQueries({ queryKey: submissionKeys.history(submission.id) });
                  }}
                >
                  {t('common.reload')}
                </Button>
              ) : null
            }
          >
            {describeError(failure, t)}
          </Alert>
        ) : null}
        {needsReason || takesComment ? (
          <Field
            label={needsReason ? t('action.reason') : t('action.comment')}
            help={needsReason ? t('action.reasonHelp') : undefined}
            error={form.formState.errors.text?.message}
            required={needsReason}
          >
            {(p) => <textarea {...p} className="textarea" {...form.register('text')} />}
          </Field>
        ) : null}
        {pickable ? (
          <fieldset className="return-fields">
            <legend>{t('action.returnFields')}</legend>
            <p className="muted">{t('action.returnFieldsHelp')}</p>
            {fieldChoices.map((f) => (
              <label key={f.key} className="checkbox">
                <input
                  type="checkbox"
                  checked={picked.includes(f.key)}
                  onChange={(e) =>
                    setPicked((now) => (e.target.checked ? [...now, f.key] : now.filter((k) => k !== f.key)))
                  }
                />{' '}
                {f.label}
              </label>
            ))}
          </fieldset>
        ) : null}
      </form>
    </Dialog>
  );
}
