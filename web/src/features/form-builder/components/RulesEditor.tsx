import { Button } from '../../../ui';
import { addRule, type BuilderTemplate, removeRule, updateRule } from '../model';
import { FormulaInput } from './FormulaInput';
import { TextSetting } from './settings';

/**
 * Cross-field rules: a yes/no formula that must hold for a report to be sent, and the author's message
 * the unit sees at the first field the formula reads when it does not.
 */
export function RulesEditor({
  template,
  onChange,
}: {
  template: BuilderTemplate;
  onChange: (t: BuilderTemplate) => void;
}) {
  return (
    <section className="card" aria-labelledby="rules-title">
      <h2 id="rules-title">Quy tắc kiểm tra chéo</h2>
      <p className="muted">
        Ví dụ: <code>ket_qua.kham_pha &lt;= ket_qua.phat_hien</code>. Báo cáo không gửi được khi quy tắc sai;
        đơn vị thấy thông báo bạn viết.
      </p>
      <ol className="rule-list">
        {template.rules.map((rule, ri) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the position is the rule's identity while its key is typed
          <li key={`rule-${ri}`} className="card">
            <FormulaInput
              id={`rule-${ri}-formula`}
              label={`Quy tắc ${ri + 1}: điều phải đúng`}
              want="boolean"
              value={rule.formula}
              onChange={(formula) => onChange(updateRule(template, ri, { ...rule, formula }))}
              definition={template}
            />
            <TextSetting
              id={`rule-${ri}-message`}
              label={`Thông báo khi quy tắc ${ri + 1} sai`}
              required
              value={rule.message}
              onChange={(message) => onChange(updateRule(template, ri, { ...rule, message }))}
            />
            <TextSetting
              label={`Khóa quy tắc ${ri + 1}`}
              value={rule.key}
              onChange={(key) => onChange(updateRule(template, ri, { ...rule, key }))}
            />
            <Button size="sm" variant="ghost" onClick={() => onChange(removeRule(template, ri))}>
              Xóa quy tắc {ri + 1}
            </Button>
          </li>
        ))}
      </ol>
      <Button onClick={() => onChange(addRule(template))}>Thêm quy tắc</Button>
    </section>
  );
}
