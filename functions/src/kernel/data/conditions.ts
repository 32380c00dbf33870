/**
 * Conditions of conditional writes, built from named clauses (`absent`, `equals('version', 3)`, ...)
 * instead of expression strings: every attribute is a `#name` placeholder, every value a `:name_op`
 * placeholder, so clauses compose with `and`/`or` without clashing.
 */
export interface Condition {
  expression: string;
  names: Readonly<Record<string, string>>;
  values: Readonly<Record<string, unknown>>;
}

const clause = (
  expression: string,
  names: Record<string, string> = {},
  values: Record<string, unknown> = {},
): Condition => ({ expression, names, values });

const COMPARATORS = { '=': 'eq', '<>': 'ne', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' } as const;
export type Comparator = keyof typeof COMPARATORS;

/** The item does not exist yet (or, with an attribute, lacks it). */
export const absent = (attribute = 'pk'): Condition =>
  clause(`attribute_not_exists(#${attribute})`, { [`#${attribute}`]: attribute });

/** The item exists (or, with an attribute, has it). */
export const present = (attribute = 'pk'): Condition =>
  clause(`attribute_exists(#${attribute})`, { [`#${attribute}`]: attribute });

export const compare = (attribute: string, op: Comparator, value: unknown): Condition => {
  const v = `:${attribute}_${COMPARATORS[op]}`;
  return clause(`#${attribute} ${op} ${v}`, { [`#${attribute}`]: attribute }, { [v]: value });
};

export const equals = (attribute: string, value: unknown): Condition => compare(attribute, '=', value);

/** The attribute holds `null` (DynamoDB type NULL). */
export const isNull = (attribute: string): Condition =>
  clause(
    `attribute_type(#${attribute}, :null_type)`,
    { [`#${attribute}`]: attribute },
    { ':null_type': 'NULL' },
  );

const join = (op: 'AND' | 'OR', conditions: readonly Condition[]): Condition => {
  const values: Record<string, unknown> = {};
  for (const c of conditions) {
    for (const [k, v] of Object.entries(c.values)) {
      if (k in values && values[k] !== v) throw new Error(`condition placeholder ${k} bound twice`);
      values[k] = v;
    }
  }
  const wrap = (c: Condition) => (conditions.length > 1 ? `(${c.expression})` : c.expression);
  return clause(
    conditions.map(wrap).join(` ${op} `),
    Object.assign({}, ...conditions.map((c) => c.names)),
    values,
  );
};

export const and = (...conditions: Condition[]): Condition => join('AND', conditions);
export const or = (...conditions: Condition[]): Condition => join('OR', conditions);

/** The write is refused unless every attribute has the given value (optimistic locking). */
export const unchanged = (attributes: Record<string, unknown>): Condition =>
  and(...Object.entries(attributes).map(([a, v]) => equals(a, v)));

/** The parameters of a write with `c`; empty maps are left out (DynamoDB refuses them). */
export const conditionInput = (c: Condition) => ({
  ConditionExpression: c.expression,
  ...(Object.keys(c.names).length ? { ExpressionAttributeNames: { ...c.names } } : {}),
  ...(Object.keys(c.values).length ? { ExpressionAttributeValues: { ...c.values } } : {}),
});
