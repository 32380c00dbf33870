import { commendationConfig2023, findIssuingBody, type IssuingBody } from '@thidua/shared/commendation';
import { decisionDocument } from '../src/features/commendations/documents/decision-doc';
import { renderPdf } from '../src/kernel/pdf/render';

/**
 * Render time of a decision PDF, for ADRs 0024/0035: `npx tsx functions/scripts/pdf-bench.ts [runs]`.
 * Two models: one page (the decision from its header to Article 3, without the signature block, which
 * `cantSplit` carries to a second page) and the whole decision without its annex (two pages). The first
 * run parses and subsets the fonts (what a cold Lambda pays); the median of the rest is a warm render.
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
const [decision = []] = full.sections;
const models = {
  onePage: { ...full, sections: [decision.slice(0, -1)] },
  twoPages: { ...full, sections: [decision] },
};
const runs = Number(process.argv[2] ?? 15);
const out: Record<string, unknown> = {};
for (const [name, model] of Object.entries(models)) {
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
  out[name] = {
    firstMs: Math.round(first),
    warmMedianMs: Math.round(rest[Math.floor(rest.length / 2)] ?? 0),
    bytes: size,
  };
}
console.log(JSON.stringify(out));
