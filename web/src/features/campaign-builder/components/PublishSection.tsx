import { useQueryClient } from '@tanstack/react-query';
import type { CampaignIssue } from '@thidua/shared/campaign';
import type { Unit } from '@thidua/shared/org';
import { useState } from 'react';
import { describeError } from '../../../api/describe';
import { isHttpError } from '../../../api/errors';
import { useT } from '../../../i18n';
import { Alert, Button, Dialog, Field } from '../../../ui';
import { type BuilderCampaign, type BuilderCheck, checkBeforePublishing, targetOf } from '../model';
import { builderKeys, useBuilderApi } from '../service';
import { useBuilderT } from './controls';

/** A link that takes the keyboard to the field of an issue (or the nearest group that has one). */
export function IssueLink({ issue }: { issue: CampaignIssue }) {
  const go = (e: React.MouseEvent) => {
    e.preventDefault();
    const id = targetOf(issue.path, (x) => document.getElementById(x) !== null);
    const el = document.getElementById(id);
    el?.scrollIntoView({ block: 'center' });
    (el?.matches('input, select, textarea, fieldset, [tabindex]')
      ? el
      : el?.querySelector<HTMLElement>('input, select, textarea')
    )?.focus();
  };
  return (
    <a
      href={`#${targetOf(issue.path, (x) => typeof document !== 'undefined' && document.getElementById(x) !== null)}`}
      onClick={go}
    >
      {issue.message}
    </a>
  );
}

/**
 * Check (the schema the API parses with, then `checkCampaign` on the tree) and publish, confirmed,
 * as the next version. The API checks again; whatever it refuses is mapped to the same fields.
 */
export function PublishSection({
  draft,
  units,
  tenantId,
  baseVersion,
  onIssues,
  onPublished,
}: {
  draft: BuilderCampaign;
  units: readonly Unit[];
  tenantId: string;
  baseVersion: number;
  onIssues: (issues: readonly CampaignIssue[]) => void;
  onPublished: (version: number) => void;
}) {
  const t = useBuilderT();
  const core = useT();
  const b = useBuilderApi();
  const queryClient = useQueryClient();
  const [check, setCheck] = useState<BuilderCheck | null>(null);
  const [checking, setChecking] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState('');
  const [publishing, setPublishing] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const runCheck = async (): Promise<BuilderCheck> => {
    setChecking(true);
    setFailure(null);
    try {
      const ids = [
        ...new Set(draft.forms.map((f) => f.templateId).filter((id) => /^[A-Za-z0-9_-]+$/.test(id))),
      ];
      const latest = await Promise.all(
        ids.map((id) =>
          queryClient.fetchQuery({
            queryKey: [...builderKeys.template(id), 'latest'],
            queryFn: () => b.latestTemplate(id),
          }),
        ),
      );
      const published = new Map(
        ids.map((id, i) => [id, Array.from({ length: latest[i]?.version ?? 0 }, (_, v) => v + 1)]),
      );
      const today = new Date().toISOString().slice(0, 10);
      const result = checkBeforePublishing(draft, { tenantId, units, publishedTemplates: published, today });
      setCheck(result);
      onIssues(result.errors);
      return result;
    } finally {
      setChecking(false);
    }
  };

  const publish = async () => {
    if (!check?.campaign) return;
    setPublishing(true);
    setFailure(null);
    const { id: _id, tenantId: _t, ...campaign } = check.campaign;
    try {
      const v = await b.publish(draft.id, { baseVersion, note, campaign }, crypto.randomUUID());
      setConfirming(false);
      onPublished(v.version);
    } catch (err) {
      setConfirming(false);
      if (isHttpError(err) && err.details.length > 0) {
        const issues = err.details.map((d) => ({
          path: d.path.replace(/^body\.campaign\./, ''),
          message: d.message,
        }));
        setCheck({ errors: issues, warnings: [], campaign: null });
        onIssues(issues);
      }
      setFailure(describeError(err, core));
    } finally {
      setPublishing(false);
    }
  };

  return (
    <section aria-labelledby="cb-publish" className="card cb-section">
      <h2 id="cb-publish">{t('publish.title')}</h2>
      <div className="row">
        <Button onClick={() => void runCheck()} loading={checking}>
          {checking ? t('publish.checking') : t('publish.check')}
        </Button>
        <Button
          variant="primary"
          onClick={async () => {
            const result = await runCheck();
            if (result.errors.length === 0) setConfirming(true);
          }}
          disabled={checking}
        >
          {t('publish.open')}
        </Button>
      </div>
      <div aria-live="polite">
        {failure ? <Alert tone="danger">{failure}</Alert> : null}
        {check && check.errors.length > 0 ? (
          <Alert tone="danger" title={t('publish.errors', { n: check.errors.length })}>
            <ul className="cb-issues">
              {check.errors.map((e) => (
                <li key={`${e.path}:${e.message}`}>
                  <IssueLink issue={e} />
                </li>
              ))}
            </ul>
          </Alert>
        ) : check ? (
          <Alert tone="success">{t('publish.ok')}</Alert>
        ) : null}
        {check && check.warnings.length > 0 ? (
          <Alert tone="warning" title={t('publish.warnings')}>
            <ul className="cb-issues">
              {check.warnings.map((w) => (
                <li key={`${w.path}:${w.message}`}>
                  <IssueLink issue={w} />
                </li>
              ))}
            </ul>
          </Alert>
        ) : null}
      </div>
      <Dialog
        open={confirming}
        title={t('publish.confirmTitle', { version: baseVersion + 1 })}
        onClose={() => setConfirming(false)}
        footer={
          <>
            <Button onClick={() => setConfirming(false)}>{t('cancel')}</Button>
            <Button variant="primary" loading={publishing} onClick={() => void publish()}>
              {t('publish.confirm')}
            </Button>
          </>
        }
      >
        <p>{t('publish.confirmBody', { version: baseVersion + 1 })}</p>
        <Field label={t('publish.note')}>
          {(p) => (
            <textarea
              {...p}
              className="textarea"
              maxLength={500}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          )}
        </Field>
      </Dialog>
    </section>
  );
}
