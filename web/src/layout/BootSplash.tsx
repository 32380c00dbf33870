import { useT } from '../i18n';
import { Skeleton } from '../ui';

/** What shows while the first page's code arrives (a slow phone link can take a few seconds). */
export function BootSplash() {
  const t = useT();
  return (
    <main id="main" className="page-narrow">
      <p className="muted">{t('app.name')}</p>
      <Skeleton lines={4} />
    </main>
  );
}
