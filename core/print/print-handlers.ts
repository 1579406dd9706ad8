import type { PrintJobSummary } from '../../contract/index.js';
import type { PrintJobRecord } from '../../offline-cache/print-journal.js';
import type { CommandHandlers, HandlerOutcome } from '../command-handlers.js';
import type { PrintFailure, PrintOutcome } from './ports.js';
import { prepareProof, type PreparationDeps, type SessionPerson } from './proof-preparation.js';
import { printProof, reprintProof, type PrintingDeps } from './proof-printing.js';

type PrintHandlers = Pick<
  CommandHandlers,
  'Proof.Prepare' | 'Proof.Print' | 'Print.ListJobs' | 'Print.Reprint' | 'Print.ResolveJob'
>;

/** What the print handlers need beyond preparation and printing. */
export interface PrintHandlerDeps extends PreparationDeps, PrintingDeps {
  /** The person in the current session, if any. */
  person: () => SessionPerson | undefined;
  /** Called when jobs need a technician (after a failure or a resolution). */
  attentionChanged: () => void;
}

/** Handlers of the printing commands. */
export function printHandlers(deps: PrintHandlerDeps): PrintHandlers {
  return {
    'Proof.Prepare': async ({ payload, signal }) => {
      const person = deps.person();
      if (!person) return noSession();
      return outcome(await prepareProof(deps, person, payload.type, payload.locale, signal));
    },
    'Proof.Print': async ({ payload, signal, emit }) => {
      if (!deps.person()) return noSession();
      const printed = await printProof(
        deps,
        payload.proofId,
        (stage) => emit('Print.Progress', { stage }),
        signal,
      );
      if (!printed.ok) deps.attentionChanged();
      return outcome(printed);
    },
    'Print.ListJobs': async ({ payload }) => ({
      completionCode: 'success',
      payload: { jobs: deps.journal.list(payload).map(summary) },
    }),
    'Print.Reprint': async ({ payload, signal }) => {
      const { jobId, technicianId, reason } = payload;
      const reprinted = await reprintProof(deps, jobId, { technicianId, reason }, signal);
      if (!reprinted.ok) return failed(reprinted.error);
      return { completionCode: 'success', payload: { jobId: reprinted.value.jobId } };
    },
    'Print.ResolveJob': async ({ payload }) => {
      const { jobId, outcome: found, technicianId, reason } = payload;
      const resolved = deps.journal.resolve(jobId, found, { technicianId, reason });
      if (!resolved.ok) {
        return {
          completionCode: 'invalidData',
          errorDescription: `cannot resolve: ${resolved.code}`,
        };
      }
      deps.log.warn({ jobId, outcome: found, technicianId }, 'print.resolved');
      deps.attentionChanged();
      return { completionCode: 'success', payload: {} };
    },
  };
}

/** A journal record as the technician console sees it (the spooler's id stays inside). */
export function summary(record: PrintJobRecord): PrintJobSummary {
  const { spoolerJobId: _spoolerJobId, proofType: _proofType, ...rest } = record;
  return rest;
}

function noSession(): { completionCode: 'sequenceError'; errorDescription: string } {
  return { completionCode: 'sequenceError', errorDescription: 'no citizen session' };
}

function outcome<T>(
  result: PrintOutcome<T>,
): HandlerOutcome<never> | { completionCode: 'success'; payload: T } {
  if (result.ok) return { completionCode: 'success', payload: result.value };
  return failed(result.error);
}

function failed(error: PrintFailure): HandlerOutcome<never> {
  return {
    completionCode: error.completionCode,
    errorDescription: error.message,
    payload: { errorCode: error.code, action: error.action },
  };
}
