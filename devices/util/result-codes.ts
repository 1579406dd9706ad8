import type { ErrorAction, ErrorKind } from '../../contract/index.js';

/** What a device protocol's result code (SAM SW3, ZFM confirmation, …) means to the kiosk. */
export type ResultCodeInfo =
  | {
      /** The command did what was asked. */
      ok: true;
      /** Machine-readable name. */
      code: string;
      /** Technician-facing meaning. */
      meaning: string;
    }
  | {
      /** The command failed. */
      ok: false;
      /** Machine-readable name, used as the DeviceError / readFailed errorCode. */
      code: string;
      /** Technician-facing meaning. */
      meaning: string;
      /** Who or what caused it. */
      kind: ErrorKind;
      /** What a person must do about it. */
      action: ErrorAction;
    };

/** One row of a result-code table: value, name, kind ('ok' for success), action, meaning. */
export type ResultCodeRow = readonly [
  value: number,
  code: string,
  kind: ErrorKind | 'ok',
  action: ErrorAction,
  meaning: string,
];

function info([, code, kind, action, meaning]: ResultCodeRow): ResultCodeInfo {
  return kind === 'ok' ? { ok: true, code, meaning } : { ok: false, code, meaning, kind, action };
}

/** A protocol's result codes as a map, and a lookup where unlisted codes are hardware errors. */
export function resultCodeTable(
  rows: readonly ResultCodeRow[],
  unknown: { code: string; label: string },
): { table: ReadonlyMap<number, ResultCodeInfo>; describe: (value: number) => ResultCodeInfo } {
  const table: ReadonlyMap<number, ResultCodeInfo> = new Map(
    rows.map((row) => [row[0], info(row)]),
  );
  const describe = (value: number): ResultCodeInfo => {
    const hex = value.toString(16).padStart(2, '0').toUpperCase();
    return (
      table.get(value) ??
      info([value, unknown.code, 'hardware', 'reset', `${unknown.label} ${hex}`])
    );
  };
  return { table, describe };
}
