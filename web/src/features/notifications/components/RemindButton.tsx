import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { describeError } from '../../../api/describe';
import { isHttpError } from '../../../api/errors';
import { useCatalogue, useT } from '../../../i18n';
import { Alert, Button, Dialog, useToast } from '../../../ui';
import { messages } from '../messages';
import { useNotifications } from '../service';

/**
 * The completeness page's "Nhắc nhở": confirmed, then one request with one Idempotency-Key (kept across a
 * retry after a lost answer), so a double click or a retry reminds each unit once.
 */
export function RemindButton(props: {
  campaignId: string;
  formKey: string;
  period: string;
  parentUnitId: string;
  unitIds: readonly string[];
}) {
  const n = useCatalogue(messages);
  const t = useT();
  const svc = useNotifications();
  const notify = useToast();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const key = useRef<string | null>(null);
  const remind = useMutation({
    mutationFn: () => {
      key.current ??= crypto.randomUUID();
      return svc.remind(
        props.campaignId,
        {
          formKey: props.formKey,
          period: props.period,
          parentUnitId: props.parentUnitId,
          unitIds: [...props.unitIds],
          ...(message.trim() ? { message: message.trim() } : {}),
        },
        key.current,
      );
    },
    onSuccess: (r) => {
      key.current = null;
      setOpen(false);
      notify(n('remind.done', { n: r.reminded.length }), 'success');
    },
    onError: (e) => {
      if (!(isHttpError(e) && e.isNetwork)) key.current = null;
    },
  });
  if (props.unitIds.length === 0) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)}>{n('remind.button')}</Button>
      <Dialog
        open={open}
        title={n('remind.title')}
        onClose={() => setOpen(false)}
        footer={
          <>
            <Button onClick={() => setOpen(false)}>{n('cancel')}</Button>
            <Button variant="primary" loading={remind.isPending} onClick={() => remind.mutate()}>
              {n('remind.confirm')}
            </Button>
          </>
        }
      >
        <p>{n('remind.text', { n: props.unitIds.length })}</p>
        <label className="field-label" htmlFor="remind-message">
          {n('remind.message')}
        </label>
        <textarea
          id="remind-message"
          maxLength={1000}
          rows={3}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
        />
        {remind.isError ? (
          <Alert tone="danger">
            {isHttpError(remind.error) && remind.error.status !== 500
              ? remind.error.message
              : describeError(remind.error, t)}
          </Alert>
        ) : null}
      </Dialog>
    </>
  );
}
