import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { newIdempotencyKey } from '../../../api/client';
import { describeError } from '../../../api/describe';
import { useApi } from '../../../app/services';
import { formatDateTime, useT } from '../../../i18n';
import { Alert, Badge, Button, Skeleton } from '../../../ui';
import {
  type BuilderTemplate,
  emptyTemplate,
  formKindLabels,
  fromTemplate,
  keyFromLabel,
  toDraftContent,
} from '../model';
import { builderKeys, builderService } from '../service';
import { ImportDialog } from './ImportDialog';
import { TextSetting } from './settings';
import '../builder.css';

/** A new template id from its title: readable, and unique enough with the time after it. */
const newTemplateId = (title: string): string =>
  `${keyFromLabel(title, 'bieu_mau').replace(/_/g, '-').slice(0, 40)}-${Date.now().toString(36)}`;

/**
 * The library of form templates: every published template (the five 2023 forms are seeded) and every
 * draft, each opened in the builder or copied as the start of a new form; a new form starts empty or
 * from a JSON file.
 */
export function LibraryPage() {
  const t = useT();
  const api = useApi();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const svc = useMemo(() => builderService(api), [api]);
  const library = useQuery({ queryKey: builderKeys.library, queryFn: () => svc.library() });
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [importing, setImporting] = useState(false);

  /** Stores `template` as the draft of a new template, then opens it. */
  const startFrom = async (template: BuilderTemplate) => {
    setBusy(true);
    setError(null);
    try {
      const id = newTemplateId(template.title);
      await svc.saveDraft(
        id,
        { content: toDraftContent(template), basedOnVersion: null, expectedRevision: null },
        newIdempotencyKey(),
      );
      await qc.invalidateQueries({ queryKey: builderKeys.library });
      await navigate(`/form-builder/${id}`);
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setBusy(false);
    }
  };
  const copy = async (templateId: string) => {
    try {
      const latest = await svc.latest(templateId);
      await startFrom({ ...fromTemplate(latest), title: `${latest.title} (bản sao)` });
    } catch (e) {
      setError(describeError(e, t));
    }
  };

  if (library.isError) return <Alert tone="danger">{describeError(library.error, t)}</Alert>;
  return (
    <div className="builder">
      <h1>Thư viện biểu mẫu</h1>
      <p className="muted">
        Thiết kế biểu mẫu báo cáo không cần lập trình: tạo mới, sao chép một biểu mẫu có sẵn làm điểm bắt đầu,
        hoặc nhập từ tệp JSON.
      </p>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <section className="card" aria-labelledby="new-title">
        <h2 id="new-title">Biểu mẫu mới</h2>
        <TextSetting id="new-template-title" label="Tên biểu mẫu mới" value={title} onChange={setTitle} />
        <div className="row">
          <Button
            variant="primary"
            loading={busy}
            disabled={title.trim() === ''}
            onClick={() => void startFrom(emptyTemplate(title.trim()))}
          >
            Tạo biểu mẫu mới
          </Button>
          <Button onClick={() => setImporting(true)}>Nhập từ JSON</Button>
        </div>
      </section>
      {!library.data ? (
        <Skeleton lines={5} />
      ) : (
        <ul className="library-list">
          {library.data.map((entry) => (
            <li key={entry.id} className="card">
              <h2>{entry.title}</h2>
              <p className="muted">
                {formKindLabels[entry.kind]} · mã {entry.id}
              </p>
              <p>
                {entry.versions.length > 0 ? (
                  <Badge tone="success">
                    Đã công bố: phiên bản {entry.versions.map((v) => v.version).join(', ')}
                  </Badge>
                ) : null}{' '}
                {entry.draft ? (
                  <Badge tone="warning">
                    Bản nháp của {entry.draft.updatedBy}, {formatDateTime(entry.draft.updatedAt)}
                  </Badge>
                ) : null}
              </p>
              <div className="row">
                <Link className="btn btn-secondary btn-sm" to={`/form-builder/${entry.id}`}>
                  {entry.draft ? 'Tiếp tục sửa' : 'Sửa'}
                  <span className="visually-hidden"> {entry.title}</span>
                </Link>
                {entry.versions.length > 0 ? (
                  <Button size="sm" disabled={busy} onClick={() => void copy(entry.id)}>
                    Sao chép<span className="visually-hidden"> {entry.title}</span>
                  </Button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      <ImportDialog
        open={importing}
        onClose={() => setImporting(false)}
        onImport={(imported) => {
          setImporting(false);
          void startFrom(imported);
        }}
      />
    </div>
  );
}
