import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { CampaignIssue } from '@thidua/shared/campaign';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { describeError } from '../../../api/describe';
import { isHttpError } from '../../../api/errors';
import { useSession } from '../../../app/services';
import { formatDateTime, useT } from '../../../i18n';
import { Alert, Button, Skeleton, useToast } from '../../../ui';
import { coreKeys, useCampaigns, useMe } from '../../core/queries';
import { DraftStore } from '../../forms/draftStore';
import {
  type BuilderCampaign,
  checkDateFor,
  issuesByPath,
  kindsInForce,
  type Path,
  type StartingPoint,
  setIn,
  startingPoint,
} from '../model';
import { builderKeys, useBuilderApi, useTree } from '../service';
import { ChainsSection } from './ChainsSection';
import { BindingProvider, useBuilderT } from './controls';
import { FormsSection } from './FormsSection';
import { MergerCopySection } from './MergerCopySection';
import { ParticipantsSection } from './ParticipantsSection';
import { PlanSection } from './PlanSection';
import { PublishSection } from './PublishSection';
import '../builder.css';

const SAVE_DELAY_MS = 1_000;

function localStore(userId: string): DraftStore | null {
  try {
    return new DraftStore(window.localStorage, `campaign-builder.${userId}`);
  } catch {
    return null;
  }
}

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'local' }
  | { kind: 'conflict'; theirs: { revision: number; data: Record<string, unknown> } };

/** The other draft a refused save carries (409 `current`). */
const conflictOf = (body: unknown): { revision: number; data: Record<string, unknown> } | undefined =>
  (body as { error?: { current?: { revision: number; data: Record<string, unknown> } } } | null)?.error
    ?.current;

/** `/campaign-builder/:campaignId`: loads what there is, then the editor. */
export function BuilderPage() {
  const { campaignId = '' } = useParams();
  const [search] = useSearchParams();
  const core = useT();
  const b = useBuilderApi();
  const me = useMe();
  const tree = useTree();
  const userId = useSession()?.claims.sub ?? '';
  const start = useQuery({
    queryKey: builderKeys.draft(campaignId),
    queryFn: async (): Promise<StartingPoint> => {
      const [server, published, versions] = await Promise.all([
        b.draft(campaignId),
        b.campaign(campaignId),
        b.versions(campaignId),
      ]);
      const local = localStore(userId)?.read(campaignId) ?? null;
      return startingPoint({
        id: campaignId,
        year: Number(search.get('year')) || new Date().getFullYear(),
        local: local ? { baseVersion: local.baseVersion, values: local.values } : null,
        server,
        published,
        latestVersion: versions.versions[0]?.version ?? 0,
      });
    },
    // The editor owns the state once open: never refetch it under the person typing.
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
  const error = start.error ?? tree.error ?? me.error;
  if (error) return <Alert tone="danger">{describeError(error, core)}</Alert>;
  if (!start.data || !tree.data || !me.data) return <Skeleton lines={8} />;
  return (
    <Editor
      key={campaignId}
      start={start.data}
      units={tree.data}
      tenantId={me.data.identity.tenantId}
      userId={userId}
    />
  );
}

function Editor({
  start,
  units,
  tenantId,
  userId,
}: {
  start: StartingPoint;
  units: Parameters<typeof ParticipantsSection>[0]['units'];
  tenantId: string;
  userId: string;
}) {
  const t = useBuilderT();
  const core = useT();
  const b = useBuilderApi();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const campaigns = useCampaigns();
  const [draft, setDraft] = useState<BuilderCampaign>(start.draft);
  const [issues, setIssues] = useState<readonly CampaignIssue[]>([]);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [asOf, setAsOf] = useState(() => checkDateFor(start.draft));
  const revision = useRef(start.revision);
  const dirty = useRef(false);
  /** The draft last handed to the server, and the save in flight: saves go one after the other. */
  const lastSent = useRef<BuilderCampaign | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const conflict = useRef(false);
  const store = useMemo(() => localStore(userId), [userId]);
  const id = start.draft.id;

  const set = useCallback((path: Path, value: unknown) => {
    dirty.current = true;
    setDraft((d) => setIn(d, path, value));
  }, []);

  const send = async (data: BuilderCampaign) => {
    setSave({ kind: 'saving' });
    try {
      const saved = await b.saveDraft(id, {
        revision: revision.current,
        baseVersion: start.baseVersion,
        title: data.title,
        data: data as unknown as Record<string, unknown>,
      });
      revision.current = saved.revision;
      setSave({ kind: 'saved', at: saved.updatedAt });
      void queryClient.invalidateQueries({ queryKey: builderKeys.drafts });
    } catch (err) {
      const current = isHttpError(err) && err.status === 409 ? conflictOf(err.body) : undefined;
      if (current) {
        conflict.current = true;
        setSave({ kind: 'conflict', theirs: current });
      } else setSave({ kind: 'local' });
    }
  };
  const sendRef = useRef(send);
  sendRef.current = send;
  const pushToServer = useCallback((data: BuilderCampaign) => {
    lastSent.current = data;
    queue.current = queue.current.then(() => sendRef.current(data));
    return queue.current;
  }, []);

  // Every change is kept on this device at once, and on the server a moment after typing stops.
  useEffect(() => {
    if (!dirty.current || draft === lastSent.current) return;
    store?.write({
      submissionId: id,
      baseVersion: revision.current,
      values: draft as unknown as Record<string, unknown>,
      savedAt: new Date().toISOString(),
    });
    if (conflict.current) return;
    const timer = setTimeout(() => void pushToServer(draft), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, store, id, pushToServer]);

  const byPath = useMemo(() => issuesByPath(issues), [issues]);
  const kinds = useMemo(() => kindsInForce(units, asOf), [units, asOf]);
  const templateIds = useMemo(
    () => [...new Set((campaigns.data ?? []).flatMap((c) => c.forms.map((f) => f.templateId)))].sort(),
    [campaigns.data],
  );

  const published = async (version: number) => {
    store?.clear(id);
    dirty.current = false;
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: coreKeys.campaigns }),
      queryClient.invalidateQueries({ queryKey: builderKeys.versions(id) }),
      queryClient.invalidateQueries({ queryKey: builderKeys.drafts }),
    ]);
    toast(t('publish.done', { version }), 'success');
    navigate(`/campaign-builder/${id}/versions`);
  };

  return (
    <BindingProvider value={{ draft, set, issues: byPath }}>
      <div className="cb" id="cb-top" tabIndex={-1}>
        <p>
          <Link to="/campaign-builder">{t('back')}</Link>
        </p>
        <h1>{t('editor.title', { title: draft.title || t('editor.untitled') })}</h1>
        <p className="muted">
          {start.baseVersion > 0
            ? t('editor.version', { version: start.baseVersion })
            : t('editor.newCampaign')}
          {start.copiedFrom ? ` · ${t('editor.copiedFrom', { source: start.copiedFrom })}` : ''}
          {' · '}
          <Link to={`/campaign-builder/${id}/versions`}>{t('list.history', { title: id })}</Link>
        </p>
        <p className="cb-save" role="status">
          {save.kind === 'saving'
            ? t('save.saving')
            : save.kind === 'saved'
              ? t('save.saved', { at: formatDateTime(save.at) })
              : save.kind === 'local'
                ? t('save.local')
                : ''}
        </p>
        {start.restored ? <Alert tone="info">{t('editor.restored')}</Alert> : null}
        {start.mergerCopy ? <MergerCopySection report={start.mergerCopy} /> : null}
        {save.kind === 'conflict' ? (
          <Alert
            tone="warning"
            actions={
              <>
                <Button
                  onClick={() => {
                    revision.current = save.theirs.revision;
                    conflict.current = false;
                    setSave({ kind: 'idle' });
                    void pushToServer(draft);
                  }}
                >
                  {t('save.keepMine')}
                </Button>
                <Button
                  onClick={() => {
                    revision.current = save.theirs.revision;
                    conflict.current = false;
                    setSave({ kind: 'idle' });
                    dirty.current = false;
                    setDraft({ ...(save.theirs.data as unknown as BuilderCampaign), id });
                  }}
                >
                  {t('save.takeTheirs')}
                </Button>
              </>
            }
          >
            {t('save.conflict')}
          </Alert>
        ) : null}
        <nav aria-label={t('editor.sections')} className="cb-nav">
          <ul>
            {(
              [
                ['cb-plan', 'plan.title'],
                ['cb-contents', 'contents.title'],
                ['cb-participants', 'participants.title'],
                ['cb-periods', 'periods.title'],
                ['cb-forms', 'forms.title'],
                ['cb-signoff', 'signoff.title'],
                ['cb-chains', 'chains.title'],
                ['cb-publish', 'publish.title'],
              ] as const
            ).map(([anchor, key]) => (
              <li key={anchor}>
                <a href={`#${anchor}`}>{t(key)}</a>
              </li>
            ))}
          </ul>
        </nav>
        <PlanSection />
        <ParticipantsSection units={units} asOf={asOf} setAsOf={setAsOf} />
        <FormsSection units={units} kinds={kinds} asOf={asOf} templateIds={templateIds} />
        <ChainsSection units={units} kinds={kinds} asOf={asOf} />
        <PublishSection
          draft={draft}
          units={units}
          tenantId={tenantId}
          baseVersion={start.baseVersion}
          onIssues={setIssues}
          onPublished={(v) => void published(v)}
        />
        {campaigns.isError ? <p className="muted">{describeError(campaigns.error, core)}</p> : null}
      </div>
    </BindingProvider>
  );
}
