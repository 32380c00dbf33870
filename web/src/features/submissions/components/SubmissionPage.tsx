import type { SubmissionOrigin } from '@thidua/shared/api';
import type { AttachmentRef, FormTemplate } from '@thidua/shared/forms';
import { authorRoles, isEditable, type Submission } from '@thidua/shared/workflow';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { describeError } from '../../../api/describe';
import { useSession } from '../../../app/services';
import { formatDateTime, formatDeadline, useT } from '../../../i18n';
import { Alert, Button, Skeleton, Tabs } from '../../../ui';
import { useCampaign } from '../../core/queries';
import { FormView } from '../../forms/components/FormView';
import { useFieldAnchor } from '../../notifications/anchor';
import { comparedVersion, historyLines, lastEvent, previousData } from '../history';
import { cutOffDayOf, periodLabel, periodWithCutOff } from '../labels';
import { useCreateDraft } from '../mutations';
import { useComments, useDiff, useHistory, useSubmission, useSubmissionsApi, useTemplate } from '../queries';
import { ActionBar } from './ActionBar';
import { ClassifyButton } from './ClassifyButton';
import { CommentComposer, CommentsBeside, CommentsSummary } from './FieldComments';
import { HistoryTimeline } from './HistoryTimeline';
import { PdfButton } from './PdfButton';
import { ReviewerScoring } from './ReviewerScoring';
import { OverdueBadge, StatusBadge } from './StatusBadge';
import { SubmissionEditor } from './SubmissionEditor';
import { VersionCompare } from './VersionCompare';
import '../submissions.css';

/**
 * One submission, for everyone who may see it: the author unit fills and submits it; a reviewer reads
 * it (with what changed since it was returned) and acts on it; the history is one tab away.
 */
export function SubmissionPage() {
  const t = useT();
  const { submissionId } = useParams();
  const detail = useSubmission(submissionId);
  const sub = detail.data;
  const template = useTemplate(sub?.templateId, sub?.templateVersion);
  const history = useHistory(submissionId);
  const campaign = useCampaign(sub?.campaignId);

  if (detail.isError) {
    return (
      <Alert
        tone="danger"
        title={describeError(detail.error, t)}
        actions={<Link to="/">{t('notFound.back')}</Link>}
      >
        {null}
      </Alert>
    );
  }
  if (!sub || template.isPending) return <Skeleton lines={8} />;
  if (template.isError || !template.data)
    return <Alert tone="danger">{describeError(template.error, t)}</Alert>;
  return (
    <SubmissionWorkspace
      key={`${sub.id}-${sub.state}`}
      submission={sub}
      actions={sub.actions}
      redacted={sub.redacted}
      template={template.data}
      campaignNumber={campaign.data?.number}
      cutOffDay={cutOffDayOf(campaign.data, sub.formKey)}
      events={history.data ?? []}
      historyLoading={history.isPending}
    />
  );
}

function SubmissionWorkspace({
  submission: sub,
  actions,
  redacted,
  template,
  campaignNumber,
  cutOffDay,
  events,
  historyLoading,
}: {
  submission: Submission & { origin?: SubmissionOrigin | undefined };
  actions: readonly string[];
  /** Sensitive fields the API hid from this reader. */
  redacted: readonly string[];
  template: FormTemplate;
  campaignNumber: string | undefined;
  /** The form's reporting cut-off day, shown with the period. */
  cutOffDay: number | undefined;
  events: Parameters<typeof HistoryTimeline>[0]['events'];
  historyLoading: boolean;
}) {
  const t = useT();
  const session = useSession();
  const s = useSubmissionsApi();
  const [tab, setTab] = useState('form');
  // A notice's link (`#field-<key>`) opens the page at the field the reviewer commented on.
  useFieldAnchor(tab === 'form');
  const claims = session?.claims;
  const isAuthor =
    claims !== undefined &&
    claims.unitId === sub.unitId &&
    claims.roles.some((r) => (authorRoles as readonly string[]).includes(r));
  // "Mật": no data entry in this system, whoever asks (the API answers 422 `classified` anyway).
  const classified = template.classified === true || sub.classified === true;
  // The author unit edits while the submission is in its hands, unless some fields are hidden from it
  // (it cannot send back what it cannot read); the API refuses anyone else anyway.
  const editing = isAuthor && isEditable(sub.state) && !classified && redacted.length === 0;
  const since = editing ? null : comparedVersion(sub.state, events);
  const diff = useDiff(sub.id, since);
  const comments = useComments(sub.id).data ?? [];
  // The unit answers reviewers' comments while the report is back in its hands (policy: authorizeCommentAnswer).
  const canAnswer = editing;
  const returned = sub.state === 'returned' ? lastEvent(events, 'return') : undefined;
  const rejected = sub.state === 'rejected' ? lastEvent(events, 'reject') : undefined;
  const overdue =
    sub.dueAt !== null &&
    Date.parse(sub.dueAt) < Date.now() &&
    sub.state !== 'approved' &&
    sub.state !== 'rejected';
  const atUnit = sub.state === 'under_review' && sub.level !== null ? sub.chain[sub.level]?.unitName : null;
  const openAttachment = (ref: AttachmentRef) => {
    s.download(sub.id, ref.attachmentId).then(
      (url) => window.open(url, '_blank', 'noopener'),
      () => undefined,
    );
  };
  const workflowActions = actions.filter(
    (a): a is 'approve' | 'sign_off' | 'return' | 'reject' | 'reopen' | 'withdraw' =>
      a === 'approve' ||
      a === 'sign_off' ||
      a === 'return' ||
      a === 'reject' ||
      a === 'reopen' ||
      a === 'withdraw',
  );

  return (
    <article className="submission">
      <header className="submission-header">
        <p className="muted submission-crumbs">
          {campaignNumber ? `${t('submission.campaign')} ${campaignNumber} · ` : ''}
          {periodWithCutOff(sub.period, t, cutOffDay)}
        </p>
        <h1>{template.title}</h1>
        <div className="row">
          <StatusBadge state={sub.state} atUnit={atUnit} />
          {overdue ? <OverdueBadge /> : null}
          <span className="muted">{sub.unitName}</span>
          {sub.dueAt ? (
            <span className="muted">{t('submission.dueAt', { date: formatDeadline(sub.dueAt) })}</span>
          ) : null}
          <PdfButton submissionId={sub.id} />
          <ClassifyButton submission={sub} />
          {isAuthor && sub.multiplePerPeriod ? (
            <AddAnother submission={sub} formTitle={template.title} />
          ) : null}
        </div>
        {sub.origin ? (
          <p className="muted" role="note">
            {t('submission.origin', { unit: sub.origin.unitName, heir: sub.origin.heirUnitName })}
          </p>
        ) : null}
      </header>

      {returned ? (
        <Alert
          tone="warning"
          title={t('submission.returnedTitle', { unit: unitNameAt(sub, returned.from.level) })}
        >
          <p className="preserve-lines">{returned.reason}</p>
          <p className="muted">{formatDateTime(returned.at)}</p>
        </Alert>
      ) : null}
      {rejected ? (
        <Alert tone="danger" title={t('submission.rejectedTitle')}>
          <p className="preserve-lines">{rejected.reason}</p>
        </Alert>
      ) : null}
      {sub.state === 'approved' ? <Alert tone="success">{t('submission.approvedNote')}</Alert> : null}
      {classified ? (
        <Alert tone="danger" title={t('submission.classifiedTitle')}>
          <p>{t('submission.classifiedBody')}</p>
        </Alert>
      ) : null}
      {since !== null && diff.data ? <Alert tone="info">{t('submission.changesShown')}</Alert> : null}

      <CommentsSummary
        submissionId={sub.id}
        definition={template}
        comments={comments}
        inline={!editing}
        canAnswer={false}
      />

      <ActionBar
        submission={sub}
        actions={workflowActions}
        comments={comments}
        fieldChoices={template.sections.flatMap((sec) =>
          sec.fields.map((f) => ({ key: `${sec.key}.${f.key}`, label: `${sec.title} — ${f.label}` })),
        )}
      />

      <Tabs
        label={t('submission.tabsLabel')}
        selected={tab}
        onSelect={setTab}
        items={[
          {
            id: 'form',
            label: t('submission.tabForm'),
            content: editing ? (
              <SubmissionEditor
                submission={sub}
                template={template}
                canSubmit={actions.includes('submit')}
                aside={(name) => (
                  <CommentsBeside
                    submissionId={sub.id}
                    name={name}
                    comments={comments}
                    canAnswer={canAnswer}
                  />
                )}
              />
            ) : (
              <>
                {actions.includes('approve') ? (
                  <ReviewerScoring key={sub.version} submission={sub} template={template} />
                ) : null}
                {actions.includes('return') ? (
                  <CommentComposer submissionId={sub.id} definition={template} />
                ) : null}
                <FormView
                  definition={template}
                  data={sub.data}
                  redacted={redacted}
                  previous={
                    since !== null && diff.data ? previousData(sub.data, diff.data.changes) : undefined
                  }
                  onOpenAttachment={openAttachment}
                />
              </>
            ),
          },
          {
            id: 'history',
            label: t('submission.tabHistory', { n: historyLines(events).length }),
            content: historyLoading ? (
              <Skeleton lines={4} />
            ) : (
              <>
                <VersionCompare
                  submissionId={sub.id}
                  version={sub.version}
                  events={events}
                  definition={template}
                />
                <HistoryTimeline events={events} chain={sub.chain} unitName={sub.unitName} />
              </>
            ),
          },
        ]}
      />
      <p>
        <Button variant="ghost" onClick={() => window.history.back()}>
          {t('common.back')}
        </Button>
      </p>
    </article>
  );
}

/**
 * Beside a submission of a form filed several times per period (a nomination): opens one more draft of
 * the same form and period, for the next nominee.
 */
function AddAnother({ submission: sub, formTitle }: { submission: Submission; formTitle: string }) {
  const t = useT();
  const navigate = useNavigate();
  const create = useCreateDraft();
  const [error, setError] = useState<unknown>(null);
  const add = async () => {
    setError(null);
    try {
      const created = await create.mutateAsync({
        campaignId: sub.campaignId,
        formKey: sub.formKey,
        period: sub.period,
      });
      navigate(`/submissions/${created.id}`);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <span>
      <Button
        size="sm"
        loading={create.isPending}
        onClick={() => void add()}
        aria-label={`${t('home.addAnother')}: ${formTitle}, ${periodLabel(sub.period, t)}`}
      >
        {t('home.addAnother')}
      </Button>
      {error ? (
        <span className="field-error" role="alert">
          {describeError(error, t)}
        </span>
      ) : null}
    </span>
  );
}

function unitNameAt(sub: Submission, level: number | null): string {
  return level !== null ? (sub.chain[level]?.unitName ?? '') : '';
}
