import { commendationConfig2023, findIssuingBody, type IssuingBody } from '@thidua/shared/commendation';
import { decisionDocument } from '../src/features/commendations/documents/decision-doc';
import { renderPdf } from '../src/kernel/pdf/render';

/**
 * Render time of a one-page decision PDF (the decision's first section, without its annex), for ADRs
 * 0024/0035: `npx tsx functions/scripts/pdf-bench.ts [runs]`. The first run parses and subsets the
 * fonts (what a cold Lambda pays); the median of the rest is a warm render.
 */
const config = commendationConfig2023('kh38-2023');
const body = findIssuingBody(config, 'ubnd-tinh') as IssuingBody;
const full = decisionDocument({
  config,
  issuingBody: body,
  ruleBases: ['Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022'],
  numberText: '06/QĐ-UBND',
  signedOn: '2026-01-05',
  signature: { onBehalf: 'TM. ỦY BAN NHÂN DÂN', delegatedBy: '', title: 'CHỦ TỊCH', name: 'Trần Tuệ Hiền' },
  minutesRef: 'Biên bản số 03/BB-HĐTĐKT',
  entries: [],
});
const model = { ...full, sections: full.sections.slice(0, 1) };
const runs = Number(process.argv[2] ?? 15);
const times: number[] = [];
let size = 0;
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  const bytes = await renderPdf(model, { createdAt: new Date('2026-01-05T03:00:00Z') });
  times.push(performance.now() - t);
  size = bytes.length;
}
const [first = 0, ...rest] = times;
rest.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    firstMs: Math.round(first),
    warmMedianMs: Math.round(rest[Math.floor(rest.length / 2)] ?? 0),
    bytes: size,
  }),
);
