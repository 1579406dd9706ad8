import type { Messages } from './zh-CN.js';

/** Traditional Chinese. */
export const zhTW: Messages = {
  app: {
    title: '市民之窗 自助服務',
    subtitle: '政務服務 就近可辦',
  },
  language: {
    label: '語言',
  },
  home: {
    instruction: '請將身份證放在感應區',
    instructionDetail: '放好後請保持不動，讀取成功後將自動進入辦理',
    readerLabel: '身份證感應區',
    servicesHeading: '本機可辦理業務',
    kioskId: '終端編號 {{id}}',
  },
  services: {
    printProof: { name: '列印證明', description: '社保、戶籍、不動產等證明文件' },
    collectIdCard: { name: '領取身份證', description: '領取已辦妥的居民身份證' },
    scanDocuments: { name: '掃描文件', description: '將紙本文件掃描後提交' },
  },
  availability: {
    available: '可辦理',
    unavailable: '暫停服務',
  },
  unavailableReason: {
    deviceNotInstalled: '本機未配備所需設備',
    deviceNotReady: '設備維護中，請稍後再試',
    platformOffline: '業務系統暫時無法連線',
    disabled: '本機暫不提供此項服務',
    notConnected: '正在連線服務，請稍候',
    unknown: '暫時無法辦理',
  },
  cardType: {
    residentId: '居民身份證',
    hkMacaoTaiwanPermit: '港澳台居民居住證',
    foreignPermanentResident: '外國人永久居留身份證',
    foreignPermanentResident2023: '外國人永久居留身份證（2023 版）',
  },
  greeting: {
    hello: '您好，<name>{{name}}</name>',
    cardType: '證件類型',
    idNumber: '證件號碼',
    chooseService: '請選擇要辦理的業務',
    finish: '結束辦理',
  },
  readFailed: {
    invalidIdNumber: '證件號碼核對未通過，請確認使用的是本人有效證件',
    readFailed: '無法讀取證件，請將證件平放在感應區後再試一次',
    unknownCardType: '暫不支援此類證件，請使用居民身份證或居住證',
    default: '證件讀取發生問題，請稍後再試',
    hintRetry: '請取回證件，重新放置一次',
    hintStaff: '如多次失敗，請洽大廳工作人員',
    dismiss: '知道了',
  },
  connection: {
    reconnecting: '正在重新連線…',
    detail: '暫時無法辦理業務，請稍候',
  },
  idle: {
    title: '您還在嗎？',
    message: '{{seconds}} 秒後將自動結束辦理並返回首頁',
    continue: '繼續辦理',
  },
};
