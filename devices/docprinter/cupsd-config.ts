/**
 * Configuration files of a private cupsd (pure text builders). The instance listens on loopback
 * only, browses nothing, keeps everything (spool, cache, state, logs, PPDs) under one directory,
 * and lets local clients print, query and administer without authentication: it is a test and
 * simulator instance, never the system's CUPS.
 */

/** What cupsd does with a job whose filter or backend fails. */
export type ErrorPolicy = 'abort-job' | 'retry-job' | 'retry-current-job' | 'stop-printer';

/** Settings of cupsd.conf. */
export interface CupsdConfSettings {
  /** Loopback port to listen on. */
  readonly port: number;
  /** cupsd log level. */
  readonly logLevel: 'error' | 'warn' | 'info' | 'debug';
  /** ErrorPolicy of every queue. */
  readonly errorPolicy: ErrorPolicy;
}

/** Settings of cups-files.conf. */
export interface CupsFilesSettings {
  /** The instance's directory (ServerRoot; everything else lives under it). */
  readonly dir: string;
  /**
   * Run filters and backends as this user/group (cupsd started as root). Undefined when cupsd
   * runs as an ordinary user: it then runs everything as that user.
   */
  readonly runAs?: { readonly user: string; readonly group: string } | undefined;
}

/** cupsd.conf: loopback listener, no browsing, no web UI, an open policy for local clients. */
export function cupsdConf(s: CupsdConfSettings): string {
  return [
    `LogLevel ${s.logLevel}`,
    `Listen 127.0.0.1:${s.port}`,
    'Browsing No',
    'BrowseLocalProtocols none',
    'WebInterface No',
    'DefaultAuthType None',
    `ErrorPolicy ${s.errorPolicy}`,
    // Write printers.conf and job files at once: a SIGKILLed instance restarts with its queues.
    'DirtyCleanInterval 0',
    'PreserveJobHistory Yes',
    'PreserveJobFiles No',
    'MaxJobs 500',
    '<Location />',
    '  Order allow,deny',
    '  Allow from 127.0.0.1',
    '</Location>',
    '<Policy default>',
    // As on a real CUPS: job names are shown to the job's owner only, and only the owner may
    // cancel; without authentication the owner is the requesting-user-name.
    '  JobPrivateAccess default',
    '  JobPrivateValues default',
    '  SubscriptionPrivateAccess default',
    '  SubscriptionPrivateValues default',
    '  <Limit Cancel-Job Hold-Job Release-Job Restart-Job Set-Job-Attributes>',
    '    Require user @OWNER',
    '    Order deny,allow',
    '  </Limit>',
    '  <Limit All>',
    '    Order deny,allow',
    '  </Limit>',
    '</Policy>',
    '',
  ].join('\n');
}

/** cups-files.conf: every path under `dir`; run filters as lp when started as root. */
export function cupsFilesConf(s: CupsFilesSettings): string {
  const lines = [
    `ServerRoot ${s.dir}`,
    `RequestRoot ${s.dir}/spool`,
    `CacheDir ${s.dir}/cache`,
    `StateDir ${s.dir}/state`,
    `ErrorLog ${s.dir}/log/error_log`,
    `AccessLog ${s.dir}/log/access_log`,
    `PageLog ${s.dir}/log/page_log`,
    // TempDir stays at its default, RequestRoot/tmp, which cupsd creates for the filter user.
    'FileDevice No',
  ];
  if (s.runAs !== undefined) {
    lines.push(`User ${s.runAs.user}`, `Group ${s.runAs.group}`, 'SystemGroup root');
  }
  return `${lines.join('\n')}\n`;
}
