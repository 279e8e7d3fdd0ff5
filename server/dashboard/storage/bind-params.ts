// The dashboard's SQL is written once, with `@name` parameters, and bound for either adapter:
// better-sqlite3 takes named values, node-postgres numbered ones. A list parameter (`IN (@kinds)`)
// becomes one bound value per element — values are never spliced into the text.

export type SqlValue = string | number | null;
export type SqlParam = SqlValue | readonly SqlValue[];

const PARAMETER = /@([A-Za-z][A-Za-z0-9]*)/g;

function valueOf(params: Readonly<Record<string, SqlParam>>, name: string): SqlParam {
  if (!(name in params)) throw new Error(`SQL parameter @${name} has no value`);
  return params[name]!;
}

/** For better-sqlite3: `@kinds` with three values becomes `@kinds_0, @kinds_1, @kinds_2`. */
export function bindSqlite(sql: string, params: Readonly<Record<string, SqlParam>>): { text: string; values: Record<string, SqlValue> } {
  const values: Record<string, SqlValue> = {};
  const text = sql.replace(PARAMETER, (_match, name: string) => {
    const value = valueOf(params, name);
    if (!Array.isArray(value)) {
      values[name] = value as SqlValue;
      return `@${name}`;
    }
    // An empty list matches nothing, as it would in the language of sets.
    if (value.length === 0) return 'NULL';
    return value
      .map((item: SqlValue, i: number) => {
        values[`${name}_${i}`] = item;
        return `@${name}_${i}`;
      })
      .join(', ');
  });
  return { text, values };
}

/** For node-postgres: numbered placeholders, a scalar used twice bound once. */
export function bindPostgres(sql: string, params: Readonly<Record<string, SqlParam>>): { text: string; values: SqlValue[] } {
  const values: SqlValue[] = [];
  const scalarIndex = new Map<string, number>();
  const text = sql.replace(PARAMETER, (_match, name: string) => {
    const value = valueOf(params, name);
    if (!Array.isArray(value)) {
      let index = scalarIndex.get(name);
      if (index === undefined) {
        values.push(value as SqlValue);
        scalarIndex.set(name, (index = values.length));
      }
      return `$${index}`;
    }
    if (value.length === 0) return 'NULL';
    return value
      .map((item: SqlValue) => {
        values.push(item);
        return `$${values.length}`;
      })
      .join(', ');
  });
  return { text, values };
}
