import { Alert, Button } from '../../../ui';
import { CampaignHeader, openPrintable, useCampaignQuery, useCommendationPage } from '../common';

/**
 * The blanks certificates print on, and a test print of each: the fields' boxes with sample text, the
 * paper's edge and a scale, printed on plain paper and laid over a blank to measure the printer's offset
 * (entered in the blank's configuration, `offsetXMm` / `offsetYMm`).
 */
export function CertificatesPage() {
  const { c, svc, campaign } = useCommendationPage();
  const config = useCampaignQuery(['config'], campaign.campaignId, (id) => svc.config(id));
  const blanks = config.data?.certificateBlanks ?? [];
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
          <Button onClick={() => openPrintable(() => svc.testPrint(campaign.campaignId, b.id))}>
            {c('cert.testPrint')}
          </Button>
        </section>
      ))}
    </div>
  );
}
