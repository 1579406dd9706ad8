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
    kioskId: 'Kiosk {{id}}',
  },
  services: {
    printProof: {
      name: 'Print certificates',
      description: 'Social insurance, household registration, property and more',
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
  idle: {
    title: 'Are you still there?',
    message: 'This session will end and return to the start in {{seconds}} seconds',
    continue: 'Continue',
  },
};
