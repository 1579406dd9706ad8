import type { ReceiptDocument } from '../../contract/index.js';
import { completionFor } from '../device-failure.js';
import type { DeviceFailure, DocumentPrinter, ReceiptPrinter } from '../../devices/index.js';
import type { ProofRenderer, SealStyle } from '../../printing/proof/index.js';
import type { A4Spooler, PrintFailure, PrintOutcome, ProofLayout, SlipPrinter } from './ports.js';

/** A device failure as a print failure (completion code from whose fault it is). */
function fromDevice(error: DeviceFailure): PrintFailure {
  return {
    code: error.code,
    message: error.description,
    action: error.action,
    completionCode: completionFor(error),
  };
}

const failed = (error: DeviceFailure) => ({ ok: false as const, error: fromDevice(error) });

/** The CUPS document printer as the print flow's spooler. */
export function cupsSpooler(printer: DocumentPrinter): A4Spooler {
  return {
    print: async (pdf, job, events, signal) => {
      const result = await printer.print(
        pdf,
        {
          jobName: job.jobName,
          title: job.title,
          onProgress: (progress) => {
            if (progress.phase === 'submitted') events.submitted(progress.cupsJobId);
            else if (progress.phase === 'printing') events.printing();
          },
        },
        signal,
      );
      return result.ok
        ? { ok: true, value: { spoolerJobId: result.value.cupsJobId } }
        : failed(result.error);
    },
    find: async (jobName, signal) => {
      const found = await printer.findJobByName(jobName, { signal });
      if (!found.ok) return failed(found.error);
      if (found.value === 'notFound') return { ok: true, value: undefined };
      return { ok: true, value: { spoolerJobId: found.value.cupsJobId, state: found.value.state } };
    },
    follow: async (spoolerJobId, signal) => {
      const followed = await printer.followJob(spoolerJobId, { signal });
      return followed.ok ? { ok: true, value: followed.value.end } : failed(followed.error);
    },
  };
}

/** The ESC/POS receipt printer as the print flow's slip printer. */
export function escposSlips(printer: ReceiptPrinter, timeoutMs = 30_000): SlipPrinter {
  return {
    print: async (document: ReceiptDocument, signal) => {
      const printed = await printer.print(document, { timeoutMs, signal });
      return printed.ok ? { ok: true, value: undefined } : failed(printed.error);
    },
  };
}

/** The worker-thread proof renderer as the print flow's layout, with each issuer's seal. */
export function workerLayout(
  renderer: ProofRenderer,
  seals: Readonly<Record<string, SealStyle>> = {},
): ProofLayout {
  return {
    render: async (request): Promise<PrintOutcome<{ pdf: Uint8Array; pageCount: number }>> => {
      const seal = seals[request.proof.content.issuer.id];
      const result = await renderer.render({ ...request, ...(seal ? { seal } : {}) });
      if (result.ok) {
        return { ok: true, value: { pdf: result.value.pdf, pageCount: result.value.pageCount } };
      }
      const { code, message, action } = result.error;
      const completionCode = code === 'missingGlyphs' ? 'unsupportedData' : 'internalError';
      return { ok: false, error: { code, message, action, completionCode } };
    },
  };
}
