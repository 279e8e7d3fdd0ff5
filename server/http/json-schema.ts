import { z } from 'zod';

/**
 * A route's JSON schema, derived from the protocol's zod schema (shared/sync/schemas.ts) so the two
 * cannot disagree. Fastify's ajv checks the shape; handlers then parse with zod for the refinements.
 */
export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

/** Ajv options: refuse rather than repair. Unknown keys are errors, types are never coerced. */
export const AJV_OPTIONS = { removeAdditional: false, coerceTypes: false, useDefaults: false, allErrors: false } as const;

/** Refuses, at start-up, any route registered without a JSON schema ("a schema on every route"). */
export function requireRouteSchemas(app: { addHook(name: 'onRoute', hook: (route: { url: string; method: string | string[]; schema?: unknown }) => void): unknown }): void {
  app.addHook('onRoute', (route) => {
    if (route.schema === undefined || route.schema === null || Object.keys(route.schema).length === 0) {
      throw new Error(`Route ${String(route.method)} ${route.url} has no JSON schema`);
    }
  });
}
