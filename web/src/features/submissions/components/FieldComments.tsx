import { useQueryClient } from '@tanstack/react-query';
import type { FormDefinition } from '@thidua/shared/forms';
import { useId, useRef, useState } from 'react';
import { newIdempotencyKey } from '../../../api/client';
import { describeError } from '../../../api/describe';
import { formatDateTime, useT } from '../../../i18n';
import { Button } from '../../../ui';
import { resolveErrorTarget } from '../../forms/paths';
import { submissionKeys, useSubmissionsApi } from '../queries';
import type { FieldComment } from '../service';
import './history.css';

/** A comment's place as the person reads it: the field, and its row when it names one. */
export function commentPlace(definition: FormDefinition, path: string): string {
  const [section, field, row, column] = path.split('.');
  const target = resolveErrorTarget(definition, `${section}.${field}${column ? `.${row}.${column}` : ''}`);
  const label = target?.label ?? path;
  return row !== undefined && column === undefined ? `${label} (dòng ${Number(row) + 1})` : label;
}

const anchorOf = (c: FieldComment) => `cmt-${c.id}`;

/**
 * One write of a comment or an answer: its Idempotency-Key kept across retries of the same text, the
 * comments and the history read again after it, the refusal said in words.
 */
function useCommentWrite(submissionId: string) {
  const t = useT();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const key = useRef<string | null>(null);
  const run = async (write: (idempotencyKey: string) => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      key.current ??= newIdempotencyKey();
      await write(key.current);
      key.current = null;
      await Promise.all([
        qc.invalidateQueries({ queryKey: submissionKeys.comments(submissionId) }),
        qc.invalidateQueries({ queryKey: submissionKeys.history(submissionId) }),
      ]);
      return true;
    } catch (e) {
      setError(describeError(e, t));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

/** A comment, its author and time, and the unit's answer — or the box to answer it. */
function CommentItem({
  submissionId,
  comment: c,
  canAnswer,
}: {
  submissionId: string;
  comment: FieldComment;
  canAnswer: boolean;
}) {
  const t = useT();
  const s = useSubmissionsApi();
  const inputId = useId();
  const [text, setText] = useState('');
  const { busy, error, run } = useCommentWrite(submissionId);
  const send = () => run((key) => s.answer(submissionId, c.id, text, key));
  return (
    <div className="field-comment" id={anchorOf(c)} tabIndex={-1}>
      <p>
        <strong>{c.author.name ?? t('history.someone')}</strong>{' '}
        <span className="muted">
          · {formatDateTime(c.author.at)}
          {c.withReturn ? ` · ${t('comments.withReturn')}` : ''}
        </span>
      </p>
      <blockquote className="preserve-lines">{c.text}</blockquote>
      {c.answer ? (
        <p className="field-comment-answer">
          <span className="muted">
            {t('comments.answeredBy', {
              name: c.answer.author.name ?? t('history.someone'),
              at: formatDateTime(c.answer.author.at),
            })}
          </span>
          <br />
          {c.answer.text}
        </p>
      ) : canAnswer ? (
        <div className="field-comment-reply">
          <label htmlFor={inputId}>{t('comments.answer')}</label>
          <textarea id={inputId} rows={2} value={text} onChange={(e) => setText(e.target.value)} />
          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
          <Button size="sm" loading={busy} disabled={text.trim().length < 2} onClick={() => void send()}>
            {t('comments.send')}
          </Button>
        </div>
      ) : (
        <p className="muted">{t('comments.unanswered')}</p>
      )}
    </div>
  );
}

/** The comments on one field (and its rows), shown beside it in the form. */
export function CommentsBeside({
  submissionId,
  name,
  comments,
  canAnswer,
}: {
  submissionId: string;
  name: string;
  comments: readonly FieldComment[];
  canAnswer: boolean;
}) {
  const t = useT();
  const mine = comments.filter((c) => c.path === name || c.path.startsWith(`${name}.`));
  if (mine.length === 0) return null;
  return (
    <aside className="field-comments" aria-label={t('comments.besideLabel')}>
      {mine.map((c) => (
        <CommentItem key={c.id} submissionId={submissionId} comment={c} canAnswer={canAnswer} />
      ))}
    </aside>
  );
}

/**
 * At the top of the report: every comment, each a link to its place beside its field (like the error
 * summary); for a reader without the form beside it (a reviewer), the comments themselves.
 */
export function CommentsSummary({
  submissionId,
  definition,
  comments,
  inline,
  canAnswer,
}: {
  submissionId: string;
  definition: FormDefinition;
  comments: readonly FieldComment[];
  /** true: the comments are shown here (no form beside them); false: links to them beside the fields. */
  inline: boolean;
  canAnswer: boolean;
}) {
  const t = useT();
  if (comments.length === 0) return null;
  const open = comments.filter((c) => c.answer === null).length;
  return (
    <section className="alert alert-info comments-summary" aria-labelledby="comments-summary-title">
      <p className="alert-title" id="comments-summary-title">
        {t('comments.title', { n: comments.length, open })}
      </p>
      <ul>
        {comments.map((c) => (
          <li key={c.id}>
            {inline ? (
              <>
                <strong>{commentPlace(definition, c.path)}</strong>
                <CommentItem submissionId={submissionId} comment={c} canAnswer={canAnswer} />
              </>
            ) : (
              <a
                href={`#${anchorOf(c)}`}
                onClick={(e) => {
                  const el = document.getElementById(anchorOf(c));
                  if (el) {
                    e.preventDefault();
                    el.focus();
                    el.scrollIntoView({ block: 'center' });
                  }
                }}
              >
                {commentPlace(definition, c.path)}: {c.text}
                {c.answer ? ` (${t('comments.answered')})` : ''}
              </a>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The reviewer on turn comments on a field, or on a row of a table. */
export function CommentComposer({
  submissionId,
  definition,
}: {
  submissionId: string;
  definition: FormDefinition;
}) {
  const t = useT();
  const s = useSubmissionsApi();
  const ids = { field: useId(), row: useId(), text: useId() };
  const fields = definition.sections.flatMap((sec) =>
    sec.fields
      .filter((f) => f.type !== 'computed')
      .map((f) => ({ name: `${sec.key}.${f.key}`, label: f.label, table: f.type === 'table' })),
  );
  const [field, setField] = useState(fields[0]?.name ?? '');
  const [row, setRow] = useState('');
  const [text, setText] = useState('');
  const [withReturn, setWithReturn] = useState(false);
  const { busy, error, run } = useCommentWrite(submissionId);
  const isTable = fields.find((f) => f.name === field)?.table === true;
  const send = async () => {
    const path = isTable && /^\d+$/.test(row) && Number(row) >= 1 ? `${field}.${Number(row) - 1}` : field;
    if (await run((key) => s.comment(submissionId, { path, text, withReturn }, key))) {
      setText('');
      setRow('');
    }
  };
  return (
    <section className="card comment-composer" aria-labelledby={`${ids.field}-title`}>
      <h2 id={`${ids.field}-title`}>{t('comments.add')}</h2>
      <p className="muted">{t('comments.addHelp')}</p>
      <label htmlFor={ids.field}>{t('comments.field')}</label>
      <select id={ids.field} value={field} onChange={(e) => setField(e.target.value)}>
        {fields.map((f) => (
          <option key={f.name} value={f.name}>
            {f.label}
          </option>
        ))}
      </select>
      {isTable ? (
        <>
          <label htmlFor={ids.row}>{t('comments.row')}</label>
          <input id={ids.row} inputMode="numeric" value={row} onChange={(e) => setRow(e.target.value)} />
        </>
      ) : null}
      <label htmlFor={ids.text}>{t('comments.text')}</label>
      <textarea id={ids.text} rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      <label>
        <input type="checkbox" checked={withReturn} onChange={(e) => setWithReturn(e.target.checked)} />{' '}
        {t('comments.forReturn')}
      </label>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <Button loading={busy} disabled={text.trim().length < 2} onClick={() => void send()}>
        {t('comments.send')}
      </Button>
    </section>
  );
}
