import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Campaign } from '@thidua/shared/campaign';
import { type ReactNode, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { newIdempotencyKey } from '../../api/client';
import { describeError } from '../../api/describe';
import { isHttpError } from '../../api/errors';
import { wholePage } from '../../app/queryClient';
import { useApi } from '../../app/services';
import { useCatalogue, useT } from '../../i18n';
import { Alert, Button, Dialog, Field, TextField } from '../../ui';
import { useCampaigns } from '../core/queries';
import { messages } from './messages';
import { commendationService } from './service';
import './commendations.css';

export const useCommendations = () => {
  const api = useApi();
  return useMemo(() => commendationService(api), [api]);
};

export const useC = () => useCatalogue(messages);

/** One idempotency key per user intent (a retry after a lost answer reuses it). */
export function useIntent() {
  const key = useRef<string | null>(null);
  return {
    key: () => {
      key.current ??= newIdempotencyKey();
      return key.current;
    },
    done: () => {
      key.current = null;
    },
    failed: (e: unknown) => {
      if (!(isHttpError(e) && e.isNetwork)) key.current = null;
    },
  };
}

/**
 * A mutation that is one user intent: its idempotency key is kept across a retry after a network loss
 * and dropped once the server has answered; `after` runs on success (close a dialog, refetch).
 */
export function useIntentMutation<A, R>(
  run: (arg: A, key: string) => Promise<R>,
  after: (result: R, arg: A) => unknown,
) {
  const intent = useIntent();
  return useMutation({
    mutationFn: (arg: A) => run(arg, intent.key()),
    onSuccess: async (result, arg) => {
      intent.done();
      await after(result, arg);
    },
    onError: intent.failed,
  });
}

/** Refetches every commendation view (a decision on one changes lists on several pages). */
export function useRefresh() {
  const qc = useQueryClient();
  return (...key: string[]) => qc.invalidateQueries({ queryKey: ['commendations', ...key] });
}

/** A commendation list of the chosen campaign, fetched once a campaign is known. */
export function useCampaignQuery<T>(
  key: readonly string[],
  campaignId: string,
  get: (id: string) => Promise<T>,
) {
  return useQuery({
    queryKey: ['commendations', ...key, campaignId],
    queryFn: () => get(campaignId),
    enabled: Boolean(campaignId),
    // A commendation page is its list: the API refusing it (403, or 404 out of scope) refuses the page.
    meta: wholePage,
  });
}

/**
 * The campaigns that take nominations, and the chosen one: the link's (`?campaign=`, a notice's), else
 * the active one first.
 */
export function useNominationCampaign() {
  const campaigns = useCampaigns();
  const [params] = useSearchParams();
  const list = (campaigns.data ?? []).filter((c: Campaign) =>
    c.forms.some((f) => f.formKey === 'nomination'),
  );
  const linked = params.get('campaign') ?? '';
  const [chosen, setChosen] = useState('');
  const fromLink = list.some((c) => c.id === linked) ? linked : '';
  const campaignId = chosen || fromLink || list.find((c) => c.status === 'active')?.id || list[0]?.id || '';
  return { list, campaignId, setCampaignId: setChosen, loading: campaigns.isLoading };
}

export function CampaignSelect({
  list,
  value,
  onChange,
}: {
  list: readonly Campaign[];
  value: string;
  onChange: (id: string) => void;
}) {
  const c = useC();
  return (
    <Field label={c('campaign')}>
      {(p) => (
        <select {...p} className="select" value={value} onChange={(e) => onChange(e.target.value)}>
          {list.map((x) => (
            <option key={x.id} value={x.id}>
              {x.number} – {x.title}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** What every commendation page starts from: its strings, the API, a refetch, the chosen campaign. */
export function useCommendationPage() {
  return {
    c: useC(),
    svc: useCommendations(),
    refresh: useRefresh(),
    campaign: useNominationCampaign(),
  };
}

/** A page's title (and intro), then the campaign it works on. */
export function CampaignHeader({
  title,
  intro,
  campaign,
}: {
  title: string;
  intro?: string;
  campaign: ReturnType<typeof useNominationCampaign>;
}) {
  return (
    <>
      <h1>{title}</h1>
      {intro ? <p className="muted">{intro}</p> : null}
      <div className="card">
        <CampaignSelect list={campaign.list} value={campaign.campaignId} onChange={campaign.setCampaignId} />
      </div>
    </>
  );
}

/** The nominees of a batch, disclosure or session, one line each. */
export function EntryList({
  entries,
}: {
  entries: readonly { nominationId: string; nomineeName: string; unitName: string; awardTypeName: string }[];
}) {
  return (
    <ol>
      {entries.map((e) => (
        <li key={e.nominationId}>
          {e.nomineeName} ({e.unitName}) — {e.awardTypeName}
        </li>
      ))}
    </ol>
  );
}

/** Adds or removes one id of a picked list (checkbox lists). */
export const toggle = (list: readonly string[], id: string, on: boolean): string[] =>
  on ? [...list, id] : list.filter((x) => x !== id);

/** A checkbox line of a pick list; `aside` stands after the label (e.g. "already in a batch"). */
export function PickItem({
  checked,
  disabled,
  onChange,
  aside,
  children,
}: {
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
  aside?: ReactNode;
  children: ReactNode;
}) {
  return (
    <li className="c-item">
      <label>
        <input
          type="checkbox"
          checked={checked}
          disabled={disabled}
          onChange={(e) => onChange(e.target.checked)}
        />
        <span>{children}</span>
      </label>
      {aside}
    </li>
  );
}

/** The error of a form's action, then its one primary button. */
export function PrimaryAction({
  label,
  mutation,
  disabled = false,
  onClick,
}: {
  label: string;
  mutation: { error: unknown; isPending: boolean };
  disabled?: boolean;
  onClick: () => void;
}) {
  return (
    <>
      <ErrorBox error={mutation.error} />
      <div className="c-actions">
        <Button variant="primary" disabled={disabled} loading={mutation.isPending} onClick={onClick}>
          {label}
        </Button>
      </div>
    </>
  );
}

/** What a reason dialog acts on, and the reason typed (kept when cancelled, cleared after success). */
export function useReasonTarget<T>() {
  const [target, setTarget] = useState<T | null>(null);
  const [reason, setReason] = useState('');
  return {
    target,
    reason,
    setReason,
    open: (t: T) => setTarget(t),
    close: () => setTarget(null),
    /** Closes the dialog after success, clears the reason, then runs `then` (a refetch) and returns it. */
    finish: (then: () => unknown) => {
      setTarget(null);
      setReason('');
      return then();
    },
  };
}

/** Asks for the reason of a return, an early close or a revocation (three characters at least). */
export function ReasonDialog<T>({
  title,
  state,
  pending,
  onConfirm,
  children,
  ready = true,
}: {
  title: string;
  state: ReturnType<typeof useReasonTarget<T>>;
  pending: boolean;
  onConfirm: (target: T) => void;
  /** Further fields recorded with the reason (the authority of an early end). */
  children?: ReactNode;
  /** Whether those further fields are filled in as required (default: nothing more is needed). */
  ready?: boolean;
}) {
  const c = useC();
  const { target } = state;
  return (
    <Dialog
      open={target !== null}
      title={title}
      onClose={state.close}
      footer={
        <>
          <Button onClick={state.close}>{c('cancel')}</Button>
          <Button
            variant="danger"
            disabled={state.reason.trim().length < 3 || !ready}
            loading={pending}
            onClick={() => target !== null && onConfirm(target)}
          >
            {c('confirm')}
          </Button>
        </>
      }
    >
      <TextField label={c('reason')} required multiline value={state.reason} onChange={state.setReason} />
      {children}
    </Dialog>
  );
}

/**
 * A button for an act that cannot be undone: it opens a dialog that says what will happen and acts only
 * on an explicit "Xác nhận" (the developers' guide: irreversible acts are confirmed by the user).
 */
export function ConfirmAction({
  label,
  title,
  message,
  onConfirm,
  pending,
  disabled,
  variant = 'primary',
  children,
}: {
  label: string;
  title?: string;
  message: ReactNode;
  onConfirm: () => void;
  pending: boolean;
  disabled?: boolean;
  variant?: 'primary' | 'danger';
  /** Extra content of the dialog (a choice of signer). */
  children?: ReactNode;
}) {
  const c = useC();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant={variant} disabled={disabled} loading={pending} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Dialog
        open={open}
        title={title ?? label}
        onClose={() => setOpen(false)}
        footer={
          <>
            <Button onClick={() => setOpen(false)}>{c('cancel')}</Button>
            <Button
              variant={variant}
              loading={pending}
              onClick={() => {
                setOpen(false);
                onConfirm();
              }}
            >
              {c('confirm')}
            </Button>
          </>
        }
      >
        <p>{message}</p>
        {children}
        <p className="muted">{c('confirm.irreversible')}</p>
      </Dialog>
    </>
  );
}

/** An error of a mutation, in plain words, with the API's field reasons listed (422 rule violations). */
export function ErrorBox({ error }: { error: unknown }) {
  const t = useT();
  if (!error) return null;
  const details = isHttpError(error) ? error.details : [];
  return (
    <Alert tone="danger">
      <p>{describeError(error, t)}</p>
      {details.length > 0 ? (
        <ul>
          {details.map((d) => (
            <li key={`${d.path}-${d.message}`}>{d.message}</li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}

/** Follows a presigned link fetched on demand (the link lives five minutes). */
export async function openDownload(get: () => Promise<{ url: string }>): Promise<void> {
  const { url } = await get();
  window.location.assign(url);
}

/** Opens a PDF the API made (certificates on their blanks) in a new tab: printed at actual size, 100 %. */
export async function openPdf(get: () => Promise<Blob>): Promise<void> {
  const url = URL.createObjectURL(await get());
  window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A chosen file as base64 (one helper with the imports'). */
export { base64Of } from '../core/ImportPanel';

/** Opens print-ready HTML (certificates on their blanks) in a new tab, where the browser prints it at 100 %. */
export async function openPrintable(get: () => Promise<{ html: string }>): Promise<void> {
  const { html } = await get();
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  window.open(url, '_blank', 'noopener');
}

/**
 * A session (or any item) of a list that a notice's link can open at: `#<kind>-<id>` names it, and it can
 * take the focus the link moves to it.
 */
export function AnchoredSection({
  kind,
  id,
  label,
  children,
}: {
  kind: string;
  id: string;
  label: string;
  children: ReactNode;
}) {
  return (
    <section id={`${kind}-${id}`} tabIndex={-1} className="card c-section" aria-label={label}>
      {children}
    </section>
  );
}
