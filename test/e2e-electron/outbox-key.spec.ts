import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { findElectronBinary } from '../../scripts/electron-binary.js';

/*
 * The outbox key in a real Electron: kept on disk only wrapped by safeStorage, never unwrapped in
 * any file of the data folder; without a real secret store (Linux "basic_text", e.g. CI under
 * xvfb) nothing is stored and the kiosk still starts. Needs the Electron binary and the build.
 */

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MAIN_ENTRY = 'dist/main/electron-main.js';
const binary = findElectronBinary();
const SKIP_REASON = `Electron binary not installed${binary.found ? '' : ` (${binary.reason})`}`;
if (!binary.found) process.stderr.write(`e2e-electron: skipping — ${SKIP_REASON}\n`);
test.skip(!binary.found, SKIP_REASON);

test.describe.configure({ mode: 'serial' });

let app: ElectronApplication;
let dataDir: string;

test.beforeAll(async () => {
  if (!binary.found) throw new Error('unreachable: skipped above');
  if (!existsSync(join(repoRoot, MAIN_ENTRY)))
    throw new Error(`${MAIN_ENTRY} is missing: build the shell, core and renderer first`);
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-outbox-key-'));
  app = await electron.launch({
    executablePath: binary.path,
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), MAIN_ENTRY],
    cwd: repoRoot,
    env: { ...process.env, KIOSK_PORT: '0', KIOSK_DATA_DIR: dataDir },
  });
  const page = await app.firstWindow();
  await expect(page.getByTestId('home')).toBeVisible();
});

test.afterAll(async () => {
  await app?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

test('keeps the outbox key only wrapped by the OS secret store', async () => {
  const store = await app.evaluate(async ({ safeStorage }) => ({
    available: await safeStorage.isAsyncEncryptionAvailable(),
    backend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os',
  }));
  const wrappedPath = join(dataDir, 'outbox-key.safe');
  if (!store.available || store.backend === 'basic_text' || store.backend === 'unknown') {
    // No real secret store: refused, nothing stored — and the kiosk still started (beforeAll).
    expect(existsSync(wrappedPath)).toBe(false);
    return;
  }
  expect(existsSync(wrappedPath)).toBe(true);
  if (process.platform !== 'win32') expect(statSync(wrappedPath).mode & 0o777).toBe(0o600);
  const wrapped = readFileSync(wrappedPath).toString('base64');
  const keyBase64 = await app.evaluate(
    async ({ safeStorage }, bytes) =>
      (await safeStorage.decryptStringAsync(Buffer.from(bytes, 'base64'))).result,
    wrapped,
  );
  const key = Buffer.from(keyBase64, 'base64');
  expect(key).toHaveLength(32);
  for (const file of filesUnder(dataDir)) {
    const content = readFileSync(file);
    expect(content.includes(key), file).toBe(false);
    expect(content.toString('latin1').includes(keyBase64), file).toBe(false);
    expect(content.toString('latin1').includes(key.toString('hex')), file).toBe(false);
  }
});
