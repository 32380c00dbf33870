import type { AttachmentScanState } from '@thidua/shared/forms';
import { useT } from '../../../i18n';

/**
 * The malware scan state beside an evidence file. A deployment without a scanner says so ("Chưa quét
 * virus") rather than implying the file was checked for viruses.
 */
export function ScanBadge({ state }: { state: AttachmentScanState | undefined }) {
  const t = useT();
  if (!state) return null;
  return (
    <span className={`scan-badge scan-${state}`} role={state === 'infected' ? 'alert' : undefined}>
      {' '}
      {t(`form.file.scan.${state}`)}
    </span>
  );
}
