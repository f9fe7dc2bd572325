/**
 * The subset of JSON Schema parley's state files use. The same schema objects go to conf, which
 * validates with ajv when it writes; reads use `schemaProblem` instead, because loading conf and
 * compiling ajv costs more than a read-only command like `parley decks` may spend in total.
 */
export interface Schema {
  type?: 'object' | 'array' | 'number' | 'integer' | 'string' | 'boolean';
  enum?: readonly unknown[];
  minimum?: number;
  maximum?: number;
  required?: readonly string[];
  properties?: Readonly<Record<string, Schema>>;
  additionalProperties?: Schema;
  items?: Schema;
}

function typeProblem(type: Schema['type'], value: unknown): boolean {
  switch (type) {
    case undefined: return false;
    case 'object': return typeof value !== 'object' || value === null || Array.isArray(value);
    case 'array': return !Array.isArray(value);
    case 'integer': return !Number.isInteger(value);
    case 'number': return typeof value !== 'number' || !Number.isFinite(value);
    default: return typeof value !== type;
  }
}

type Check = (value: unknown) => boolean;

/**
 * Turns a schema into a checking function once, as ajv would, so reading 20,000 cards does not
 * walk the schema 20,000 times. Only says whether the value fits; `describe` says how it does not.
 */
function compile(schema: Schema): Check {
  const checks: Check[] = [];
  const { type, enum: allowed, minimum, maximum, required, items, additionalProperties: extra } = schema;
  if (type !== undefined) checks.push((v) => !typeProblem(type, v));
  if (allowed) checks.push((v) => allowed.includes(v));
  if (minimum !== undefined) checks.push((v) => typeof v !== 'number' || v >= minimum);
  if (maximum !== undefined) checks.push((v) => typeof v !== 'number' || v <= maximum);
  if (items) {
    const item = compile(items);
    checks.push((v) => !Array.isArray(v) || v.every(item));
  }
  const properties = Object.entries(schema.properties ?? {}).map(([key, sub]) => [key, compile(sub)] as const);
  const extraCheck = extra ? compile(extra) : undefined;
  if (required || properties.length || extraCheck) {
    checks.push((v) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return true;
      const record = v as Record<string, unknown>;
      if (required) for (const key of required) if (record[key] === undefined) return false;
      for (const [key, check] of properties) if (record[key] !== undefined && !check(record[key])) return false;
      if (extraCheck) for (const key in record) if (!schema.properties?.[key] && !extraCheck(record[key])) return false;
      return true;
    });
  }
  return (v) => checks.every((check) => check(v));
}

const compiled = new WeakMap<Schema, Check>();

function fits(schema: Schema, value: unknown): boolean {
  let check = compiled.get(schema);
  if (!check) {
    check = compile(schema);
    compiled.set(schema, check);
  }
  return check(value);
}

/** Says where and how `value` breaks `schema`, as conf would word it; only called once it does. */
function describe(schema: Schema, value: unknown, path: string): string | undefined {
  const at = `\`${path}\``;
  if (typeProblem(schema.type, value)) return `${at} must be ${schema.type}`;
  if (schema.enum && !schema.enum.includes(value)) return `${at} must be one of ${schema.enum.join(', ')}`;
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) return `${at} must be >= ${schema.minimum}`;
    if (schema.maximum !== undefined && value > schema.maximum) return `${at} must be <= ${schema.maximum}`;
  }
  const children: [string, Schema | undefined, unknown][] = Array.isArray(value)
    ? value.map((item, i) => [String(i), schema.items, item])
    : typeof value === 'object' && value !== null
      ? Object.entries(value).map(([key, child]) => [key, schema.properties?.[key] ?? schema.additionalProperties, child])
      : [];
  if (!Array.isArray(value) && typeof value === 'object' && value !== null) {
    for (const key of schema.required ?? []) if (!(key in value)) return `${at} must have required property '${key}'`;
  }
  for (const [key, sub, child] of children) {
    const problem = sub && describe(sub, child, path ? `${path}/${key}` : key);
    if (problem) return problem;
  }
  return undefined;
}

/** The first way `value` breaks `schema`, or undefined when it fits. */
export function schemaProblem(schema: Schema, value: unknown): string | undefined {
  return fits(schema, value) ? undefined : describe(schema, value, '');
}
