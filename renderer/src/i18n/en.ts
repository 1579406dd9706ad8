import { applicationEn } from './application-en.js';
import type { Messages } from './zh-CN.js';

/** English. */
export const en: Messages = {
  app: {
    title: 'Citizen Window Self-Service',
    subtitle: 'Government services, close to you',
  },
  language: {
    label: 'Language',
  },
  home: {
    instruction: 'Place your ID card on the reader',
    instructionDetail: 'Hold it still; you will continue automatically once it has been read',
    readerLabel: 'ID card reader',
    servicesHeading: 'Services at this kiosk',
    noticeLabel: 'Notice',
    kioskId: 'Kiosk {{id}}',
  },
  services: {
    printProof: {
      name: 'Print certificates',
      description: 'No-housing, income tax paid and social insurance proofs',
    },
    collectIdCard: { name: 'Collect ID card', description: 'Pick up your new resident ID card' },
    scanDocuments: { name: 'Scan documents', description: 'Scan paper documents and submit them' },
  },
  availability: {
    available: 'Available',
    unavailable: 'Unavailable',
  },
  unavailableReason: {
    deviceNotInstalled: 'This kiosk does not have the equipment for this service',
    deviceNotReady: 'Under maintenance, please try again later',
    platformOffline: 'The service system cannot be reached right now',
    disabled: 'Not offered at this kiosk at the moment',
    notConnected: 'Connecting, please wait',
    unknown: 'Temporarily unavailable',
  },
  cardType: {
    residentId: 'Resident ID card',
    hkMacaoTaiwanPermit: 'Residence permit for Hong Kong, Macao and Taiwan residents',
    foreignPermanentResident: 'Foreign permanent resident ID card',
    foreignPermanentResident2023: 'Foreign permanent resident ID card (2023)',
  },
  greeting: {
    hello: 'Hello, <name>{{name}}</name>',
    cardType: 'Card type',
    idNumber: 'ID number',
    chooseService: 'Please choose a service',
    finish: 'Finish',
  },
  readFailed: {
    invalidIdNumber: 'The ID number could not be verified. Please use your own valid card',
    readFailed: 'The card could not be read. Lay it flat on the reader and try again',
    unknownCardType:
      'This type of card is not supported. Please use a resident ID card or residence permit',
    default: 'There was a problem reading the card. Please try again later',
    hintRetry: 'Take the card away and place it on the reader again',
    hintStaff: 'If this keeps happening, please ask a member of staff',
    dismiss: 'OK',
  },
  connection: {
    reconnecting: 'Reconnecting…',
    detail: 'Services are paused for a moment, please wait',
  },
  proof: {
    chooser: {
      title: 'Which proof would you like to print?',
      hint: 'Proofs are issued by the government service platform; you can check them before printing',
      back: 'Back',
    },
    types: {
      noHousing: {
        name: 'No-housing proof',
        description: 'Shows that no home is registered in your name in this city',
      },
      taxPaid: {
        name: 'Individual income tax paid proof',
        description: 'Lists the individual income tax you have paid recently',
      },
      socialInsurance: {
        name: 'Social insurance proof',
        description: 'Lists your social insurance enrolment and contributions',
      },
    },
    preparing: {
      title: 'Getting your proof from the government service platform…',
      detail: 'This usually takes a few seconds, please wait',
      cancel: 'Cancel',
    },
    preview: {
      title: 'Please check: {{name}}',
      hint: 'If everything is correct, press Print',
      page: 'Page {{page}} of {{count}}',
      pageAlt: '{{name}}, page {{page}} of {{count}}',
      previous: 'Previous page',
      next: 'Next page',
      validUntil: 'Valid until',
      print: 'Print',
      back: 'Back',
      alreadyPrinted: 'This proof has been printed before, so this kiosk cannot print it again',
      alreadyPrintedHint: 'If you need another copy, please ask the staff at the service counter',
    },
    printing: {
      title: 'Printing, please wait',
      hint: 'Please stay until printing has finished',
      send: 'Sending to the printer',
      print: 'Printing your proof',
      receipt: 'Printing your receipt',
    },
    done: {
      title: 'Printing finished',
      takeProof: 'Take your proof from the A4 paper tray',
      takeReceipt: 'Take your receipt from the receipt slot',
      another: 'Print another proof',
      finish: 'Finish',
    },
    error: {
      back: 'Back',
      retry: 'Try again',
      noRecord: {
        message: 'The government service platform has no record of you for this proof',
        hint: 'If you have questions, please ask at the service counter',
      },
      notEligible: {
        message: 'This proof cannot be issued to you at the moment',
        hint: 'If you have questions, please ask at the service counter',
      },
      notEligibleNoHousing: {
        message:
          'A home is registered in your name in this city, so a no-housing proof cannot be issued',
        hint: 'If you have questions, please ask at the service counter',
      },
      alreadyPrinted: {
        message: 'This proof has been printed before',
        hint: 'If you need another copy, please ask the staff at the service counter',
      },
      network: {
        message: 'The government service platform cannot be reached right now',
        hint: 'Please try again later, or go to the service counter',
      },
      signature: {
        message: 'This proof cannot be printed right now; staff have been informed',
        hint: 'Please try again later, or go to the service counter',
      },
      printer: {
        message: 'There is a problem with the printer; staff have been informed',
        hint: 'Please go to the service counter, or come back later',
      },
      missingGlyphs: {
        message: 'Your name contains characters this kiosk cannot print',
        hint: 'Please go to the service counter: the staff there can print it for you',
      },
      startAgain: {
        message: 'The process was interrupted',
        hint: 'Please go back and choose your proof again',
      },
      generic: {
        message: 'Something went wrong',
        hint: 'Please try again, or ask the staff at the service counter for help',
      },
    },
  },
  application: applicationEn,
  idle: {
    title: 'Are you still there?',
    message: 'This session will end and return to the start in {{seconds}} seconds',
    continue: 'Continue',
  },
};
