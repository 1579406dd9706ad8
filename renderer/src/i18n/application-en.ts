import type { ApplicationMessages } from './application-zh-CN.js';

/** The "scan documents for an application" flow in English. */
export const applicationEn: ApplicationMessages = {
  /** What the matter needs, shown on the chooser and while scanning. */
  documents: 'Documents needed: {{hint}}',
  chooser: {
    title: 'What would you like to apply for?',
    hint: 'After choosing, you will scan your documents one page at a time',
    none: 'Applications cannot be made at this kiosk at the moment',
    noneHint: 'Please ask at the service counter',
    back: 'Back',
  },
  scan: {
    instruction: 'Place one page face down on the glass, then press Scan',
    instructionNext: 'Place the next page face down on the glass, then press Scan next page',
    scan: 'Scan',
    scanNext: 'Scan next page',
    scanning: 'Scanning, please do not move the page',
    percent: '{{percent}}% done',
    removing: 'Removing page {{page}}',
    limit:
      'This matter takes at most {{max}} pages, so no more can be scanned. To scan a page again, remove it first',
    count: 'Pages scanned: {{pages}} (at most {{max}})',
    noPages: 'The pages you scan will appear here',
    page: 'Page {{page}}',
    enlargeHint: 'Tap a page to see it larger',
    remove: 'Remove',
    done: 'Done scanning',
    back: 'Back',
  },
  enlarged: {
    close: 'Close',
    remove: 'Remove this page',
  },
  leave: {
    title: 'Leave without sending your application?',
    message: 'The pages you scanned ({{pages}}) will be deleted',
    confirm: 'Delete and leave',
    stay: 'Stay',
  },
  review: {
    title: 'Please check your application',
    matter: 'Applying for',
    pages: 'Pages scanned',
    pageCount: '{{pages}}',
    statement:
      'When you press Submit, your application and the scanned documents will be sent to the back office of this service hall.',
    submit: 'Submit',
    back: 'Back to scanning',
    cancel: 'Cancel application',
  },
  submitting: {
    title: 'Sending your application, please wait',
    hint: 'Please stay until it has finished',
    save: 'Saving your application',
    send: 'Sending it to the back office',
    receipt: 'Printing your receipt',
  },
  done: {
    submittedTitle: 'Your application was received',
    trackingLabel: 'Tracking number',
    takeReceipt: 'Take your receipt from the receipt slot',
    receiptNotPrinted:
      'Your receipt could not be printed. Please write down the tracking number above, or ask a member of staff',
    queuedTitle: 'The network is down',
    queuedMessage:
      'Your application is saved on this kiosk and will be sent automatically. You do not need to apply again',
    claimLabel: 'Claim ticket code',
    takeTicket: 'Take your claim ticket from the receipt slot and keep it',
    ticketNotPrinted:
      'Your claim ticket could not be printed. Please write down the code above, or ask a member of staff',
    finish: 'Finish',
  },
  error: {
    back: 'Back',
    retry: 'Try again',
    chooseAgain: 'Choose another matter',
    backToServices: 'Back to services',
    finish: 'Finish',
    noSession: {
      message: 'Your session has ended, so the application cannot go on',
      hint: 'Please press Finish, then place your ID card on the reader again',
    },
    scannerNotReady: {
      message: 'The scanner is not ready at the moment',
      hint: 'Wait a moment, then press Try again. If it still does not work, please ask a member of staff',
    },
    noDocument: {
      message: 'No page was found on the scanner glass',
      hint: 'Place the page face down on the glass, close the lid, then press Try again',
    },
    scanFailed: {
      message: 'This page could not be scanned',
      hint: 'Press Try again to scan it once more. If it keeps failing, please ask a member of staff',
    },
    tooManyPages: {
      message: 'This matter takes at most {{max}} pages',
      hint: 'Go back and remove the pages you do not need, then continue',
    },
    noPages: {
      message: 'No pages have been scanned yet',
      hint: 'Go back and scan at least one page before submitting',
    },
    unknownMatter: {
      message: 'This kiosk no longer takes applications for this matter',
      hint: 'Please choose another matter, or ask at the service counter',
    },
    storageFull: {
      message: "This kiosk's storage is full, so it cannot take new applications at the moment",
      hint: 'Please go to the service counter; the staff there can take your application',
    },
    queueFull: {
      message: 'Too many applications are waiting to be sent from this kiosk',
      hint: 'Please press Try again in a few minutes, or apply at the service counter',
    },
    saveFailed: {
      message: 'Your application could not be saved, and nothing was sent',
      hint: 'Please press Try again. If it still does not work, please ask a member of staff',
    },
    connection: {
      message: 'The kiosk lost its connection for a moment',
      hint: 'Please wait a moment, then press Try again',
    },
    submitUnknown: {
      message: 'Sending was interrupted, so we cannot tell yet whether your application was saved',
      hint: 'If a receipt or claim ticket printed, keep it. Please do not apply again: ask a member of staff to check',
    },
    unavailable: {
      message: 'Document applications are not available at this kiosk right now',
      hint: 'Please apply at the service counter',
    },
    generic: {
      message: 'Something went wrong with your application',
      hint: 'Please try again, or ask the staff at the service counter for help',
    },
  },
};
