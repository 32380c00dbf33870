import { useQuery } from '@tanstack/react-query';
import type { Unit } from '@thidua/shared/org';
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { describeError } from '../../api/describe';
import { isHttpError } from '../../api/errors';
import { useApi } from '../../app/services';
import { useCatalogue, useT } from '../../i18n';
import { Alert, Button, Dialog, Field } from '../../ui';
import { useKeyedMutation } from '../core/mutations';
import { messages } from './messages';
import { adminService } from './service';
import './admin.css';

export const useA = () => useCatalogue(messages);

export const useAdmin = () => {
  const api = useApi();
  return useMemo(() => adminService(api), [api]);
};

/** Every unit of the province, for the unit pickers (names change rarely: cached for a few minutes). */
export function useUnits() {
  const svc = useAdmin();
  return useQuery({ queryKey: ['admin', 'units'], queryFn: () => svc.units(), staleTime: 5 * 60_000 });
}

/**
 * One administrator intent as a mutation: its Idempotency-Key survives a retry after a lost answer and is
 * dropped once the server has answered (a second click after an answer is a new intent).
 */
export const useAdminMutation = useKeyedMutation;

/** A refusal in words: the API's own Vietnamese reason for a conflict or a rule, else the common sentence. */
export function ErrorAlert({ error }: { error: unknown }) {
  const t = useT();
  if (!error) return null;
  const text =
    isHttpError(error) && (error.status === 409 || error.status === 422)
      ? error.message
      : describeError(error, t);
  return <Alert tone="danger">{text}</Alert>;
}

/** The confirmation every irreversible or far-reaching action asks for, with the action's own words. */
export function ConfirmDialog({
  open,
  title,
  text,
  confirmLabel,
  danger = false,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  text: string;
  confirmLabel: string;
  danger?: boolean;
  busy: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const a = useA();
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{a('cancel')}</Button>
          <Button variant={danger ? 'danger' : 'primary'} loading={busy} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <p>{text}</p>
      <ErrorAlert error={error} />
    </Dialog>
  );
}

/** A unit picker over the whole tree, indented by depth (the path's length), with an empty first choice. */
export function UnitSelect({
  units,
  value,
  onChange,
  label,
  required,
  help,
  error,
}: {
  units: readonly Unit[];
  value: string;
  onChange: (unitId: string) => void;
  label: ReactNode;
  required?: boolean;
  help?: ReactNode;
  error?: string | undefined;
}) {
  const a = useA();
  return (
    <Field label={label} required={required ?? false} help={help} error={error}>
      {(p) => (
        <select {...p} className="select" value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{a('chooseUnit')}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {'\u00a0'.repeat(u.path.length * 2)}
              {u.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
