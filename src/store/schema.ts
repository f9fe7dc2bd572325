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

/** Whether `value` satisfies `schema`; the fast check, run on every read of every card. */
function fits(schema: Schema, value: unknown): boolean {
  if (typeProblem(schema.type, value)) return false;
  if (schema.enum && !schema.enum.includes(value)) return false;
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) return false;
    if (schema.maximum !== undefined && value > schema.maximum) return false;
  }
  if (Array.isArray(value)) return !schema.items || value.every((item) => fits(schema.items!, item));
  if (typeof value !== 'object' || value === null) return true;
  const record = value as Record<string, unknown>;
  if (schema.required) for (const key of schema.required) if (!(key in record)) return false;
  if (schema.properties) {
    for (const key in schema.properties) if (key in record && !fits(schema.properties[key]!, record[key])) return false;
  }
  if (schema.additionalProperties) {
    for (const key in record) {
      if (!schema.properties?.[key] && !fits(schema.additionalProperties, record[key])) return false;
    }
  }
  return true;
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
