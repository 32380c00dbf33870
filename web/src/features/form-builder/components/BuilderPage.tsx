import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormTemplate } from '@thidua/shared/forms';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { newIdempotencyKey } from '../../../api/client';
import { describeError } from '../../../api/describe';
import { isHttpError } from '../../../api/errors';
import { useApi } from '../../../app/services';
import { formatTime, useT } from '../../../i18n';
import { Alert, Button, Dialog, Skeleton, useToast } from '../../../ui';
import {
  type BuilderTemplate,
  checkBuilt,
  emptyTemplate,
  exportJson,
  formKindLabels,
  fromDraftContent,
  fromTemplate,
  isFormKind,
  problemOf,
  toDraftContent,
} from '../model';
import { builderKeys, builderService } from '../service';
import { ImportDialog } from './ImportDialog';
import { Outline } from './Outline';
import { Preview } from './Preview';
import { RulesEditor } from './RulesEditor';
import { CheckSetting, TextSetting } from './settings';
import '../builder.css';

type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'failed'; message: string }
  | { kind: 'conflict' };

interface Loaded {
  template: BuilderTemplate;
  revision: number | null;
  basedOnVersion: number | null;
}

/** The form builder for one template: load its draft (or its latest version), then edit. */
export function BuilderPage() {
  const { templateId = '' } = useParams();
  const t = useT();
  const api = useApi();
  const svc = useMemo(() => builderService(api), [api]);
  const start = useQuery({
    queryKey: builderKeys.draft(templateId),
    queryFn: async (): Promise<Loaded> => {
      try {
        const d = await svc.draft(templateId);
        return {
          template: fromDraftContent(d.content),
          revision: d.revision,
          basedOnVersion: d.basedOnVersion,
        };
      } catch (e) {
        if (!(isHttpError(e) && e.status === 404)) throw e;
      }
      try {
        const latest = await svc.latest(templateId);
        return { template: fromTemplate(latest), revision: null, basedOnVersion: latest.version };
      } catch (e) {
        if (!(isHttpError(e) && e.status === 404)) throw e;
        return { template: emptyTemplate(), revision: null, basedOnVersion: null };
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
  if (start.isError) return <Alert tone="danger">{describeError(start.error, t)}</Alert>;
  if (!start.data) return <Skeleton lines={8} />;
  return <Builder key={templateId} templateId={templateId} loaded={start.data} svc={svc} />;
}

function Builder({
  templateId,
  loaded,
  svc,
}: {
  templateId: string;
  loaded: Loaded;
  svc: ReturnType<typeof builderService>;
}) {
  const t = useT();
  const toast = useToast();
  const qc = useQueryClient();
  const [template, setTemplate] = useState(loaded.template);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [confirming, setConfirming] = useState(false);
  const [importing, setImporting] = useState(false);
  const [publishError, setPublishError] = useState<string | null>(null);
  const [publishing, setPublishing] = useState(false);
  const revision = useRef(loaded.revision);
  const basedOn = useRef(loaded.basedOnVersion);
  const latest = useRef(template);
  latest.current = template;
  const dirty = useRef(false);
  const chain = useRef<Promise<void>>(Promise.resolve());

  const library = useQuery({ queryKey: builderKeys.library, queryFn: () => svc.library() });
  const versions = library.data?.find((e) => e.id === templateId)?.versions ?? [];
  const nextVersion = (versions.at(-1)?.version ?? basedOn.current ?? 0) + 1;

  /** Saves the latest edits (one save at a time, in order); resolves when they are stored. */
  const flush = useCallback((): Promise<void> => {
    chain.current = chain.current.then(async () => {
      if (!dirty.current) return;
      dirty.current = false;
      setSave({ kind: 'saving' });
      try {
        const d = await svc.saveDraft(
          templateId,
          {
            content: toDraftContent(latest.current),
            basedOnVersion: basedOn.current,
            expectedRevision: revision.current,
          },
          newIdempotencyKey(),
        );
        revision.current = d.revision;
        setSave({ kind: 'saved', at: new Date(d.updatedAt) });
        void qc.invalidateQueries({ queryKey: builderKeys.library });
      } catch (e) {
        dirty.current = true;
        setSave(
          isHttpError(e) && e.isConflict
            ? { kind: 'conflict' }
            : { kind: 'failed', message: describeError(e, t) },
        );
        throw e;
      }
    });
    return chain.current;
  }, [svc, templateId, qc, t]);

  const edit = (next: BuilderTemplate) => {
    dirty.current = true;
    setTemplate(next);
    setSave({ kind: 'pending' });
  };

  // Autosave after a quiet second; a failed save is retried on the next edit.
  // biome-ignore lint/correctness/useExhaustiveDependencies: every edit restarts the quiet period
  useEffect(() => {
    if (!dirty.current || save.kind === 'conflict') return;
    const handle = setTimeout(() => {
      flush().catch(() => undefined);
    }, 1000);
    return () => clearTimeout(handle);
  }, [template]);

  const checked = useMemo(
    () => checkBuilt(template, templateId, nextVersion),
    [template, templateId, nextVersion],
  );
  const lastValid = useRef<FormTemplate | null>(null);
  if (checked.ok) lastValid.current = checked.template;

  const publish = async () => {
    setPublishing(true);
    setPublishError(null);
    try {
      if (revision.current === null) dirty.current = true;
      await flush();
      const r = await svc.publish(templateId, revision.current ?? 0, newIdempotencyKey());
      revision.current = null;
      basedOn.current = r.version;
      setConfirming(false);
      toast(`Đã công bố phiên bản ${r.version}.`, 'success');
      await qc.invalidateQueries({ queryKey: builderKeys.library });
    } catch (e) {
      setPublishError(
        isHttpError(e) && e.details.length > 0
          ? e.details.map((d) => `${d.path}: ${d.message}`).join(' · ')
          : describeError(e, t),
      );
    } finally {
      setPublishing(false);
    }
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([exportJson(template)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${templateId}.json`;
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <div className="builder">
      <p>
        <Link to="/form-builder">← Thư viện biểu mẫu</Link>
      </p>
      <h1>Thiết kế biểu mẫu: {template.title || templateId}</h1>
      <SaveStatus save={save} />
      {save.kind === 'conflict' ? (
        <Alert tone="danger" title="Bản nháp vừa được lưu ở nơi khác">
          <p>Những thay đổi trên màn hình này chưa được lưu. Hãy xuất JSON để giữ lại, rồi tải lại trang.</p>
        </Alert>
      ) : null}
      <div className="builder-layout">
        <div className="builder-edit">
          <section className="card" aria-labelledby="about-title">
            <h2 id="about-title">Thông tin biểu mẫu</h2>
            <TextSetting
              id="tpl-title"
              label="Tên biểu mẫu"
              required
              value={template.title}
              onChange={(title) => edit({ ...template, title })}
            />
            <div className="field">
              <label className="field-label" htmlFor="tpl-kind">
                Loại biểu mẫu
              </label>
              <select
                id="tpl-kind"
                className="select"
                value={template.kind}
                onChange={(e) => {
                  if (isFormKind(e.target.value)) edit({ ...template, kind: e.target.value });
                }}
              >
                {Object.entries(formKindLabels).map(([k, label]) => (
                  <option key={k} value={k}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
            <TextSetting
              label="Mô tả"
              multiline
              value={template.description}
              onChange={(description) => edit({ ...template, description })}
            />
            <CheckSetting
              label="Báo cáo tổng hợp: các đơn vị cấp dưới phải được duyệt trước"
              checked={template.workflow.requireChildrenApproved}
              onChange={(v) =>
                edit({ ...template, workflow: { ...template.workflow, requireChildrenApproved: v } })
              }
            />
            <CheckSetting
              label="Mật: biểu mẫu có nội dung bí mật nhà nước, không nhập dữ liệu trên hệ thống"
              checked={template.classified ?? false}
              onChange={(v) => edit({ ...template, classified: v ? true : undefined })}
            />
            <CheckSetting
              label="Từ chối là kết thúc hồ sơ (không trả lại)"
              checked={template.workflow.rejectIsTerminal}
              onChange={(v) => edit({ ...template, workflow: { ...template.workflow, rejectIsTerminal: v } })}
            />
          </section>
          <Outline template={template} onChange={edit} />
          <RulesEditor template={template} onChange={edit} />
          <section className="card" aria-labelledby="publish-title">
            <h2 id="publish-title">Công bố</h2>
            {checked.ok ? (
              <p className="muted">Biểu mẫu hợp lệ, sẵn sàng công bố phiên bản {nextVersion}.</p>
            ) : (
              <div role="status">
                <p className="field-error">Cần sửa {checked.issues.length} lỗi trước khi công bố:</p>
                <ul className="builder-issues">
                  {checked.issues.map((i) => {
                    const p = problemOf(i);
                    return (
                      <li key={`${p.where}-${p.message}`}>
                        <strong>{p.where}</strong>: {p.message}
                      </li>
                    );
                  })}
                </ul>
              </div>
            )}
            <div className="row">
              <Button variant="primary" disabled={!checked.ok} onClick={() => setConfirming(true)}>
                Công bố phiên bản {nextVersion}
              </Button>
              <Button onClick={download}>Xuất JSON</Button>
              <Button onClick={() => setImporting(true)}>Nhập từ JSON</Button>
            </div>
            <h3>Các phiên bản đã công bố</h3>
            {versions.length === 0 ? (
              <p className="muted">Chưa có phiên bản nào.</p>
            ) : (
              <ol className="version-list">
                {versions.map((v) => (
                  <li key={v.version}>
                    Phiên bản {v.version}: {v.title}
                  </li>
                ))}
              </ol>
            )}
            <p className="muted">Báo cáo đã lập giữ nguyên phiên bản biểu mẫu của nó.</p>
          </section>
        </div>
        {lastValid.current ? <Preview template={lastValid.current} stale={!checked.ok} /> : null}
      </div>
      <Dialog
        open={confirming}
        title={`Công bố phiên bản ${nextVersion}?`}
        onClose={() => setConfirming(false)}
        footer={
          <>
            <Button onClick={() => setConfirming(false)}>Hủy</Button>
            <Button variant="primary" loading={publishing} onClick={() => void publish()}>
              Công bố
            </Button>
          </>
        }
      >
        <p>
          «{template.title}» sẽ được công bố thành phiên bản {nextVersion}. Phiên bản đã công bố không sửa
          được; báo cáo đang lập giữ phiên bản cũ. Thao tác được ghi vào nhật ký.
        </p>
        {publishError ? <Alert tone="danger">{publishError}</Alert> : null}
      </Dialog>
      <ImportDialog
        open={importing}
        onClose={() => setImporting(false)}
        onImport={(imported) => {
          edit(imported);
          setImporting(false);
          toast('Đã nhập biểu mẫu từ JSON vào bản nháp.', 'success');
        }}
      />
    </div>
  );
}

function SaveStatus({ save }: { save: SaveState }) {
  const text =
    save.kind === 'pending'
      ? 'Có thay đổi chưa lưu…'
      : save.kind === 'saving'
        ? 'Đang lưu bản nháp…'
        : save.kind === 'saved'
          ? `Đã lưu bản nháp lúc ${formatTime(save.at.toISOString())}`
          : save.kind === 'failed'
            ? `Chưa lưu được bản nháp: ${save.message} (sẽ thử lại khi bạn sửa tiếp)`
            : '';
  return (
    <p className={save.kind === 'failed' ? 'field-error' : 'muted'} role="status" aria-live="polite">
      {text}
    </p>
  );
}
