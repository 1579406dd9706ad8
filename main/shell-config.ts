import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The shell's own settings, from its environment. */
export interface ShellConfig {
  /** KIOSK_DEVTOOLS=1: developer tools and their shortcuts allowed. */
  devTools: boolean;
  /** KIOSK_WINDOWED=1: a normal framed window instead of kiosk mode (development). */
  windowed: boolean;
}

/** Where the built pieces live inside the app. */
export interface AppPaths {
  /** The bundled core, run as a utility process. */
  coreEntry: string;
  /** The bundled preload (CommonJS). */
  preload: string;
  /** The static out-of-service page. */
  recoveryPage: string;
}

/** Reads the shell's settings. */
export function readShellConfig(env: NodeJS.ProcessEnv): ShellConfig {
  return { devTools: env.KIOSK_DEVTOOLS === '1', windowed: env.KIOSK_WINDOWED === '1' };
}

/**
 * The core's environment: the shell's own (PATH, DISPLAY, locale … for the tools the core runs;
 * KIOSK_PORT / KIOSK_CONFIG / KIOSK_DATA_DIR pass through), the per-boot token, and a data directory under userData unless KIOSK_DATA_DIR or a config file
 * says otherwise — the core's default is relative to the working directory, which for an
 * installed app is nowhere useful.
 */
export function coreEnvironment(
  env: NodeJS.ProcessEnv,
  token: string,
  defaultDataDir: string,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (value !== undefined) result[name] = value;
  if (!result.KIOSK_DATA_DIR && !result.KIOSK_CONFIG) result.KIOSK_DATA_DIR = defaultDataDir;
  result.KIOSK_TOKEN = token;
  return result;
}

/** The core's default data folder (core/config.ts), relative to its working directory. */
const CORE_DEFAULT_DATA_DIR = '.kiosk-data';

/**
 * The core's data folder as the core will resolve it from `coreEnv` (what coreEnvironment made):
 * KIOSK_DATA_DIR, else `dataDir` of the KIOSK_CONFIG file, else the core's default. The shell
 * keeps the wrapped outbox key there, next to the data it protects. A config file that cannot be
 * read gives the default: the core then refuses to start anyway (exit 78).
 */
export function coreDataDir(
  coreEnv: Record<string, string>,
  readText: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): string {
  if (coreEnv.KIOSK_DATA_DIR) return resolve(coreEnv.KIOSK_DATA_DIR);
  if (coreEnv.KIOSK_CONFIG) {
    try {
      const parsed: unknown = JSON.parse(readText(coreEnv.KIOSK_CONFIG));
      const dataDir = (parsed as { dataDir?: unknown } | null)?.dataDir;
      if (typeof dataDir === 'string' && dataDir !== '') return resolve(dataDir);
    } catch {
      // Reported by the core.
    }
  }
  return resolve(CORE_DEFAULT_DATA_DIR);
}

/** The app root: the nearest folder above `startDir` that holds package.json. */
export function findAppRoot(startDir: string, exists: (path: string) => boolean = existsSync) {
  for (let dir = startDir; ; dir = dirname(dir)) {
    if (exists(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${startDir}`);
  }
}

/** The built files, relative to the app root (dist/ is what electron-builder packages). */
export function appPaths(root: string): AppPaths {
  return {
    coreEntry: join(root, 'dist', 'core', 'kiosk-core.js'),
    preload: join(root, 'dist', 'main', 'preload.cjs'),
    recoveryPage: join(root, 'dist', 'main', 'recovery.html'),
  };
}
