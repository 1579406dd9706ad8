import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as deviceCommands from './device-commands.js';
import * as deviceStatus from './device-status.js';
import * as api from './platform-api.js';
import * as proofs from './proofs.js';
import * as services from './services.js';

/**
 * Keeps contract/platform-api/openapi.json (the description for other implementers) in step with
 * the zod schemas of platform-api.ts (the source of truth). The spec is JSON because no YAML
 * parser is installed; JSON is also valid YAML for tools that want it. That the reference
 * platform serves exactly the spec's operations is checked in platform-sim/openapi-routes.test.ts
 * (contract/ may not import platform-sim/).
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const spec = JSON.parse(
  readFileSync(new URL('./platform-api/openapi.json', import.meta.url), 'utf8'),
) as JsonObject;
const components = (spec['components'] as JsonObject)['schemas'] as JsonObject;

/** Keywords that document rather than constrain. */
const ANNOTATIONS = new Set([
  'description',
  'title',
  'examples',
  'example',
  '$schema',
  '$id',
  'deprecated',
]);

/** Follows a local JSON pointer such as "#/components/schemas/Catalogue". */
function pointer(ref: string): Json {
  if (!ref.startsWith('#/')) throw new Error(`external $ref ${ref}`);
  let node: Json = spec;
  for (const part of ref.slice(2).split('/')) {
    const key = part.replaceAll('~1', '/').replaceAll('~0', '~');
    if (node === null || typeof node !== 'object' || Array.isArray(node) || !(key in node)) {
      throw new Error(`$ref ${ref} does not resolve`);
    }
    node = node[key]!;
  }
  return node;
}

/**
 * One comparable form of a JSON Schema: $refs inlined, annotations dropped, lists that are sets
 * sorted, and the spellings zod and a person might differ on made equal (an empty schema for
 * "anything", the date-time regex zod adds to `format: date-time`, ±2^53 integer bounds).
 */
function normalize(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(normalize);
  if (schema === null || typeof schema !== 'object') return schema;
  let node: JsonObject = schema;
  while (typeof node['$ref'] === 'string') {
    const { $ref, ...siblings } = node;
    node = { ...(pointer($ref) as JsonObject), ...siblings };
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (ANNOTATIONS.has(key)) continue;
    if (key === 'maximum' && value === Number.MAX_SAFE_INTEGER) continue;
    if (key === 'minimum' && value === Number.MIN_SAFE_INTEGER) continue;
    if (key === 'pattern' && node['format'] === 'date-time') continue;
    if (key === 'propertyNames' && JSON.stringify(value) === '{"type":"string"}') continue;
    if (key === 'additionalProperties' && JSON.stringify(value) === '{}') {
      out[key] = true;
      continue;
    }
    if ((key === 'required' || key === 'enum') && Array.isArray(value)) {
      out[key] = [...value].sort((a, b) => String(a).localeCompare(String(b)));
      continue;
    }
    if (key === 'properties' && value && typeof value === 'object' && !Array.isArray(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([name, sub]) => [name, normalize(sub)]),
      );
      continue;
    }
    out[key] = normalize(value);
  }
  return out;
}

/** Every zod schema platform-api.ts exports, by export name. */
const ZOD_SCHEMAS = Object.entries(api as Record<string, unknown>).filter(
  (entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType,
);

function fromZod(schema: z.ZodType): Json {
  return normalize(z.toJSONSchema(schema) as Json);
}

function operations(): { path: string; method: string; operation: JsonObject }[] {
  const paths = spec['paths'] as JsonObject;
  return Object.entries(paths).flatMap(([path, item]) =>
    Object.entries(item as JsonObject)
      .filter(([method]) =>
        ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'].includes(method),
      )
      .map(([method, operation]) => ({ path, method, operation: operation as JsonObject })),
  );
}

describe('OpenAPI description of the platform API', () => {
  it('describes every zod schema of platform-api.ts with the same properties and constraints', () => {
    expect(ZOD_SCHEMAS.length).toBeGreaterThanOrEqual(16);
    for (const [name, schema] of ZOD_SCHEMAS) {
      expect(components[name], `components.schemas.${name} is missing`).toBeDefined();
      expect(normalize(components[name]!), `components.schemas.${name} differs from zod`).toEqual(
        fromZod(schema),
      );
    }
  });

  it('takes every other schema component from a zod schema of the contract, unchanged', () => {
    const modules: Record<string, unknown>[] = [
      api,
      proofs,
      services,
      deviceStatus,
      deviceCommands,
    ];
    for (const [name, component] of Object.entries(components)) {
      const schema = modules.map((m) => m[name]).find((s) => s instanceof z.ZodType);
      expect(schema, `components.schemas.${name} has no zod schema of that name`).toBeDefined();
      expect(normalize(component), `components.schemas.${name} differs from zod`).toEqual(
        fromZod(schema as z.ZodType),
      );
    }
  });

  it('notices a property or a constraint that differs (the comparison is not vacuous)', () => {
    const item = components['SubmissionItem'] as { properties: JsonObject };
    const { sequence, ...withoutSequence } = item.properties;
    expect(sequence).toBeDefined();
    expect(normalize({ ...item, properties: withoutSequence })).not.toEqual(
      fromZod(api.SubmissionItem),
    );
    const changed = {
      ...item,
      properties: { ...item.properties, orderingKey: { type: 'string', maxLength: 65 } },
    };
    expect(normalize(changed)).not.toEqual(fromZod(api.SubmissionItem));
    expect(normalize({ ...item, additionalProperties: true })).not.toEqual(
      fromZod(api.SubmissionItem),
    );
  });

  it('resolves every $ref in the document', () => {
    const refs: string[] = [];
    const walk = (node: Json): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === '$ref' && typeof value === 'string') refs.push(value);
          else walk(value);
        }
      }
    };
    walk(spec);
    expect(refs.length).toBeGreaterThan(50);
    for (const ref of refs) expect(() => pointer(ref), ref).not.toThrow();
  });

  it('is OpenAPI 3.1 with the signature headers as the default security, and unique operation ids', () => {
    expect(spec['openapi']).toBe('3.1.0');
    const schemes = (spec['components'] as JsonObject)['securitySchemes'] as Record<
      string,
      { in: string; name: string }
    >;
    expect(
      Object.values(schemes)
        .map((s) => `${s.in}:${s.name}`)
        .sort(),
    ).toEqual([
      'header:X-Kiosk-Id',
      'header:X-Kiosk-Nonce',
      'header:X-Kiosk-Signature',
      'header:X-Kiosk-Timestamp',
    ]);
    expect(spec['security']).toEqual([
      { kioskId: [], kioskTimestamp: [], kioskNonce: [], kioskSignature: [] },
    ]);
    const ids = operations().map((o) => o.operation['operationId']);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lets only health, proof keys and registration go unsigned; every signed call can answer 401', () => {
    const unsigned = operations()
      .filter((o) => Array.isArray(o.operation['security']) && o.operation['security'].length === 0)
      .map((o) => `${o.method} ${o.path}`);
    expect(unsigned.sort()).toEqual([
      'get /v1/health',
      'get /v1/proof-keys',
      'post /v1/kiosks/register',
    ]);
    for (const o of operations()) {
      if (unsigned.includes(`${o.method} ${o.path}`)) continue;
      expect(
        Object.keys(o.operation['responses'] as JsonObject),
        `${o.method} ${o.path}`,
      ).toContain('401');
    }
  });

  it('documents the idempotency, rate-limit, conditional-GET and tus answers', () => {
    const op = (path: string, method: string) =>
      operations().find((o) => o.path === path && o.method === method)!.operation;
    const single = op('/v1/requests', 'post');
    expect(single['parameters']).toContainEqual({ $ref: '#/components/parameters/IdempotencyKey' });
    expect(Object.keys(single['responses'] as JsonObject)).toEqual(
      expect.arrayContaining(['201', '400', '401', '409', '413', '422', '429']),
    );
    const tooMany = normalize(
      (spec['components'] as JsonObject)['responses'] as JsonObject,
    ) as JsonObject;
    expect(
      Object.keys((tooMany['TooManyRequests'] as JsonObject)['headers'] as JsonObject),
    ).toEqual(['Retry-After']);
    expect(Object.keys(op('/v1/catalogue', 'get')['responses'] as JsonObject)).toContain('304');
    const patch = op('/v1/uploads/{uploadId}', 'patch');
    expect(Object.keys(patch['requestBody'] as JsonObject)).toContain('content');
    expect(Object.keys(patch['responses'] as JsonObject)).toEqual(
      expect.arrayContaining(['204', '409', '412', '413', '415']),
    );
    const discovery = (op('/v1/uploads', 'options')['responses'] as JsonObject)[
      '204'
    ] as JsonObject;
    expect(Object.keys(discovery['headers'] as JsonObject)).toEqual([
      'Tus-Resumable',
      'Tus-Version',
      'Tus-Max-Size',
      'Tus-Extension',
    ]);
    expect(Object.keys(op('/v1/uploads', 'post')['responses'] as JsonObject)).toContain('413');
  });
});
