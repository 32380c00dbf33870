import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import {
  type AttachmentRef,
  buildSubmissionSchema,
  type FormTemplate,
  formatIssues,
  type InvalidEntry,
  type MergeResult,
  mergeable,
  mergeThreeWay,
  resolveMerge,
  validateFormData,
  withInvalidInput,
} from '@thidua/shared/forms';
import { isEditable, type Submission } from '@thidua/shared/workflow';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { FormProvider, type UseFormReturn, useForm } from 'react-hook-form';
import { newIdempotencyKey } from '../../../api/client';
import { describeError } from '../../../api/describe';
import { type FieldIssue, HttpError, isHttpError } from '../../../api/errors';
import { useSession } from '../../../app/services';
import { formatDateTime, formatTime, useT } from '../../../i18n';
import { Alert, Button, useToast } from '../../../ui';
import { FormEditor } from '../../forms/components/FormEditor';
import { FormRuntimeProvider } from '../../forms/components/FormRuntime';
import { canonical, DraftStore, reconcile } from '../../forms/draftStore';
import { domIdFor, resolveErrorTarget } from '../../forms/paths';
import type { Uploader } from '../../forms/upload';
import { AutosaveController, type AutosaveStatus } from '../autosave';
import { submissionKeys, useScanStates, useSubmissionsApi } from '../queries';
import type { SubmissionView } from '../service';
import { ConflictMerge, type ServerSaver } from './ConflictMerge';
import { ErrorSummary, type SummaryItem } from './ErrorSummary';

type Values = Record<string, unknown>;

/** The server's copy as the person typed it: its data with the kept invalid input back in its fields. */
const typedOf = (s: Pick<Submission, 'data' | 'invalid'>): Values =>
  withInvalidInput(s.data, s.invalid ?? []);

/** A 409's current state, when it is a submission the unit may still edit (so the copies can merge). */
function editableCurrent(e: unknown): SubmissionView | null {
  if (!isHttpError(e) || !e.isConflict) return null;
  const body = e.body as { error?: { current?: SubmissionView } } | undefined;
  const current = body?.error?.current;
  return current && typeof current.version === 'number' && isEditable(current.state) ? current : null;
}

/** A merge waiting for the person: the server copy it merges onto, and who saved that copy. */
interface PendingMerge {
  merge: MergeResult;
  remote: Pick<Submission, 'version' | 'data' | 'invalid'>;
  saver: ServerSaver | null;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * Filling a submission: the form from its template; every change kept on the device at once and saved
 * to the server after a quiet moment (with the expected version); restored after a reload; submitted
 * after the shared schema finds nothing to fix. Errors, the device's or the server's, land next to the
 * field that caused them.
 */
export function SubmissionEditor({
  submission,
  template,
  canSubmit,
  aside,
}: {
  submission: Submission;
  template: FormTemplate;
  canSubmit: boolean;
  /** Shown beside each field (the reviewers' comments on it). */
  aside?: (name: string) => ReactNode;
}) {
  const t = useT();
  const toast = useToast();
  const qc = useQueryClient();
  const s = useSubmissionsApi();
  const userId = useSession()?.claims.sub ?? '';
  const drafts = useMemo(() => {
    const st = storage();
    return st ? new DraftStore(st, userId) : null;
  }, [userId]);
  const versionRef = useRef(submission.version);
  // The server's copy at `versionRef` as typed: the base of a merge when the server moves on.
  const baseRef = useRef(typedOf(submission));
  const lastSavedRef = useRef(canonical(baseRef.current));
  const [initial] = useState(() =>
    reconcile(drafts?.read(submission.id) ?? null, { version: submission.version, data: baseRef.current }),
  );
  const [pending, setPending] = useState<PendingMerge | null>(() => {
    if (initial.kind !== 'choose') return null;
    // Compared as the server stores them (numbers, no computed totals), against the copy's base.
    const m = (data: Values) => mergeable(template, data);
    const merge = mergeThreeWay(m(initial.local.base ?? {}), m(initial.local.values), m(baseRef.current));
    return { merge, remote: submission, saver: null };
  });
  const choiceRef = useRef<PendingMerge | null>(pending);
  choiceRef.current = pending;
  const [kept, setKept] = useState<InvalidEntry[]>(submission.invalid ?? []);
  const submitSchema = useMemo(() => buildSubmissionSchema(template, { mode: 'submit' }), [template]);
  const methods = useForm<Values>({
    defaultValues: initial.kind === 'restore' ? initial.values : baseRef.current,
    resolver: zodResolver(submitSchema),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: true,
  });
  const [saveStatus, setSaveStatus] = useState<AutosaveStatus>({ kind: 'idle' });
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [general, setGeneral] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const submitKey = useRef<string | null>(null);

  // The autosave controller lives as long as the editor is mounted (one per mount, so React's
  // development double-mount does not leave a stopped one behind). It reads the latest template
  // through a ref.
  const controllerRef = useRef<AutosaveController<Values> | null>(null);
  const templateRef = useRef(template);
  templateRef.current = template;

  useEffect(() => {
    const controller = new AutosaveController<Values>(async (values) => {
      // Invalid fields are flagged here at once, and sent all the same: the server keeps them flagged
      // beside the valid ones, so the next device finds everything typed.
      const check = validateFormData(templateRef.current, values, { mode: 'draft' });
      if (!check.ok) applyIssues(methods, templateRef.current, formatIssues(check), null);
      const detail = await s.save(submission.id, { expectedVersion: versionRef.current, data: values });
      versionRef.current = detail.version;
      baseRef.current = typedOf(detail);
      lastSavedRef.current = canonical(values);
      setKept(detail.invalid ?? []);
      qc.setQueryData(submissionKeys.detail(submission.id), detail);
      const current = methods.getValues();
      if (canonical(current) === lastSavedRef.current) drafts?.clear(submission.id);
      else
        drafts?.write({
          submissionId: submission.id,
          baseVersion: versionRef.current,
          base: baseRef.current,
          values: current,
          savedAt: new Date().toISOString(),
        });
    }, setSaveStatus);
    controllerRef.current = controller;

    // Every change: a local copy at once, a server save after a pause.
    const sub = methods.watch((values) => {
      if (choiceRef.current) return;
      const snapshot = structuredClone(values) as Values;
      if (canonical(snapshot) === lastSavedRef.current) return;
      drafts?.write({
        submissionId: submission.id,
        baseVersion: versionRef.current,
        base: baseRef.current,
        values: snapshot,
        savedAt: new Date().toISOString(),
      });
      controller.schedule(snapshot);
    });
    // Restored edits are unsaved edits: send them.
    if (initial.kind === 'restore') controller.schedule(initial.values);
    // Back online: retry what failed.
    const onOnline = () => controller.retry();
    window.addEventListener('online', onOnline);
    return () => {
      sub.unsubscribe();
      window.removeEventListener('online', onOnline);
      controller.stop();
      if (controllerRef.current === controller) controllerRef.current = null;
    };
  }, [methods, s, submission.id, qc, drafts, initial]);

  /**
   * The server moved on (another device of the same person, or another person, saved): merge this
   * device's copy onto the server's, field by field, against the version both started from. A server
   * copy no longer editable (submitted, approved…) cannot merge: say who acted, and offer a reload.
   */
  const onConflict = async (e: HttpError) => {
    const current = editableCurrent(e);
    const events = await s.history(submission.id).catch(() => []);
    const by = [...events].reverse().find((ev) => current === null || ev.version === current.version);
    const saver = by ? { name: by.actorName ?? null, self: by.actorId === userId, at: by.at } : null;
    if (!current) {
      setConflict(
        by
          ? t('errors.actedBy', {
              name: saver?.self ? t('merge.you') : (by.actorName ?? t('history.someone')),
              action: t(`event.${by.action}`),
              at: formatDateTime(by.at),
            })
          : t('errors.conflict'),
      );
      return;
    }
    const m = (data: Values) => mergeable(templateRef.current, data);
    const merge = mergeThreeWay(m(baseRef.current), m(methods.getValues()), m(typedOf(current)));
    setPending({ merge, remote: current, saver });
  };
  const onConflictRef = useRef(onConflict);
  onConflictRef.current = onConflict;

  useEffect(() => {
    if (saveStatus.kind === 'failed' && isHttpError(saveStatus.error)) {
      if (saveStatus.error.isConflict) void onConflictRef.current(saveStatus.error);
      else if (saveStatus.error.isValidation) applyIssues(methods, template, saveStatus.error.details, null);
    }
  }, [saveStatus, methods, template]);

  // The server's kept invalid input is flagged at its fields (a copy opened on another device too).
  useEffect(() => {
    if (kept.length > 0) applyIssues(methods, template, kept, null);
  }, [kept, methods, template]);

  // A merge opened at load (this device's copy was made on an older version) names who saved since.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, for the merge offered at load
  useEffect(() => {
    if (initial.kind !== 'choose') return;
    void s
      .history(submission.id)
      .then((events) => {
        const by = [...events].reverse().find((ev) => ev.version === submission.version);
        if (by)
          setPending(
            (p) =>
              p && { ...p, saver: { name: by.actorName ?? null, self: by.actorId === userId, at: by.at } },
          );
      })
      .catch(() => undefined);
  }, []);

  const uploader: Uploader = useMemo(
    () => ({
      start: (f) => s.startUpload(submission.id, f),
      finish: async (ticket) => {
        const ref = await s.confirmUpload(submission.id, ticket.attachmentId);
        await qc.invalidateQueries({ queryKey: submissionKeys.attachments(submission.id) });
        return ref;
      },
    }),
    [s, submission.id, qc],
  );
  const scanStates = useScanStates(submission.id);
  const openAttachment = async (ref: AttachmentRef) => {
    const url = await s.download(submission.id, ref.attachmentId);
    window.open(url, '_blank', 'noopener');
  };

  const onValid = async () => {
    setGeneral(null);
    setSummary([]);
    setSubmitting(true);
    try {
      await controllerRef.current?.flush();
      submitKey.current ??= newIdempotencyKey();
      const detail = await s.act(
        submission.id,
        { expectedVersion: versionRef.current, action: { type: 'submit' } },
        submitKey.current,
      );
      submitKey.current = null;
      drafts?.clear(submission.id);
      controllerRef.current?.stop();
      toast(t('action.done.submit'), 'success');
      qc.setQueryData(submissionKeys.detail(submission.id), detail);
      await Promise.all([
        qc.invalidateQueries({ queryKey: submissionKeys.history(submission.id) }),
        qc.invalidateQueries({ queryKey: submissionKeys.lists }),
      ]);
    } catch (e) {
      if (isHttpError(e) && e.details.length > 0) {
        submitKey.current = null;
        const outside: string[] = [];
        setSummary(applyIssues(methods, template, e.details, (m) => outside.push(m)));
        setGeneral([describeError(e, t), ...outside].join(' '));
      } else if (isHttpError(e) && e.isConflict) {
        submitKey.current = null;
        await onConflict(e);
      } else {
        if (!(isHttpError(e) && e.isNetwork)) submitKey.current = null;
        setGeneral(describeError(e, t));
      }
    } finally {
      setSubmitting(false);
    }
  };
  const onInvalid = () => setSummary(summaryFrom(methods, template));
  const onSubmit = methods.handleSubmit(onValid, onInvalid);

  const reloadFromServer = async () => {
    controllerRef.current?.stop();
    await qc.invalidateQueries({ queryKey: submissionKeys.detail(submission.id) });
  };

  if (pending) {
    return (
      <ConflictMerge
        definition={template}
        merge={pending.merge}
        saver={pending.saver}
        onApply={(choices) => {
          const merged = resolveMerge(pending.merge, choices);
          // The merge is made on the server's copy: save it at the server's version.
          versionRef.current = pending.remote.version;
          baseRef.current = typedOf(pending.remote);
          lastSavedRef.current = canonical(baseRef.current);
          setConflict(null);
          setPending(null);
          methods.reset(merged);
          controllerRef.current?.schedule(merged);
          toast(t('merge.done'), 'success');
        }}
      />
    );
  }

  return (
    <FormRuntimeProvider
      value={{ uploader, openAttachment, scanStates, scoring: 'self', ...(aside ? { aside } : {}) }}
    >
      <FormProvider {...methods}>
        <form onSubmit={(e) => void onSubmit(e)} noValidate className="submission-form">
          {initial.kind === 'restore' ? <Alert tone="info">{t('draft.restored')}</Alert> : null}
          {conflict ? (
            <Alert
              tone="danger"
              title={conflict}
              actions={
                <Button size="sm" onClick={() => void reloadFromServer()}>
                  {t('common.reload')}
                </Button>
              }
            >
              <p>{t('draft.conflictKept')}</p>
            </Alert>
          ) : null}
          <ErrorSummary items={summary} general={general} />
          <FormEditor definition={template} />
          <div className="sticky-actions">
            <SaveIndicator status={saveStatus} kept={kept.length} />
            {canSubmit ? (
              <Button type="submit" variant="primary" loading={submitting}>
                {submission.state === 'returned' ? t('action.resubmit') : t('action.submit')}
              </Button>
            ) : null}
          </div>
        </form>
      </FormProvider>
    </FormRuntimeProvider>
  );
}

function SaveIndicator({ status, kept }: { status: AutosaveStatus; kept: number }) {
  const t = useT();
  let text = '';
  let tone = 'muted';
  switch (status.kind) {
    case 'pending':
      text = t('draft.pending');
      break;
    case 'saving':
      text = t('draft.saving');
      break;
    case 'saved':
      text =
        kept > 0
          ? t('draft.invalidFlagged', { time: formatTime(status.at), n: kept })
          : t('draft.savedAt', { time: formatTime(status.at) });
      if (kept > 0) tone = 'save-failed';
      break;
    case 'failed':
      tone = 'save-failed';
      text =
        status.error instanceof HttpError && status.error.isNetwork
          ? t('draft.offlineKept')
          : status.error instanceof HttpError && status.error.isConflict
            ? t('errors.conflict')
            : t('draft.failedKept');
      break;
    default:
      text = '';
  }
  return (
    <p className={`save-status ${tone}`} role="status" aria-live="polite">
      {text}
    </p>
  );
}

/** Puts issues on their fields; returns the summary. Issues outside the form go to `onGeneral`. */
function applyIssues(
  methods: UseFormReturn<Values>,
  template: FormTemplate,
  issues: readonly FieldIssue[],
  onGeneral: ((m: string) => void) | null,
): SummaryItem[] {
  const items: SummaryItem[] = [];
  for (const issue of issues) {
    const target = resolveErrorTarget(template, issue.path);
    if (!target) {
      onGeneral?.(issue.message);
      continue;
    }
    methods.setError(target.name, { type: 'server', message: issue.message });
    if (!items.some((i) => i.targetId === domIdFor(target.name))) {
      items.push({ targetId: domIdFor(target.name), label: target.label, message: issue.message });
    }
  }
  return items;
}

/** The summary of the errors react-hook-form holds now, in form order. */
function summaryFrom(methods: UseFormReturn<Values>, template: FormTemplate): SummaryItem[] {
  const result = validateFormData(template, methods.getValues(), { mode: 'submit' });
  const items: SummaryItem[] = [];
  for (const issue of formatIssues(result)) {
    const target = resolveErrorTarget(template, issue.path);
    if (!target || items.some((i) => i.targetId === domIdFor(target.name))) continue;
    items.push({ targetId: domIdFor(target.name), label: target.label, message: issue.message });
  }
  return items;
}
