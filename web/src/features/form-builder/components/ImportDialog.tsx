import { useState } from 'react';
import { Button, Dialog } from '../../../ui';
import { type BuilderTemplate, type ImportProblem, importJson } from '../model';

/**
 * A template from a JSON file (an export of this builder, or a published template): checked as
 * publication checks it before anything changes; every problem listed with where it is.
 */
export function ImportDialog({
  open,
  onClose,
  onImport,
}: {
  open: boolean;
  onClose: () => void;
  onImport: (t: BuilderTemplate) => void;
}) {
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const read = async (file: File | undefined) => {
    if (!file) return;
    const r = importJson(await file.text());
    if (r.ok) {
      setProblems([]);
      onImport(r.template);
    } else setProblems(r.problems);
  };
  return (
    <Dialog
      open={open}
      title="Nhập biểu mẫu từ tệp JSON"
      onClose={onClose}
      footer={<Button onClick={onClose}>Đóng</Button>}
    >
      <p>Nội dung của tệp thay cho bản nháp đang mở (bản nháp cũ vẫn xuất được trước đó).</p>
      <label className="field-label" htmlFor="import-file">
        Chọn tệp .json
      </label>
      <input
        id="import-file"
        type="file"
        accept="application/json,.json"
        onChange={(e) => void read(e.target.files?.[0])}
      />
      {problems.length > 0 ? (
        <div role="alert" className="alert alert-danger">
          <p className="alert-title">Tệp chưa hợp lệ ({problems.length} lỗi):</p>
          <ul>
            {problems.map((p) => (
              <li key={`${p.where}-${p.message}`}>
                <strong>{p.where}</strong>: {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Dialog>
  );
}
