import { runInNewContext } from 'node:vm';
import { buildSync } from 'esbuild';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BinaryOp,
  checkExpression,
  type Expr,
  evaluateExpression,
  functionNames,
  type Lookup,
  parseExpression,
  printExpression,
  type RefType,
  roundHalfAway,
  type Value,
} from './expression';

const parse = (src: string): Expr => {
  const r = parseExpression(src);
  if (!r.ok) throw new Error(`${r.error.message} @${r.error.at}`);
  return r.expr;
};

// ------------------------------------------------------------------------------------ generators

const segment = fc.constantFrom('bc', 'so_vu', 'cleared', 'detected', 'rate', 'and', 'sum', 'x1', 'Ban');
const refArb = fc
  .tuple(fc.constantFrom('bc', 's1', 'muc_a'), segment, fc.option(segment, { nil: undefined }))
  .map(([a, b, c]): Expr => ({ kind: 'ref', path: c === undefined ? [a, b] : [a, b, c] }));
const numArb = fc
  .tuple(fc.nat(10_000_000), fc.nat(3))
  .map(([n, d]): Expr => ({ kind: 'num', value: n / 10 ** d }));
const binaryOps: BinaryOp[] = ['+', '-', '*', '/', '<', '<=', '>', '>=', '=', '<>', 'and', 'or'];

/** Any syntax tree the parser can produce (types need not agree: the printer must not care). */
const exprArb: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    numArb,
    fc.boolean().map((value): Expr => ({ kind: 'bool', value })),
    refArb,
    fc.record({
      kind: fc.constant('unary' as const),
      op: fc.constantFrom('-' as const, 'not' as const),
      arg: tie('e'),
    }),
    fc.record({
      kind: fc.constant('binary' as const),
      op: fc.constantFrom(...binaryOps),
      left: tie('e'),
      right: tie('e'),
    }),
    fc.record({
      kind: fc.constant('call' as const),
      fn: fc.constantFrom(...functionNames),
      args: fc.array(tie('e'), { maxLength: 3 }),
    }),
  ),
})).e;

/** Well-typed numeric formulas over a fixed set of fields, for evaluation. */
const refTypes = new Map<string, RefType>([
  ['bc.detected', 'number'],
  ['bc.cleared', 'number'],
  ['bc.rate', 'number'],
  ['bc.done', 'boolean'],
  ['bc.rows.cases', 'number_list'],
]);
const numRef = fc.constantFrom<Expr>(
  { kind: 'ref', path: ['bc', 'detected'] },
  { kind: 'ref', path: ['bc', 'cleared'] },
  { kind: 'ref', path: ['bc', 'rate'] },
);
const typed = fc.letrec<{ n: Expr; b: Expr }>((tie) => ({
  n: fc.oneof(
    { depthSize: 'small' },
    numArb,
    numRef,
    fc.record({ kind: fc.constant('unary' as const), op: fc.constant('-' as const), arg: tie('n') }),
    fc.record({
      kind: fc.constant('binary' as const),
      op: fc.constantFrom<BinaryOp>('+', '-', '*', '/'),
      left: tie('n'),
      right: tie('n'),
    }),
    fc.record({
      kind: fc.constant('call' as const),
      fn: fc.constantFrom('sum' as const, 'min' as const, 'max' as const, 'avg' as const, 'count' as const),
      args: fc.array(fc.oneof(tie('n'), fc.constant<Expr>({ kind: 'ref', path: ['bc', 'rows', 'cases'] })), {
        minLength: 1,
        maxLength: 3,
      }),
    }),
    fc.tuple(tie('n'), tie('n')).map(([a, b]): Expr => ({ kind: 'call', fn: 'percent', args: [a, b] })),
    fc.tuple(tie('n'), fc.nat(3)).map(
      ([a, d]): Expr => ({
        kind: 'call',
        fn: 'round',
        args: [a, { kind: 'num', value: d }],
      }),
    ),
    fc
      .tuple(tie('b'), tie('n'), tie('n'))
      .map(([c, a, b]): Expr => ({ kind: 'call', fn: 'if', args: [c, a, b] })),
    fc.tuple(tie('n'), tie('n')).map(([a, b]): Expr => ({ kind: 'call', fn: 'coalesce', args: [a, b] })),
  ),
  b: fc.oneof(
    { depthSize: 'small' },
    fc.boolean().map((value): Expr => ({ kind: 'bool', value })),
    fc.constant<Expr>({ kind: 'ref', path: ['bc', 'done'] }),
    fc.record({ kind: fc.constant('unary' as const), op: fc.constant('not' as const), arg: tie('b') }),
    fc.record({
      kind: fc.constant('binary' as const),
      op: fc.constantFrom<BinaryOp>('<', '<=', '>', '>=', '=', '<>'),
      left: tie('n'),
      right: tie('n'),
    }),
    fc.record({
      kind: fc.constant('binary' as const),
      op: fc.constantFrom<BinaryOp>('and', 'or'),
      left: tie('b'),
      right: tie('b'),
    }),
  ),
}));

const valueArb = fc.option(
  fc.oneof(fc.integer({ min: -1000, max: 100_000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })),
  {
    nil: null,
  },
);
const valuesArb = fc.record({
  'bc.detected': valueArb,
  'bc.cleared': valueArb,
  'bc.rate': valueArb,
  'bc.done': fc.option(fc.boolean(), { nil: null }),
  'bc.rows.cases': fc.array(valueArb, { maxLength: 5 }),
});
type Values = Record<string, Value | Value[]>;
const lookupOf =
  (values: Values): Lookup =>
  (path) =>
    Object.hasOwn(values, path) ? (values[path] as Value | Value[]) : null;

// ------------------------------------------------------------------------------------------ tests

describe('formula syntax', () => {
  it('parse ∘ print is the identity on every tree', () => {
    fc.assert(
      fc.property(exprArb, (e) => {
        expect(parse(printExpression(e))).toEqual(e);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the way officers write it, and says where it is wrong', () => {
    expect(printExpression(parse('round( percent(bc.cleared , bc.detected),1 )'))).toBe(
      'round(percent(bc.cleared, bc.detected), 1)',
    );
    expect(printExpression(parse('a.b - (c.d - e.f) * 2'))).toBe('a.b - (c.d - e.f) * 2');
    expect(printExpression(parse('a.b != 1'))).toBe('a.b <> 1');
    const bad = (src: string) => {
      const r = parseExpression(src);
      return r.ok ? null : r.error;
    };
    expect(bad('bc.cleared <= (bc.detected')).toEqual({ message: 'Thiếu dấu ngoặc đóng ")"', at: 26 });
    expect(bad('1 < 2 < 3')?.message).toContain('Không so sánh liên tiếp');
    expect(bad('bc.x; drop')?.message).toBe('Ký tự không dùng được trong công thức: ";"');
    expect(bad('eval(1)')?.message).toBe('Không có hàm "eval"');
    expect(bad('detected')?.message).toContain('không phải tham chiếu');
    expect(bad('a.b.c.d')?.message).toContain('không phải tham chiếu');
    expect(bad('1.1234567')?.message).toContain('chữ số thập phân');
    expect(bad('x'.repeat(2001))?.message).toContain('dài quá');
    expect(bad(`${'('.repeat(60)}1${')'.repeat(60)}`)?.message).toBe('Công thức lồng nhau quá sâu');
  });
});

describe('formula types and references', () => {
  const check = (src: string) => checkExpression(parse(src), refTypes);

  it('types a clearance rate and a cross-field rule, and lists what they read', () => {
    expect(check('round(percent(bc.cleared, bc.detected), 1)')).toEqual({
      ok: true,
      type: 'number',
      references: ['bc.cleared', 'bc.detected'],
    });
    expect(check('bc.cleared <= bc.detected and not bc.done')).toMatchObject({ ok: true, type: 'boolean' });
    expect(check('sum(bc.rows.cases) + 1')).toMatchObject({ ok: true, type: 'number' });
  });

  it('refuses unknown fields, prototype names, mixed types and bare table columns', () => {
    const message = (src: string) => {
      const r = check(src);
      return r.ok ? null : r.error.message;
    };
    expect(message('bc.missing + 1')).toBe('Không có trường "bc.missing" dùng được trong công thức');
    expect(message('bc.constructor')).toBe('Không có trường "bc.constructor" dùng được trong công thức');
    expect(message('bc.toString')).toBe('Không có trường "bc.toString" dùng được trong công thức');
    expect(parseExpression('bc.__proto__')).toMatchObject({
      ok: false,
      error: { message: 'Ký tự không dùng được trong công thức: "_"' },
    });
    expect(message('bc.done + 1')).toBe('Phép "+" cần một số, không phải giá trị đúng/sai');
    expect(message('bc.rows.cases * 2')).toBe('Phép "*" cần một số, không phải cột của bảng');
    expect(message('bc.rows.cases')).toBe('Cột của bảng phải nằm trong sum, min, max, avg hoặc count');
    expect(message('if(bc.done, 1, true)')).toBe('Hai nhánh của hàm if phải cùng kiểu');
    expect(message('round(bc.rate, bc.detected)')).toContain('Số chữ số làm tròn');
    expect(message('percent(1)')).toBe('Hàm percent cần 2 đối số');
  });
});

describe('formula evaluation', () => {
  const run = (src: string, values: Values) => evaluateExpression(parse(src), lookupOf(values));

  it('computes with empty figures as empty, never infinite', () => {
    expect(run('round(percent(bc.cleared, bc.detected), 1)', { 'bc.cleared': 2, 'bc.detected': 3 })).toBe(
      66.7,
    );
    expect(run('percent(bc.cleared, bc.detected)', { 'bc.cleared': 2, 'bc.detected': 0 })).toBe(null);
    expect(run('bc.cleared + bc.detected', { 'bc.cleared': 2, 'bc.detected': null })).toBe(null);
    expect(
      run('sum(bc.rows.cases, bc.detected)', { 'bc.rows.cases': [1, null, 2], 'bc.detected': null }),
    ).toBe(3);
    expect(run('count(bc.rows.cases)', { 'bc.rows.cases': [1, null, 2] })).toBe(2);
    expect(run('bc.cleared <= bc.detected', { 'bc.cleared': 5, 'bc.detected': null })).toBe(null);
    expect(run('false and bc.done', { 'bc.done': null })).toBe(false);
    expect(run('true or bc.done', { 'bc.done': null })).toBe(true);
    expect(run('coalesce(bc.rate, 0)', { 'bc.rate': null })).toBe(0);
    expect(roundHalfAway(1.005, 2)).toBe(1.01);
    expect(roundHalfAway(-2.5, 0)).toBe(-3);
  });

  it('reads only the fields the checker listed, through the lookup alone', () => {
    fc.assert(
      fc.property(fc.oneof(typed.n, typed.b), valuesArb, (e, values) => {
        const checked = checkExpression(e, refTypes);
        expect(checked.ok).toBe(true);
        if (!checked.ok) return;
        const read = new Set<string>();
        const result = evaluateExpression(e, (p) => {
          read.add(p);
          return lookupOf(values)(p);
        });
        for (const p of read) expect(checked.references).toContain(p);
        if (checked.type === 'number') expect(result === null || Number.isFinite(result)).toBe(true);
        else expect(result === null || typeof result === 'boolean').toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it('the browser bundle, run with no globals at all, gives the same results as the Lambda code', () => {
    // The module as the web app ships it (esbuild, browser platform), evaluated in an empty V8 context:
    // no `window`, no `process`, no `globalThis` properties — whatever it reached for would throw.
    const bundle = buildSync({
      entryPoints: [new URL('./expression.ts', import.meta.url).pathname],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'formula',
      write: false,
      target: 'es2022',
    }).outputFiles[0]?.text;
    if (!bundle) throw new Error('no bundle');
    const sandbox = Object.create(null) as Record<string, unknown>;
    runInNewContext(`${bundle}; this.formula = formula;`, sandbox);
    const browser = sandbox.formula as {
      parseExpression: typeof parseExpression;
      evaluateExpression: typeof evaluateExpression;
    };
    fc.assert(
      fc.property(fc.oneof(typed.n, typed.b), valuesArb, (e, values) => {
        const text = printExpression(e);
        const there = browser.parseExpression(text);
        if (!there.ok) throw new Error(there.error.message);
        const inBrowser = browser.evaluateExpression(there.expr, lookupOf(values));
        expect(inBrowser).toEqual(evaluateExpression(parse(text), lookupOf(values)));
      }),
      { numRuns: 800 },
    );
  });
});
