import type { AttachmentScanState } from '@thidua/shared/forms';
import { renderToStaticMarkup } from 'react-dom/server';
import { FormProvider, useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../../i18n';
import { everyFieldDefinition as def } from '../testing/fixture';
import { FileEditor } from './FileEditor';
import { FormRuntimeProvider } from './FormRuntime';

const field = def.sections.flatMap((s) => s.fields).find((f) => f.type === 'file');
const ref = { attachmentId: 'att1', name: 'Biên bản.pdf', size: 1024, contentType: 'application/pdf' };

function Harness({ scanStates }: { scanStates?: ReadonlyMap<string, AttachmentScanState> }) {
  const methods = useForm({ defaultValues: { files: [ref] } });
  if (field?.type !== 'file') throw new Error('the fixture has a file field');
  return (
    <I18nProvider>
      <FormRuntimeProvider value={{ scoring: 'self', ...(scanStates ? { scanStates } : {}) }}>
        <FormProvider {...methods}>
          <FileEditor name="files" field={field} aria={{ id: 'files' }} />
        </FormProvider>
      </FormRuntimeProvider>
    </I18nProvider>
  );
}

describe('the attachment list shows each file’s malware scan state', () => {
  it('“Chưa quét virus” where the deployment has no scanner', () => {
    const html = renderToStaticMarkup(<Harness scanStates={new Map([['att1', 'not_scanned']])} />);
    expect(html).toContain('Biên bản.pdf');
    expect(html).toContain('Chưa quét virus');
  });

  it('pending, clean and infected; nothing when the state is unknown', () => {
    const html = (s: AttachmentScanState) =>
      renderToStaticMarkup(<Harness scanStates={new Map([['att1', s]])} />);
    expect(html('pending')).toContain('Đang chờ quét virus');
    expect(html('clean')).toContain('Đã quét virus: an toàn');
    expect(html('infected')).toContain('role="alert"');
    expect(renderToStaticMarkup(<Harness />)).not.toContain('quét virus');
  });
});
