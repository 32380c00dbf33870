/**
 * The formula language of form templates (issue 14): computed fields ("tỷ lệ giải quyết") and cross-field
 * rules ("số vụ đã xử lý ≤ số vụ phát hiện"). Small on purpose: numbers and yes/no values, field
 * references, + - * /, comparisons, and / or / not, and a fixed list of functions. It is parsed, type-
 * checked and reference-checked when a template is published, and evaluated by the same code in the
 * browser and in the Lambda — never with `eval`, and reading nothing but the values the caller gives it.
 *
 * Empty fields are `null`: arithmetic and comparisons with an empty operand are empty too (a rule whose
 * figures are not filled yet does not fire), `sum`/`min`/`max`/`avg`/`count` skip empty values, `and` /
 * `or` follow three-valued logic, and a division by zero is empty rather than infinite.
 */

export type BinaryOp = '+' | '-' | '*' | '/' | '<' | '<=' | '>' | '>=' | '=' | '<>' | 'and' | 'or';
export type UnaryOp = '-' | 'not';

export const functionNames = [
  'sum',
  'min',
  'max',
  'avg',
  'count',
  'round',
  'abs',
  'if',
  'percent',
  'coalesce',
] as const;
export type FunctionName = (typeof functionNames)[number];

export type Expr =
  | { kind: 'num'; value: number }
  | { kind: 'bool'; value: boolean }
  /** `section.field`, or `section.table.column` (a table column: a list, for the aggregate functions). */
  | { kind: 'ref'; path: string[] }
  | { kind: 'unary'; op: UnaryOp; arg: Expr }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr }
  | { kind: 'call'; fn: FunctionName; args: Expr[] };

export interface ExpressionError {
  /** Vietnamese, for the form author. */
  message: string;
  /** Character offset in the source. */
  at: number;
}

export type ParseResult = { ok: true; expr: Expr } | { ok: false; error: ExpressionError };

export const EXPRESSION_LIMITS = { length: 2000, depth: 40, decimals: 6, maxLiteral: 1e15 } as const;

// ---------------------------------------------------------------------------------------------- lexer

type Token =
  | { t: 'num'; v: number; at: number }
  | { t: 'id'; v: string; at: number }
  | { t: 'op'; v: string; at: number }
  | { t: 'end'; at: number };

const KEYWORDS = new Set(['and', 'or', 'not', 'true', 'false']);

class Fail extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

function lex(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i += 1;
      continue;
    }
    const num = /^\d+(\.\d+)?/.exec(src.slice(i));
    if (num) {
      const [text, frac] = num;
      if ((frac?.length ?? 0) - 1 > EXPRESSION_LIMITS.decimals)
        throw new Fail(`Số ${text} có quá ${EXPRESSION_LIMITS.decimals} chữ số thập phân`, i);
      const v = Number(text);
      if (v >= EXPRESSION_LIMITS.maxLiteral) throw new Fail(`Số ${text} quá lớn`, i);
      out.push({ t: 'num', v, at: i });
      i += text.length;
      continue;
    }
    const id = /^[a-zA-Z][a-zA-Z0-9_]*/.exec(src.slice(i));
    if (id) {
      out.push({ t: 'id', v: id[0], at: i });
      i += id[0].length;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '<=' || two === '>=' || two === '<>' || two === '!=') {
      out.push({ t: 'op', v: two === '!=' ? '<>' : two, at: i });
      i += 2;
      continue;
    }
    if ('+-*/()<>=,.'.includes(c)) {
      out.push({ t: 'op', v: c, at: i });
      i += 1;
      continue;
    }
    throw new Fail(`Ký tự không dùng được trong công thức: "${c}"`, i);
  }
  out.push({ t: 'end', at: src.length });
  return out;
}

// --------------------------------------------------------------------------------------------- parser

const isFunction = (name: string): name is FunctionName =>
  (functionNames as readonly string[]).includes(name);

/** Parses a formula; errors say what and where, in Vietnamese. */
export function parseExpression(src: string): ParseResult {
  if (src.length > EXPRESSION_LIMITS.length)
    return { ok: false, error: { message: `Công thức dài quá ${EXPRESSION_LIMITS.length} ký tự`, at: 0 } };
  try {
    const tokens = lex(src);
    let pos = 0;
    let depth = 0;
    const peek = (): Token => tokens[pos] as Token;
    const next = (): Token => tokens[pos++] as Token;
    const isOp = (v: string): boolean => {
      const k = peek();
      return k.t === 'op' && k.v === v;
    };
    const isWord = (v: string): boolean => {
      const k = peek();
      return k.t === 'id' && k.v === v;
    };
    const expect = (v: string, what: string): void => {
      if (!isOp(v)) throw new Fail(`Thiếu ${what}`, peek().at);
      pos += 1;
    };
    const nested = <T>(f: () => T): T => {
      depth += 1;
      if (depth > EXPRESSION_LIMITS.depth) throw new Fail('Công thức lồng nhau quá sâu', peek().at);
      try {
        return f();
      } finally {
        depth -= 1;
      }
    };

    const or = (): Expr => {
      let left = and();
      while (isWord('or')) {
        next();
        left = { kind: 'binary', op: 'or', left, right: and() };
      }
      return left;
    };
    const and = (): Expr => {
      let left = not();
      while (isWord('and')) {
        next();
        left = { kind: 'binary', op: 'and', left, right: not() };
      }
      return left;
    };
    const not = (): Expr => {
      if (isWord('not')) {
        next();
        return nested(() => ({ kind: 'unary', op: 'not', arg: not() }));
      }
      return comparison();
    };
    const comparisons = ['<', '<=', '>', '>=', '=', '<>'];
    const comparison = (): Expr => {
      const left = additive();
      const k = peek();
      if (k.t === 'op' && comparisons.includes(k.v)) {
        next();
        const right = additive();
        const k2 = peek();
        if (k2.t === 'op' && comparisons.includes(k2.v))
          throw new Fail('Không so sánh liên tiếp; dùng "and" để ghép hai phép so sánh', k2.at);
        return { kind: 'binary', op: k.v as BinaryOp, left, right };
      }
      return left;
    };
    const additive = (): Expr => {
      let left = multiplicative();
      while (isOp('+') || isOp('-')) {
        const op = next() as { v: '+' | '-' };
        left = { kind: 'binary', op: op.v, left, right: multiplicative() };
      }
      return left;
    };
    const multiplicative = (): Expr => {
      let left = unary();
      while (isOp('*') || isOp('/')) {
        const op = next() as { v: '*' | '/' };
        left = { kind: 'binary', op: op.v, left, right: unary() };
      }
      return left;
    };
    const unary = (): Expr => {
      if (isOp('-')) {
        next();
        return nested(() => ({ kind: 'unary', op: '-', arg: unary() }));
      }
      return primary();
    };
    const primary = (): Expr => {
      const k = next();
      if (k.t === 'num') return { kind: 'num', value: k.v };
      if (k.t === 'op' && k.v === '(') {
        const e = nested(or);
        expect(')', 'dấu ngoặc đóng ")"');
        return e;
      }
      if (k.t === 'id') {
        if (k.v === 'true' || k.v === 'false') return { kind: 'bool', value: k.v === 'true' };
        if (KEYWORDS.has(k.v)) throw new Fail(`"${k.v}" đứng sai chỗ`, k.at);
        if (isOp('(')) {
          if (!isFunction(k.v)) throw new Fail(`Không có hàm "${k.v}"`, k.at);
          next();
          const args: Expr[] = [];
          if (!isOp(')')) {
            for (;;) {
              args.push(nested(or));
              if (!isOp(',')) break;
              next();
            }
          }
          expect(')', `dấu ngoặc đóng ")" của hàm ${k.v}`);
          return { kind: 'call', fn: k.v, args };
        }
        const path = [k.v];
        while (isOp('.')) {
          next();
          const seg = next();
          if (seg.t !== 'id') throw new Fail('Sau dấu chấm phải là tên trường', seg.at);
          path.push(seg.v);
        }
        if (path.length < 2 || path.length > 3)
          throw new Fail(`"${path.join('.')}" không phải tham chiếu "mục.trường" hoặc "mục.bảng.cột"`, k.at);
        return { kind: 'ref', path };
      }
      if (k.t === 'end') throw new Fail('Công thức chưa hết', k.at);
      throw new Fail(`"${k.v}" đứng sai chỗ`, k.at);
    };

    const expr = or();
    const rest = peek();
    if (rest.t !== 'end') throw new Fail(`Thừa "${rest.v}" ở cuối công thức`, rest.at);
    return { ok: true, expr };
  } catch (err) {
    if (err instanceof Fail) return { ok: false, error: { message: err.message, at: err.at } };
    throw err;
  }
}

// -------------------------------------------------------------------------------------------- printer

const precedence = (e: Expr): number => {
  if (e.kind === 'binary') {
    if (e.op === 'or') return 1;
    if (e.op === 'and') return 2;
    if (e.op === '+' || e.op === '-') return 5;
    if (e.op === '*' || e.op === '/') return 6;
    return 4; // comparisons
  }
  if (e.kind === 'unary') return e.op === 'not' ? 3 : 7;
  return 8;
};

/** The canonical text of a formula: `parseExpression(printExpression(e))` gives `e` back. */
export function printExpression(e: Expr): string {
  switch (e.kind) {
    case 'num':
      return String(e.value);
    case 'bool':
      return String(e.value);
    case 'ref':
      return e.path.join('.');
    case 'call':
      return `${e.fn}(${e.args.map(printExpression).join(', ')})`;
    case 'unary': {
      const arg = printExpression(e.arg);
      const wrap = precedence(e.arg) < precedence(e);
      return e.op === 'not' ? `not ${wrap ? `(${arg})` : arg}` : `-${wrap ? `(${arg})` : arg}`;
    }
    case 'binary': {
      const p = precedence(e);
      // Left-associative operators: the right operand needs brackets at the same level; comparisons
      // do not chain, so both sides need them there.
      const leftWrap = precedence(e.left) < p || (p === 4 && precedence(e.left) === 4);
      const rightWrap = precedence(e.right) <= p;
      const l = printExpression(e.left);
      const r = printExpression(e.right);
      return `${leftWrap ? `(${l})` : l} ${e.op} ${rightWrap ? `(${r})` : r}`;
    }
  }
}

// --------------------------------------------------------------------------------------- type checker

export type ValueType = 'number' | 'boolean';
/** What a reference is: a number, a yes/no, or a table column of numbers (a list). */
export type RefType = ValueType | 'number_list';

/** The fields a formula may read, by dotted path (`section.field`, `section.table.column`). */
export type ReferenceTypes = ReadonlyMap<string, RefType>;

type CheckedType = RefType;

const aggregates = new Set<FunctionName>(['sum', 'min', 'max', 'avg', 'count']);

/**
 * Checks that every reference exists with a usable type and every operator and function gets what it
 * needs; returns the formula's type, or the first problem in Vietnamese.
 */
export function checkExpression(
  e: Expr,
  refs: ReferenceTypes,
): { ok: true; type: ValueType; references: string[] } | { ok: false; error: ExpressionError } {
  const used = new Set<string>();
  try {
    const t = typeOf(e, refs, used);
    if (t === 'number_list') throw new Fail('Cột của bảng phải nằm trong sum, min, max, avg hoặc count', 0);
    return { ok: true, type: t, references: [...used].sort() };
  } catch (err) {
    if (err instanceof Fail) return { ok: false, error: { message: err.message, at: err.at } };
    throw err;
  }
}

const want = (got: CheckedType, expected: ValueType, what: string): void => {
  if (got === expected) return;
  const name = { number: 'một số', boolean: 'giá trị đúng/sai', number_list: 'cột của bảng' };
  throw new Fail(`${what} cần ${name[expected]}, không phải ${name[got]}`, 0);
};

function typeOf(e: Expr, refs: ReferenceTypes, used: Set<string>): CheckedType {
  switch (e.kind) {
    case 'num':
      return 'number';
    case 'bool':
      return 'boolean';
    case 'ref': {
      const key = e.path.join('.');
      // A Map lookup: a path such as `a.constructor` is just an unknown name, never an object property.
      const t = refs.get(key);
      if (t === undefined) throw new Fail(`Không có trường "${key}" dùng được trong công thức`, 0);
      used.add(key);
      return t;
    }
    case 'unary':
      if (e.op === '-') {
        want(typeOf(e.arg, refs, used), 'number', 'Dấu trừ');
        return 'number';
      }
      want(typeOf(e.arg, refs, used), 'boolean', '"not"');
      return 'boolean';
    case 'binary': {
      const l = typeOf(e.left, refs, used);
      const r = typeOf(e.right, refs, used);
      if (e.op === 'and' || e.op === 'or') {
        want(l, 'boolean', `"${e.op}"`);
        want(r, 'boolean', `"${e.op}"`);
        return 'boolean';
      }
      if (e.op === '=' || e.op === '<>') {
        if (l === 'number_list' || r === 'number_list' || l !== r)
          throw new Fail(`Phép "${e.op}" cần hai vế cùng kiểu`, 0);
        return 'boolean';
      }
      want(l, 'number', `Phép "${e.op}"`);
      want(r, 'number', `Phép "${e.op}"`);
      return ['<', '<=', '>', '>='].includes(e.op) ? 'boolean' : 'number';
    }
    case 'call': {
      const args = e.args.map((a) => typeOf(a, refs, used));
      const arity = (min: number, max: number) => {
        if (args.length < min || args.length > max)
          throw new Fail(
            min === max
              ? `Hàm ${e.fn} cần ${min} đối số`
              : `Hàm ${e.fn} cần từ ${min} đến ${max === Infinity ? 'nhiều' : max} đối số`,
            0,
          );
      };
      if (aggregates.has(e.fn)) {
        arity(1, Infinity);
        for (const a of args) if (a !== 'number_list') want(a, 'number', `Hàm ${e.fn}`);
        return 'number';
      }
      switch (e.fn) {
        case 'round': {
          arity(1, 2);
          want(args[0] as CheckedType, 'number', 'Hàm round');
          const digits = e.args[1];
          if (
            digits !== undefined &&
            (digits.kind !== 'num' ||
              !Number.isInteger(digits.value) ||
              digits.value > EXPRESSION_LIMITS.decimals)
          )
            throw new Fail(`Số chữ số làm tròn phải là số nguyên từ 0 đến ${EXPRESSION_LIMITS.decimals}`, 0);
          return 'number';
        }
        case 'abs':
          arity(1, 1);
          want(args[0] as CheckedType, 'number', 'Hàm abs');
          return 'number';
        case 'percent':
          arity(2, 2);
          for (const a of args) want(a, 'number', 'Hàm percent');
          return 'number';
        case 'if': {
          arity(3, 3);
          want(args[0] as CheckedType, 'boolean', 'Điều kiện của hàm if');
          const [, a, b] = args as [CheckedType, CheckedType, CheckedType];
          if (a === 'number_list' || a !== b) throw new Fail('Hai nhánh của hàm if phải cùng kiểu', 0);
          return a;
        }
        case 'coalesce': {
          arity(2, Infinity);
          const first = args[0] as CheckedType;
          if (first === 'number_list' || args.some((a) => a !== first))
            throw new Fail('Các đối số của hàm coalesce phải cùng kiểu', 0);
          return first;
        }
        default:
          throw new Fail(`Không có hàm "${e.fn}"`, 0);
      }
    }
  }
}

// ------------------------------------------------------------------------------------------ evaluator

export type Value = number | boolean | null;
/** The form's values as the formula sees them: a field's value, or a column's values (a list). */
export type Lookup = (path: string) => Value | readonly Value[];

const numberOrNull = (v: Value | readonly Value[]): number | null => (typeof v === 'number' ? v : null);
const finite = (n: number): number | null => (Number.isFinite(n) ? n : null);

const flatNumbers = (vs: readonly (Value | readonly Value[])[]): number[] =>
  vs.flatMap((v) => (Array.isArray(v) ? v : [v])).filter((v): v is number => typeof v === 'number');

/** Rounds half away from zero at `digits` decimals, as officers round by hand (and as Excel's ROUND). */
export const roundHalfAway = (n: number, digits: number): number => {
  const f = 10 ** digits;
  const scaled = Math.abs(n) * f;
  // A tolerance of a few ulps, so 1.005 * 100 = 100.49999999999999 still rounds up.
  const r = Math.floor(scaled + 0.5 + Number.EPSILON * scaled * 4) / f;
  return n < 0 ? -r : r;
};

/**
 * Evaluates a checked formula. `lookup` is the only way values come in; nothing else is reachable
 * (no globals, no prototypes, no functions other than the list above).
 */
export function evaluateExpression(e: Expr, lookup: Lookup): Value | readonly Value[] {
  switch (e.kind) {
    case 'num':
    case 'bool':
      return e.value;
    case 'ref':
      return lookup(e.path.join('.'));
    case 'unary': {
      const v = evaluateExpression(e.arg, lookup);
      if (e.op === '-') return typeof v === 'number' ? -v : null;
      return typeof v === 'boolean' ? !v : null;
    }
    case 'binary': {
      if (e.op === 'and' || e.op === 'or') {
        const l = evaluateExpression(e.left, lookup);
        const r = evaluateExpression(e.right, lookup);
        const lb = typeof l === 'boolean' ? l : null;
        const rb = typeof r === 'boolean' ? r : null;
        if (e.op === 'and')
          return lb === false || rb === false ? false : lb === null || rb === null ? null : true;
        return lb === true || rb === true ? true : lb === null || rb === null ? null : false;
      }
      const l = evaluateExpression(e.left, lookup);
      const r = evaluateExpression(e.right, lookup);
      if (e.op === '=' || e.op === '<>') {
        if (l === null || r === null || Array.isArray(l) || Array.isArray(r)) return null;
        return e.op === '=' ? l === r : l !== r;
      }
      const a = numberOrNull(l);
      const b = numberOrNull(r);
      if (a === null || b === null) return null;
      switch (e.op) {
        case '+':
          return finite(a + b);
        case '-':
          return finite(a - b);
        case '*':
          return finite(a * b);
        case '/':
          return b === 0 ? null : finite(a / b);
        case '<':
          return a < b;
        case '<=':
          return a <= b;
        case '>':
          return a > b;
        default:
          return a >= b;
      }
    }
    case 'call': {
      const args = e.args.map((a) => evaluateExpression(a, lookup));
      switch (e.fn) {
        case 'sum':
          return finite(flatNumbers(args).reduce((s, n) => s + n, 0));
        case 'min':
        case 'max': {
          const ns = flatNumbers(args);
          return ns.length === 0 ? null : e.fn === 'min' ? Math.min(...ns) : Math.max(...ns);
        }
        case 'avg': {
          const ns = flatNumbers(args);
          return ns.length === 0 ? null : finite(ns.reduce((s, n) => s + n, 0) / ns.length);
        }
        case 'count':
          return flatNumbers(args).length;
        case 'round': {
          const n = numberOrNull(args[0] ?? null);
          const d = numberOrNull(args[1] ?? 0) ?? 0;
          return n === null ? null : roundHalfAway(n, d);
        }
        case 'abs': {
          const n = numberOrNull(args[0] ?? null);
          return n === null ? null : Math.abs(n);
        }
        case 'percent': {
          const a = numberOrNull(args[0] ?? null);
          const b = numberOrNull(args[1] ?? null);
          return a === null || b === null || b === 0 ? null : finite((a / b) * 100);
        }
        case 'if': {
          const c = args[0];
          return c === true ? (args[1] ?? null) : c === false ? (args[2] ?? null) : null;
        }
        case 'coalesce':
          return args.find((a) => a !== null && !Array.isArray(a)) ?? null;
      }
    }
  }
}
