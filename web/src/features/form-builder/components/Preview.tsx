import { zodResolver } from '@hookform/resolvers/zod';
import { buildSubmissionSchema, type FormTemplate } from '@thidua/shared/forms';
import { useMemo, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { Button } from '../../../ui';
import { FormEditor } from '../../forms/components/FormEditor';
import { FormRuntimeProvider } from '../../forms/components/FormRuntime';

type Width = 'phone' | 'desktop';

/**
 * The form as a unit will fill it, rendered by the real form runtime (`FormEditor`) with the submission
 * schema the API checks — conditions, computed values, limits and the author's cross-field rules — at a
 * phone's 360 px or a desktop's width. Nothing typed here is saved.
 */
export function Preview({ template, stale }: { template: FormTemplate; stale: boolean }) {
  const [width, setWidth] = useState<Width>('phone');
  return (
    <section className="card builder-preview" aria-labelledby="preview-title">
      <div className="row-between">
        <h2 id="preview-title">Xem trước</h2>
        <fieldset className="row preview-widths">
          <legend className="visually-hidden">Độ rộng xem trước</legend>
          <Button size="sm" aria-pressed={width === 'phone'} onClick={() => setWidth('phone')}>
            Điện thoại (360 px)
          </Button>
          <Button size="sm" aria-pressed={width === 'desktop'} onClick={() => setWidth('desktop')}>
            Máy tính
          </Button>
        </fieldset>
      </div>
      {stale ? (
        <p className="muted" role="status">
          Biểu mẫu đang có lỗi; đang xem bản hợp lệ gần nhất.
        </p>
      ) : null}
      <div className={`preview-frame preview-${width}`} data-testid="builder-preview">
        {/* A new template is a new form: the preview starts empty again. */}
        <PreviewForm key={JSON.stringify(template)} template={template} />
      </div>
    </section>
  );
}

function PreviewForm({ template }: { template: FormTemplate }) {
  const schema = useMemo(() => buildSubmissionSchema(template, { mode: 'submit' }), [template]);
  const methods = useForm<Record<string, unknown>>({
    defaultValues: {},
    resolver: zodResolver(schema),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const [result, setResult] = useState<'ok' | 'invalid' | null>(null);
  const onSubmit = methods.handleSubmit(
    () => setResult('ok'),
    () => setResult('invalid'),
  );
  return (
    <FormRuntimeProvider value={{ scoring: 'self' }}>
      <FormProvider {...methods}>
        <form noValidate onSubmit={(e) => void onSubmit(e)}>
          <h3>{template.title}</h3>
          <FormEditor definition={template} />
          <div className="row">
            <Button type="submit" variant="primary">
              Kiểm tra thử
            </Button>
            <p role="status" aria-live="polite" className={result === 'invalid' ? 'field-error' : 'muted'}>
              {result === 'ok'
                ? 'Dữ liệu thử hợp lệ: báo cáo này gửi được.'
                : result === 'invalid'
                  ? 'Dữ liệu thử còn lỗi: xem thông báo ở từng trường.'
                  : ''}
            </p>
          </div>
        </form>
      </FormProvider>
    </FormRuntimeProvider>
  );
}
