/** The "scan documents for an application" flow in Simplified Chinese; its shape is the reference. */
export const applicationZhCN = {
  /** What the matter needs, shown on the chooser and while scanning. */
  documents: '需要的材料：{{hint}}',
  chooser: {
    title: '请选择要申请的事项',
    hint: '选好事项后，按提示把材料一页一页地扫描进来',
    none: '本机暂时不能办理材料申请',
    noneHint: '请到服务台咨询办理',
    back: '返回',
  },
  scan: {
    instruction: '请把一页材料正面朝下放在扫描玻璃上，然后点击“扫描”',
    instructionNext: '请放入下一页，正面朝下，然后点击“扫描下一页”',
    scan: '扫描',
    scanNext: '扫描下一页',
    scanning: '正在扫描，请不要移动材料',
    percent: '已完成 {{percent}}%',
    removing: '正在删除第 {{page}} 页',
    limit: '此事项最多 {{max}} 页，已经扫满。如需重扫某一页，请先删除它',
    count: '已扫描 {{pages}} 页，最多 {{max}} 页',
    noPages: '扫描好的页面会显示在这里',
    page: '第 {{page}} 页',
    enlargeHint: '点击页面可以放大查看',
    remove: '删除',
    done: '扫描完成',
    back: '返回',
  },
  enlarged: {
    close: '关闭',
    remove: '删除这一页',
  },
  leave: {
    title: '确定不提交申请了吗？',
    message: '您已扫描的 {{pages}} 页材料将被删除',
    confirm: '删除并离开',
    stay: '继续办理',
  },
  review: {
    title: '请确认您的申请',
    matter: '申请事项',
    pages: '材料页数',
    pageCount: '{{pages}} 页',
    statement: '点击“提交”后，您的申请和扫描的材料将发送给本大厅的后台工作人员审核办理。',
    submit: '提交',
    back: '返回扫描',
    cancel: '取消申请',
  },
  submitting: {
    title: '正在提交，请稍候',
    hint: '提交完成前请不要离开',
    save: '保存您的申请',
    send: '发送给后台工作人员',
    receipt: '打印回执',
  },
  done: {
    submittedTitle: '您的申请已收到',
    trackingLabel: '受理编号',
    takeReceipt: '请从回执出口取走您的回执',
    receiptNotPrinted: '回执没有打印出来。请记下上面的受理编号，或请工作人员帮忙',
    queuedTitle: '网络暂时中断',
    queuedMessage: '您的申请已保存在本机，网络恢复后会自动发送，无需再次办理',
    claimLabel: '凭条编码',
    takeTicket: '请从回执出口取走凭条并妥善保管',
    ticketNotPrinted: '凭条没有打印出来。请记下上面的编码，或请工作人员帮忙',
    finish: '结束办理',
  },
  error: {
    back: '返回',
    retry: '重试',
    chooseAgain: '重新选择事项',
    backToServices: '返回业务选择',
    finish: '结束办理',
    noSession: {
      message: '本次办理已经结束，无法继续申请',
      hint: '请点击“结束办理”，然后重新放置身份证',
    },
    scannerNotReady: {
      message: '扫描仪暂时没有准备好',
      hint: '请稍等片刻再点击“重试”；如果仍然不行，请联系工作人员',
    },
    noDocument: {
      message: '扫描玻璃上没有发现材料',
      hint: '请把材料正面朝下放在玻璃上，盖好盖板，再点击“重试”',
    },
    scanFailed: {
      message: '这一页没有扫描成功',
      hint: '请点击“重试”再扫描一次；如多次失败，请联系工作人员',
    },
    tooManyPages: {
      message: '此事项最多只能提交 {{max}} 页材料',
      hint: '请返回，删除不需要的页面后再继续',
    },
    noPages: {
      message: '还没有扫描任何材料',
      hint: '请返回，至少扫描一页材料后再提交',
    },
    unknownMatter: {
      message: '本机已不再受理这个事项',
      hint: '请重新选择事项，或到服务台咨询',
    },
    storageFull: {
      message: '本机存储空间已满，暂时不能接收新的申请',
      hint: '请到服务台，由工作人员为您办理',
    },
    queueFull: {
      message: '本机等待发送的申请太多，暂时不能接收新的申请',
      hint: '请过几分钟再点击“重试”，或到服务台办理',
    },
    saveFailed: {
      message: '申请没有保存成功，也没有发送出去',
      hint: '请点击“重试”；如果仍然不行，请联系工作人员',
    },
    connection: {
      message: '本机的连接中断了一下',
      hint: '请稍等片刻，再点击“重试”',
    },
    submitUnknown: {
      message: '提交过程中断，暂时无法确认申请是否已保存',
      hint: '如果打印出了回执或凭条，请保管好。请不要重复提交，请联系工作人员确认',
    },
    unavailable: {
      message: '本机暂时不能办理材料申请',
      hint: '请到服务台办理',
    },
    generic: {
      message: '申请过程中出现了问题',
      hint: '请再试一次，或到服务台请工作人员帮忙',
    },
  },
};

/** The application flow's messages: the same keys in every language. */
export type ApplicationMessages = typeof applicationZhCN;
