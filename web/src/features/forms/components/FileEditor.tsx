import {
  ATTACHMENT_CONTENT_TYPES,
  type AttachmentRef,
  type FileField,
  FORM_LIMITS,
} from '@thidua/shared/forms';
import { useRef, useState } from 'react';
import { useController } from 'react-hook-form';
import { isHttpError } from '../../../api/errors';
import { formatBytes, useT } from '../../../i18n';
import { Button, ProgressBar } from '../../../ui';
import { acceptAttribute, checkFile, postWithProgress, UploadError } from '../upload';
import { useFormRuntime } from './FormRuntime';
import { ScanBadge } from './ScanBadge';

interface InFlight {
  key: number;
  name: string;
  sent: number;
  total: number;
}

const isRef = (v: unknown): v is AttachmentRef =>
  typeof v === 'object' && v !== null && typeof (v as Record<string, unknown>).attachmentId === 'string';

/**
 * Evidence files: pick, check type and size on the device (before any byte is sent), upload straight
 * to storage with a progress bar, then attach. Files already attached can be opened or removed.
 */
export function FileEditor({
  name,
  field,
  aria,
}: {
  name: string;
  field: FileField;
  aria: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true };
}) {
  const t = useT();
  const { uploader, openAttachment, scanStates } = useFormRuntime();
  const { field: ctl } = useController({ name });
  const files: AttachmentRef[] = Array.isArray(ctl.value) ? ctl.value.filter(isRef) : [];
  const [inFlight, setInFlight] = useState<InFlight[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const inputRef = useRef<HTMLInputElement | null>(null);
  const nextKey = useRef(1);
  // The latest list, for uploads that finish after other changes.
  const filesRef = useRef(files);
  filesRef.current = files;
  const accept = field.accept ?? [...ATTACHMENT_CONTENT_TYPES];
  const room = field.maxFiles - files.length - inFlight.length;

  const uploadOne = async (file: File): Promise<string | null> => {
    if (!uploader) return t('form.file.unavailable');
    const check = checkFile(file, accept);
    if (!check.ok) {
      if (check.reason === 'type') return t('form.file.badType', { name: check.name });
      if (check.reason === 'empty') return t('form.file.empty', { name: check.name });
      return t('form.file.tooLarge', { name: check.name, max: formatBytes(FORM_LIMITS.attachmentMaxBytes) });
    }
    const key = nextKey.current++;
    setInFlight((xs) => [...xs, { key, name: file.name, sent: 0, total: file.size }]);
    try {
      const ticket = await uploader.start(check.facts);
      await postWithProgress(ticket, file, (sent, total) =>
        setInFlight((xs) => xs.map((x) => (x.key === key ? { ...x, sent, total } : x))),
      );
      const ref = await uploader.finish(ticket, check.facts);
      ctl.onChange([...filesRef.current, ref]);
      return null;
    } catch (e) {
      if (e instanceof UploadError && e.reason === 'network')
        return t('form.file.network', { name: file.name });
      if (isHttpError(e) && e.isNetwork) return t('form.file.network', { name: file.name });
      if (isHttpError(e) && (e.status === 400 || e.status === 413 || e.status === 422)) {
        return t('form.file.refused', { name: file.name, message: e.message });
      }
      return t('form.file.failed', { name: file.name });
    } finally {
      setInFlight((xs) => xs.filter((x) => x.key !== key));
    }
  };

  const onPick = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    const picked = Array.from(list);
    if (inputRef.current) inputRef.current.value = '';
    const errors: string[] = [];
    if (picked.length > room) errors.push(t('form.file.tooMany', { n: field.maxFiles }));
    const results = await Promise.all(picked.slice(0, Math.max(room, 0)).map((f) => uploadOne(f)));
    for (const r of results) if (r) errors.push(r);
    setProblems(errors);
  };

  return (
    <div className="file-editor">
      {files.length > 0 ? (
        <ul className="file-list">
          {files.map((f) => (
            <li key={f.attachmentId} className="file-item">
              {openAttachment ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => void openAttachment(f).catch(() => undefined)}
                >
                  {f.name}
                </button>
              ) : (
                <span>{f.name}</span>
              )}
              <span className="muted"> ({formatBytes(f.size)})</span>
              <ScanBadge state={scanStates?.get(f.attachmentId)} />
              <Button
                size="sm"
                variant="ghost"
                onClick={() => ctl.onChange(files.filter((x) => x.attachmentId !== f.attachmentId))}
                aria-label={t('form.file.removeNamed', { name: f.name })}
              >
                {t('form.file.remove')}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {inFlight.map((u) => (
        <div key={u.key} className="file-progress">
          <span>{t('form.file.uploading', { name: u.name })}</span>
          <ProgressBar value={u.sent} max={u.total} label={t('form.file.progressLabel', { name: u.name })} />
        </div>
      ))}
      {problems.length > 0 ? (
        <div role="alert">
          <ul className="file-problems">
            {problems.map((p) => (
              <li key={p} className="field-error">
                {p}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {uploader ? (
        <>
          <input
            {...aria}
            ref={(el) => {
              inputRef.current = el;
              ctl.ref(el);
            }}
            className="file-input"
            type="file"
            multiple={field.maxFiles > 1}
            accept={acceptAttribute(accept)}
            disabled={room <= 0}
            onChange={(e) => void onPick(e.target.files)}
          />
          {field.help ? null : (
            <p className="field-help">
              {t('form.file.rules', { max: formatBytes(FORM_LIMITS.attachmentMaxBytes), n: field.maxFiles })}
            </p>
          )}
        </>
      ) : null}
    </div>
  );
}
