import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { registeredRoutes } from './server.js';
import { testPlatform } from './testing.js';

/**
 * The reference platform serves exactly the operations contract/platform-api/openapi.json
 * describes (the /_control test API aside), so the spec cannot fall behind the server.
 */

const spec = JSON.parse(
  readFileSync(new URL('../contract/platform-api/openapi.json', import.meta.url), 'utf8'),
) as { paths: Record<string, Record<string, unknown>> };
const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];
const platform = testPlatform();
afterAll(() => platform.close());

describe('the reference platform and its OpenAPI description', () => {
  it('registers every operation of the spec, and no other (besides /_control)', async () => {
    await platform.app.ready();
    const served = registeredRoutes(platform.app)
      .filter((route) => !route.url.startsWith('/_control'))
      .map((route) => `${route.method.toLowerCase()} ${route.url.replace(/:(\w+)/g, '{$1}')}`)
      .sort();
    const described = Object.entries(spec.paths)
      .flatMap(([path, item]) =>
        Object.keys(item)
          .filter((m) => METHODS.includes(m))
          .map((m) => `${m} ${path}`),
      )
      .sort();
    expect(served.length).toBeGreaterThanOrEqual(13);
    expect(served).toEqual(described);
  });
});
