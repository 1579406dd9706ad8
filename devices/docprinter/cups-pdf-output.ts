import { readFile, stat } from 'node:fs/promises';
import type { DeviceFailure } from '../device/device-result.js';

/** Where cups-pdf writes a user's PDFs, and whether it can. */
export interface CupsPdfOutput {
  /** The output directory for jobs of the requesting user. */
  readonly dir: string;
  /** The system user cups-pdf writes as (the job's user, or AnonUser for unknown users). */
  readonly writer: string;
  /** False when cups-pdf will fail to write there (the job still "completes", with no file). */
  readonly writable: boolean;
  /** Why it is not writable, with what to do. */
  readonly problem?: DeviceFailure | undefined;
}

/** The settings of /etc/cups/cups-pdf.conf that decide the output directory. */
export interface CupsPdfSettings {
  /** Out: output directory of known users (${HOME} and ${USER} expanded). */
  readonly out: string;
  /** AnonDirName: output directory of users unknown to the system. */
  readonly anonDir: string;
  /** AnonUser: who writes anonymous output. */
  readonly anonUser: string;
}

/** cups-pdf's compiled-in defaults (Debian). */
const DEFAULTS: CupsPdfSettings = {
  out: '/var/spool/cups-pdf/${USER}',
  anonDir: '/var/spool/cups-pdf/ANONYMOUS',
  anonUser: 'nobody',
};

/** cups-pdf reads this fixed path (compiled in); it is not ours to change. */
export const CUPS_PDF_CONF = '/etc/cups/cups-pdf.conf';

/** Parses cups-pdf.conf text (key value lines, # comments); missing keys take the defaults. */
export function parseCupsPdfConf(text: string): CupsPdfSettings {
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^\s*(\w+)\s+(.+?)\s*$/.exec(line);
    if (match !== null && !line.trimStart().startsWith('#'))
      values.set(match[1] ?? '', match[2] ?? '');
  }
  return {
    out: values.get('Out') ?? DEFAULTS.out,
    anonDir: values.get('AnonDirName') ?? DEFAULTS.anonDir,
    anonUser: values.get('AnonUser') ?? DEFAULTS.anonUser,
  };
}

/** A passwd entry: name → uid and home. */
interface PasswdEntry {
  readonly uid: number;
  readonly home: string;
}

async function passwdEntry(user: string): Promise<PasswdEntry | undefined> {
  const text = await readFile('/etc/passwd', 'utf8').catch(() => '');
  for (const line of text.split('\n')) {
    const [name, , uid, , , home] = line.split(':');
    if (name === user && uid !== undefined) return { uid: Number(uid), home: home ?? '' };
  }
  return undefined;
}

/**
 * Where cups-pdf puts the PDFs of jobs sent as `user`, and whether it can write there. A user
 * unknown to the system (the kiosk's default "kiosk" on most machines) is anonymous: AnonDirName,
 * written as AnonUser, so it must be world-writable (Debian ships it 1777). cups-pdf does not
 * fail a job it cannot write: the job completes and no file appears — hence this check.
 */
export async function cupsPdfOutput(
  user: string,
  confPath = CUPS_PDF_CONF,
): Promise<CupsPdfOutput> {
  const settings = parseCupsPdfConf(await readFile(confPath, 'utf8').catch(() => ''));
  const known = await passwdEntry(user);
  const dir =
    known === undefined
      ? settings.anonDir
      : settings.out.replaceAll('${HOME}', known.home).replaceAll('${USER}', user);
  const writer = known === undefined ? settings.anonUser : user;
  const writerUid = known?.uid ?? (await passwdEntry(writer))?.uid;
  const info = await stat(dir).catch(() => undefined);
  // A missing directory is created by cups-pdf (as root) on the first job.
  if (info === undefined) return { dir, writer, writable: true };
  const writable =
    info.isDirectory() &&
    ((info.mode & 0o002) !== 0 || (writerUid !== undefined && info.uid === writerUid));
  if (writable) return { dir, writer, writable };
  const mode = (info.mode & 0o7777).toString(8);
  return {
    dir,
    writer,
    writable,
    problem: {
      code: 'cupsPdfOutputNotWritable',
      kind: 'software',
      action: 'configuration',
      description:
        `cups-pdf writes jobs of "${user}" to ${dir} as ${writer}, but that directory (mode ${mode}) ` +
        `is not writable for ${writer}: chmod 1777 ${dir} (or set Out/AnonDirName in ${confPath}). ` +
        'Until then jobs "complete" in CUPS and no PDF is written.',
    },
  };
}
