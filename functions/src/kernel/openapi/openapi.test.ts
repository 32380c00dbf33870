import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { OPENAPI_FILE } from '../../../../scripts/openapi';
import { routes } from '../../routes';
import { allContracts, openApiDocument, renderOpenApi } from './index';

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1 for a third-party validator', async () => {
    const result = await new Validator().validate(openApiDocument());
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    // The validator compiles the OpenAPI 3.1 meta-schema first: about a second alone, over vitest's 5 s
    // default on a loaded 2-core machine. Not a speed target (those live in `npm run bench`).
  }, 30_000);

  it('describes every route of the route table, with its operationId and security', () => {
    const paths = openApiDocument().paths as Record<
      string,
      Record<string, { operationId: string; security: unknown[] }>
    >;
    for (const r of routes) {
      const op = paths[r.path]?.[r.method.toLowerCase()];
      expect(op?.operationId, `${r.method} ${r.path}`).toBe(r.operationId);
      expect(op?.security.length, `${r.method} ${r.path} security`).toBe(r.auth === 'public' ? 0 : 1);
    }
    const operations = Object.values(paths).flatMap((p) => Object.keys(p));
    expect(operations.length).toBe(routes.length);
  });

  it('has a contract (request and answer schemas) for every route', () => {
    expect(routes.filter((r) => !allContracts[r.operationId]).map((r) => r.operationId)).toEqual([]);
  });

  it('is committed up to date in docs/openapi.json (run `npm run openapi` after changing routes or contracts)', () => {
    expect(readFileSync(OPENAPI_FILE, 'utf8')).toBe(renderOpenApi());
  });
});
