import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RegisterResponse } from '../../contract/platform-api.js';
import { enrol, testPlatform, type TestPlatform } from '../../platform-sim/testing.js';
import type { PlatformOptions } from '../../platform-sim/server.js';
import { platformControl } from '../../test/support/sync-kiosk.js';
import {
  PlatformHttp,
  type BinaryCall,
  type PlatformAnswer,
  type PlatformResult,
} from '../platform-http.js';

/** One call an ObservedHttp made: method, path and the exact body bytes. */
export interface ObservedCall {
  /** HTTP method. */
  method: string;
  /** Path. */
  path: string;
  /** Body bytes as sent (JSON calls: the UTF-8 of their JSON). */
  body?: Buffer;
}

/**
 * PlatformHttp that records every call and runs `before` first (a test arms a platform fault for
 * exactly the call it wants to hit, e.g. the second PATCH of an upload).
 */
export class ObservedHttp extends PlatformHttp {
  /** Every call, in order. */
  readonly calls: ObservedCall[] = [];
  /** Runs before each call is sent. */
  before: (call: ObservedCall, index: number) => void | Promise<void> = () => {};

  override async request(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    signal?: AbortSignal,
    headers: Record<string, string> = {},
  ): Promise<PlatformResult<PlatformAnswer>> {
    const bytes = body === undefined ? undefined : Buffer.from(JSON.stringify(body), 'utf8');
    await this.observe({ method, path, ...(bytes ? { body: bytes } : {}) });
    return super.request(method, path, body, signal, headers);
  }

  override async requestBytes(call: BinaryCall): Promise<PlatformResult<PlatformAnswer>> {
    const bytes = call.body === undefined ? undefined : Buffer.from(call.body);
    await this.observe({ method: call.method, path: call.path, ...(bytes ? { body: bytes } : {}) });
    return super.requestBytes(call);
  }

  /** PATCH body bytes sent, in total. */
  patchedBytes(): number {
    return this.calls
      .filter((c) => c.method === 'PATCH')
      .reduce((sum, c) => sum + (c.body?.length ?? 0), 0);
  }

  private async observe(call: ObservedCall): Promise<void> {
    this.calls.push(call);
    await this.before(call, this.calls.length - 1);
  }
}

/** A listening reference platform for upload tests. */
export interface UploadPlatform {
  /** The platform (its dataDir holds uploads/<id>.bin). */
  platform: TestPlatform;
  /** Its base URL. */
  url: string;
  /** A newly enrolled kiosk and signed, observed HTTP for it. */
  kiosk(
    kioskId: string,
    options?: { now?: () => number; timeoutMs?: number },
  ): Promise<{
    credentials: RegisterResponse;
    http: ObservedHttp;
  }>;
  /** One call of the loopback control API (faults, stats). */
  control(method: 'GET' | 'POST' | 'DELETE', path: string, body?: object): Promise<unknown>;
  /** The bytes the platform stored for an upload URL. */
  storedBytes(uploadUrl: string): Promise<Buffer>;
}

/** The platform's /_control/stats, the parts upload tests read. */
export interface UploadStats {
  /** Accepted requests stored per key. */
  acceptedByKey: Record<string, number>;
  /** Accepted requests stored. */
  acceptedTotal: number;
  /** Deliveries whose key came with another body. */
  keyReused: number;
  /** Deliveries answered from the idempotency record. */
  replays: number;
  /** tus uploads created and completed. */
  uploads: { created: number; completed: number };
  /** Faults committed. */
  faultsFired: number;
}

/** Starts a reference platform on a loopback port. */
export async function startUploadPlatform(
  options: Partial<PlatformOptions> = {},
): Promise<UploadPlatform> {
  const platform = testPlatform(options);
  const url = await platform.app.listen({ host: '127.0.0.1', port: 0 });
  const control = (method: 'GET' | 'POST' | 'DELETE', path: string, body?: object) =>
    platformControl(url, method, path, body);
  return {
    platform,
    url,
    control,
    async kiosk(kioskId, options = {}) {
      const credentials = await enrol(platform.app, kioskId);
      const http = new ObservedHttp(url, {
        credentials: () => ({ kioskId: credentials.kioskId, secret: credentials.secret }),
        ...options,
      });
      return { credentials, http };
    },
    async storedBytes(uploadUrl) {
      const id = uploadUrl.split('/').at(-1) ?? '';
      return readFile(join(platform.dataDir, 'uploads', `${id}.bin`));
    },
  };
}
