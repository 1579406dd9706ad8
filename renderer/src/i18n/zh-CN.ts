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
    kioskId: '终端编号 {{id}}',
  },
  services: {
    printProof: { name: '打印证明', description: '社保、户籍、不动产等证明材料' },
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
  idle: {
    title: '您还在吗？',
    message: '{{seconds}} 秒后将自动结束办理并返回首页',
    continue: '继续办理',
  },
};

/** Every language's messages: the same keys as zh-CN, each a string. */
export type Messages = typeof zhCN;
