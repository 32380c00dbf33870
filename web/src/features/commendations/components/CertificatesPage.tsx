import {
  CertificateBlank,
  type CertificateSlot,
  type CommendationConfig,
  certificateFieldNames,
} from '@thidua/shared/commendation';
import { useState } from 'react';
import { Alert, Button } from '../../../ui';
import {
  CampaignHeader,
  ErrorBox,
  openPdf,
  openPrintable,
  useCampaignQuery,
  useCommendationPage,
  useIntentMutation,
} from '../common';

/**
 * The blanks certificates print on: a test print of each (PDF: the fields' boxes with sample text, the
 * paper's edge and millimetre rulers, printed on plain paper at actual size and laid over a blank against
 * the light), and the blank's configuration — the printer offset measured that way and each field's box
 * (position and width in mm, font size, lines, alignment) — saved into the campaign's award rules.
 */
export function CertificatesPage() {
  const { c, svc, campaign } = useCommendationPage();
  const config = useCampaignQuery(['config'], campaign.campaignId, (id) => svc.config(id));
  const blanks = config.data?.certificateBlanks ?? [];
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <div className="stack">
      <CampaignHeader title={c('cert.title')} intro={c('cert.intro')} campaign={campaign} />
      {config.data && blanks.length === 0 ? <Alert tone="info">{c('cert.none')}</Alert> : null}
      {blanks.map((b) => (
        <section key={b.id} className="card c-section" aria-label={b.name}>
          <h2>{b.name}</h2>
          <p className="muted">
            {c('cert.size', { width: b.widthMm, height: b.heightMm, x: b.offsetXMm, y: b.offsetYMm })}
          </p>
          <div className="c-actions">
            <Button onClick={() => openPdf(() => svc.testPrintPdf(campaign.campaignId, b.id))}>
              {c('cert.testPrint')}
            </Button>
            <Button
              variant="ghost"
              onClick={() => openPrintable(() => svc.testPrint(campaign.campaignId, b.id))}
            >
              {c('cert.preview')}
            </Button>
            <Button variant="ghost" onClick={() => setEditing(editing === b.id ? null : b.id)}>
              {c('cert.edit')}
            </Button>
          </div>
          {editing === b.id && config.data ? (
            <BlankEditor config={config.data} blank={b} onSaved={() => setEditing(null)} />
          ) : null}
        </section>
      ))}
    </div>
  );
}

const MmInput = ({
  label,
  value,
  onChange,
  step = 0.5,
}: {
  label: string;
  value: number;
  onChange: (n: number) => void;
  step?: number;
}) => (
  <input
    className="input c-mm"
    type="number"
    step={step}
    aria-label={label}
    value={Number.isFinite(value) ? value : ''}
    onChange={(e) => onChange(e.target.valueAsNumber)}
  />
);

/** One blank's offset and boxes, checked with the blank's own schema before the campaign's rules are saved. */
function BlankEditor({
  config,
  blank,
  onSaved,
}: {
  config: CommendationConfig;
  blank: CertificateBlank;
  onSaved: () => void;
}) {
  const { c, svc, campaign, refresh } = useCommendationPage();
  const [draft, setDraft] = useState<CertificateBlank>(blank);
  const slot = (i: number, change: Partial<CertificateSlot>) =>
    setDraft({ ...draft, slots: draft.slots.map((s, k) => (k === i ? { ...s, ...change } : s)) });
  const checked = CertificateBlank.safeParse(draft);
  const save = useIntentMutation(
    (_: undefined, key: string) =>
      svc.putConfig(
        campaign.campaignId,
        {
          ...config,
          certificateBlanks: (config.certificateBlanks ?? []).map((b) => (b.id === blank.id ? draft : b)),
        },
        key,
      ),
    async () => {
      await refresh();
      onSaved();
    },
  );
  const mm = c('cert.mm');
  // The numeric columns of a box, in the order of the table's header.
  const numeric: { key: 'xMm' | 'yMm' | 'widthMm' | 'fontPt' | 'lines'; label: string; step: number }[] = [
    { key: 'xMm', label: 'x', step: 0.5 },
    { key: 'yMm', label: 'y', step: 0.5 },
    { key: 'widthMm', label: c('cert.width'), step: 0.5 },
    { key: 'fontPt', label: c('cert.font'), step: 0.5 },
    { key: 'lines', label: c('cert.lines'), step: 1 },
  ];
  return (
    <div className="stack c-blank-editor">
      {/* Each input carries its own accessible name (aria-label); the text beside it is for the eye. */}
      <div className="c-actions">
        <span>
          {c('cert.offsetX')}{' '}
          <MmInput
            label={c('cert.offsetX')}
            value={draft.offsetXMm}
            onChange={(n) => setDraft({ ...draft, offsetXMm: n })}
          />
        </span>
        <span>
          {c('cert.offsetY')}{' '}
          <MmInput
            label={c('cert.offsetY')}
            value={draft.offsetYMm}
            onChange={(n) => setDraft({ ...draft, offsetYMm: n })}
          />
        </span>
      </div>
      <table className="table">
        <caption>{c('cert.boxes')}</caption>
        <thead>
          <tr>
            <th scope="col">{c('cert.field')}</th>
            <th scope="col">x ({mm})</th>
            <th scope="col">y ({mm})</th>
            <th scope="col">
              {c('cert.width')} ({mm})
            </th>
            <th scope="col">{c('cert.font')} (pt)</th>
            <th scope="col">{c('cert.lines')}</th>
            <th scope="col">{c('cert.align')}</th>
            <th scope="col">{c('cert.bold')}</th>
          </tr>
        </thead>
        <tbody>
          {draft.slots.map((s, i) => {
            const name = certificateFieldNames[s.field];
            return (
              <tr key={s.field}>
                <th scope="row">{name}</th>
                {numeric.map(({ key, label, step }) => (
                  <td key={key}>
                    <MmInput
                      label={`${name}: ${label}`}
                      step={step}
                      value={s[key] ?? 1}
                      onChange={(n) => slot(i, { [key]: n })}
                    />
                  </td>
                ))}
                <td>
                  <select
                    className="select"
                    aria-label={`${name}: ${c('cert.align')}`}
                    value={s.align}
                    onChange={(e) => slot(i, { align: e.target.value as CertificateSlot['align'] })}
                  >
                    <option value="left">{c('cert.alignLeft')}</option>
                    <option value="center">{c('cert.alignCenter')}</option>
                    <option value="right">{c('cert.alignRight')}</option>
                  </select>
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${name}: ${c('cert.bold')}`}
                    checked={s.bold}
                    onChange={(e) => slot(i, { bold: e.target.checked })}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {checked.success ? null : (
        <Alert tone="warning">
          <ul>
            {checked.error.issues.map((x) => (
              <li key={`${x.path.join('.')}-${x.message}`}>
                {typeof x.path[1] === 'number'
                  ? `${certificateFieldNames[draft.slots[x.path[1]]?.field ?? 'nomineeName']}: `
                  : ''}
                {x.message}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      <ErrorBox error={save.error} />
      <div className="c-actions">
        <Button
          variant="primary"
          disabled={!checked.success}
          loading={save.isPending}
          onClick={() => save.mutate(undefined)}
        >
          {c('cert.save')}
        </Button>
        <Button variant="ghost" onClick={() => setDraft(blank)}>
          {c('cert.reset')}
        </Button>
      </div>
      <p className="muted">{c('cert.saveHint')}</p>
    </div>
  );
}
