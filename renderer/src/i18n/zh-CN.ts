import { applicationZhCN } from './application-zh-CN.js';

/** Simplified Chinese, the default language; its shape is the shape every language must have. */
export const zhCN = {
  app: {
    title: '市民之窗 自助服务',
    subtitle: '政务服务 就近可办',
  },
  language: {
    label: '语言',
  },
  home: {
    instruction: '请将身份证放在感应区',
    instructionDetail: '放好后请保持不动，读取成功后将自动进入办理',
    readerLabel: '身份证感应区',
    servicesHeading: '本机可办理业务',
    noticeLabel: '公告',
    kioskId: '终端编号 {{id}}',
  },
  services: {
    printProof: { name: '打印证明', description: '无房、个人所得税完税、社保参保证明' },
    collectIdCard: { name: '领取身份证', description: '领取已办好的居民身份证' },
    scanDocuments: { name: '扫描材料', description: '将纸质材料扫描提交' },
  },
  availability: {
    available: '可办理',
    unavailable: '暂停服务',
  },
  unavailableReason: {
    deviceNotInstalled: '本机未配备所需设备',
    deviceNotReady: '设备维护中，请稍后再试',
    platformOffline: '业务系统暂时无法连接',
    disabled: '本机暂不提供此项服务',
    notConnected: '正在连接服务，请稍候',
    unknown: '暂时无法办理',
  },
  cardType: {
    residentId: '居民身份证',
    hkMacaoTaiwanPermit: '港澳台居民居住证',
    foreignPermanentResident: '外国人永久居留身份证',
    foreignPermanentResident2023: '外国人永久居留身份证（2023 版）',
  },
  greeting: {
    hello: '您好，<name>{{name}}</name>',
    cardType: '证件类型',
    idNumber: '证件号码',
    chooseService: '请选择要办理的业务',
    finish: '结束办理',
  },
  readFailed: {
    invalidIdNumber: '证件号码校验未通过，请确认使用的是本人有效证件',
    readFailed: '未能读取证件，请将证件平放在感应区后再试',
    unknownCardType: '暂不支持此类证件，请使用居民身份证或居住证',
    default: '证件读取遇到问题，请稍后再试',
    hintRetry: '请取回证件，重新放置一次',
    hintStaff: '如多次失败，请联系大厅工作人员',
    dismiss: '知道了',
  },
  connection: {
    reconnecting: '正在重新连接…',
    detail: '暂时无法办理业务，请稍候',
  },
  proof: {
    chooser: {
      title: '请选择要打印的证明',
      hint: '证明由政务服务平台出具，打印前可以先预览核对',
      back: '返回',
    },
    types: {
      noHousing: { name: '无房证明', description: '证明您在本市名下没有登记的住房' },
      taxPaid: { name: '个人所得税完税证明', description: '列出您近期已缴纳的个人所得税' },
      socialInsurance: { name: '社会保险参保证明', description: '列出您参加社会保险和缴费的记录' },
    },
    preparing: {
      title: '正在从政务服务平台获取您的证明…',
      detail: '通常需要几秒钟，请稍候',
      cancel: '取消',
    },
    preview: {
      title: '请核对您的{{name}}',
      hint: '内容无误后，请点击“打印”',
      page: '第 {{page}} 页，共 {{count}} 页',
      pageAlt: '{{name}}，第 {{page}} 页，共 {{count}} 页',
      previous: '上一页',
      next: '下一页',
      validUntil: '有效期至',
      print: '打印',
      back: '返回',
      alreadyPrinted: '此证明之前已经打印过，本机不能再次打印',
      alreadyPrintedHint: '如需再打印一份，请到服务台请工作人员为您补打',
    },
    printing: {
      title: '正在打印，请稍候',
      hint: '打印完成前请不要离开',
      send: '发送到打印机',
      print: '打印证明',
      receipt: '打印回执',
    },
    done: {
      title: '打印完成',
      takeProof: '请从 A4 出纸口取走您的证明',
      takeReceipt: '请从回执出口取走您的回执',
      another: '打印其他证明',
      finish: '结束办理',
    },
    error: {
      back: '返回',
      retry: '重试',
      noRecord: {
        message: '政务服务平台没有查到您的此项证明记录',
        hint: '如有疑问，请到服务台咨询',
      },
      notEligible: {
        message: '您目前不符合开具此证明的条件',
        hint: '如有疑问，请到服务台咨询',
      },
      notEligibleNoHousing: {
        message: '您在本市名下有登记的住房，无法开具无房证明',
        hint: '如有疑问，请到服务台咨询',
      },
      alreadyPrinted: {
        message: '此证明之前已经打印过',
        hint: '如需再打印一份，请到服务台请工作人员为您补打',
      },
      network: {
        message: '暂时无法连接政务服务平台',
        hint: '请稍后再试，或到服务台办理',
      },
      signature: {
        message: '此证明暂时无法打印，已通知工作人员',
        hint: '请稍后再试，或到服务台办理',
      },
      printer: {
        message: '打印机出现故障，已通知工作人员',
        hint: '请到服务台办理，或稍后再来',
      },
      missingGlyphs: {
        message: '您的姓名中有本机无法打印的字',
        hint: '请到服务台办理，工作人员可以为您打印',
      },
      startAgain: {
        message: '办理步骤中断了',
        hint: '请返回，重新选择要打印的证明',
      },
      generic: {
        message: '办理中出现了问题',
        hint: '请再试一次，或到服务台请工作人员帮忙',
      },
    },
  },
  application: applicationZhCN,
  idle: {
    title: '您还在吗？',
    message: '{{seconds}} 秒后将自动结束办理并返回首页',
    continue: '继续办理',
  },
};

/** Every language's messages: the same keys as zh-CN, each a string. */
export type Messages = typeof zhCN;
