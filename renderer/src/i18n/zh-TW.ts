import { applicationZhTW } from './application-zh-TW.js';
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
    noticeLabel: '公告',
    kioskId: '終端編號 {{id}}',
  },
  services: {
    printProof: { name: '列印證明', description: '無房、個人所得稅完稅、社保參保證明' },
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
  proof: {
    chooser: {
      title: '請選擇要列印的證明',
      hint: '證明由政務服務平台開立，列印前可以先預覽核對',
      back: '返回',
    },
    types: {
      noHousing: { name: '無房證明', description: '證明您在本市名下沒有登記的住房' },
      taxPaid: { name: '個人所得稅完稅證明', description: '列出您近期已繳納的個人所得稅' },
      socialInsurance: { name: '社會保險參保證明', description: '列出您參加社會保險和繳費的紀錄' },
    },
    preparing: {
      title: '正在從政務服務平台取得您的證明…',
      detail: '通常需要幾秒鐘，請稍候',
      cancel: '取消',
    },
    preview: {
      title: '請核對您的{{name}}',
      hint: '內容無誤後，請點選「列印」',
      page: '第 {{page}} 頁，共 {{count}} 頁',
      pageAlt: '{{name}}，第 {{page}} 頁，共 {{count}} 頁',
      previous: '上一頁',
      next: '下一頁',
      validUntil: '有效期至',
      print: '列印',
      back: '返回',
      alreadyPrinted: '此證明之前已經列印過，本機不能再次列印',
      alreadyPrintedHint: '如需再列印一份，請到服務台請工作人員為您補印',
    },
    printing: {
      title: '正在列印，請稍候',
      hint: '列印完成前請不要離開',
      send: '傳送到印表機',
      print: '列印證明',
      receipt: '列印收據',
    },
    done: {
      title: '列印完成',
      takeProof: '請從 A4 出紙口取走您的證明',
      takeReceipt: '請從收據出口取走您的收據',
      another: '列印其他證明',
      finish: '結束辦理',
    },
    error: {
      back: '返回',
      retry: '重試',
      noRecord: {
        message: '政務服務平台沒有查到您的此項證明紀錄',
        hint: '如有疑問，請到服務台洽詢',
      },
      notEligible: {
        message: '您目前不符合開立此證明的條件',
        hint: '如有疑問，請到服務台洽詢',
      },
      notEligibleNoHousing: {
        message: '您在本市名下有登記的住房，無法開立無房證明',
        hint: '如有疑問，請到服務台洽詢',
      },
      alreadyPrinted: {
        message: '此證明之前已經列印過',
        hint: '如需再列印一份，請到服務台請工作人員為您補印',
      },
      network: {
        message: '暫時無法連線政務服務平台',
        hint: '請稍後再試，或到服務台辦理',
      },
      signature: {
        message: '此證明暫時無法列印，已通知工作人員',
        hint: '請稍後再試，或到服務台辦理',
      },
      printer: {
        message: '印表機發生故障，已通知工作人員',
        hint: '請到服務台辦理，或稍後再來',
      },
      missingGlyphs: {
        message: '您的姓名中有本機無法列印的字',
        hint: '請到服務台辦理，工作人員可以為您列印',
      },
      startAgain: {
        message: '辦理步驟中斷了',
        hint: '請返回，重新選擇要列印的證明',
      },
      generic: {
        message: '辦理時發生了問題',
        hint: '請再試一次，或到服務台請工作人員協助',
      },
    },
  },
  application: applicationZhTW,
  idle: {
    title: '您還在嗎？',
    message: '{{seconds}} 秒後將自動結束辦理並返回首頁',
    continue: '繼續辦理',
  },
};
