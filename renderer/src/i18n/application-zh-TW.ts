import type { ApplicationMessages } from './application-zh-CN.js';

/** The "scan documents for an application" flow in Traditional Chinese. */
export const applicationZhTW: ApplicationMessages = {
  /** What the matter needs, shown on the chooser and while scanning. */
  documents: '需要的文件：{{hint}}',
  chooser: {
    title: '請選擇要申請的事項',
    hint: '選好事項後，依照提示把文件一頁一頁地掃描進來',
    none: '本機暫時無法辦理文件申請',
    noneHint: '請到服務台洽詢辦理',
    back: '返回',
  },
  scan: {
    instruction: '請把一頁文件正面朝下放在掃描玻璃上，然後點選「掃描」',
    instructionNext: '請放入下一頁，正面朝下，然後點選「掃描下一頁」',
    scan: '掃描',
    scanNext: '掃描下一頁',
    scanning: '正在掃描，請不要移動文件',
    percent: '已完成 {{percent}}%',
    removing: '正在刪除第 {{page}} 頁',
    limit: '此事項最多 {{max}} 頁，已經掃滿。如需重掃某一頁，請先刪除它',
    count: '已掃描 {{pages}} 頁，最多 {{max}} 頁',
    noPages: '掃描好的頁面會顯示在這裡',
    page: '第 {{page}} 頁',
    enlargeHint: '點選頁面可以放大檢視',
    remove: '刪除',
    done: '掃描完成',
    back: '返回',
  },
  enlarged: {
    close: '關閉',
    remove: '刪除這一頁',
  },
  leave: {
    title: '確定不送出申請了嗎？',
    message: '您已掃描的 {{pages}} 頁文件將被刪除',
    confirm: '刪除並離開',
    stay: '繼續辦理',
  },
  review: {
    title: '請確認您的申請',
    matter: '申請事項',
    pages: '文件頁數',
    pageCount: '{{pages}} 頁',
    statement: '點選「送出」後，您的申請和掃描的文件將傳送給本大廳的後台工作人員審核辦理。',
    submit: '送出',
    back: '返回掃描',
    cancel: '取消申請',
  },
  submitting: {
    title: '正在送出，請稍候',
    hint: '送出完成前請不要離開',
    save: '儲存您的申請',
    send: '傳送給後台工作人員',
    receipt: '列印收據',
  },
  done: {
    submittedTitle: '您的申請已收到',
    trackingLabel: '受理編號',
    takeReceipt: '請從收據出口取走您的收據',
    receiptNotPrinted: '收據沒有列印出來。請記下上面的受理編號，或請工作人員協助',
    queuedTitle: '網路暫時中斷',
    queuedMessage: '您的申請已儲存在本機，網路恢復後會自動傳送，無需再次辦理',
    claimLabel: '憑條編碼',
    takeTicket: '請從收據出口取走憑條並妥善保管',
    ticketNotPrinted: '憑條沒有列印出來。請記下上面的編碼，或請工作人員協助',
    finish: '結束辦理',
  },
  error: {
    back: '返回',
    retry: '重試',
    chooseAgain: '重新選擇事項',
    backToServices: '返回業務選擇',
    finish: '結束辦理',
    noSession: {
      message: '本次辦理已經結束，無法繼續申請',
      hint: '請點選「結束辦理」，然後重新放置身份證',
    },
    scannerNotReady: {
      message: '掃描器暫時沒有準備好',
      hint: '請稍等片刻再點選「重試」；如果仍然不行，請聯絡工作人員',
    },
    noDocument: {
      message: '掃描玻璃上沒有發現文件',
      hint: '請把文件正面朝下放在玻璃上，蓋好蓋板，再點選「重試」',
    },
    scanFailed: {
      message: '這一頁沒有掃描成功',
      hint: '請點選「重試」再掃描一次；如多次失敗，請聯絡工作人員',
    },
    tooManyPages: {
      message: '此事項最多只能送出 {{max}} 頁文件',
      hint: '請返回，刪除不需要的頁面後再繼續',
    },
    noPages: {
      message: '還沒有掃描任何文件',
      hint: '請返回，至少掃描一頁文件後再送出',
    },
    unknownMatter: {
      message: '本機已不再受理這個事項',
      hint: '請重新選擇事項，或到服務台洽詢',
    },
    storageFull: {
      message: '本機儲存空間已滿，暫時無法接收新的申請',
      hint: '請到服務台，由工作人員為您辦理',
    },
    queueFull: {
      message: '本機等待傳送的申請太多，暫時無法接收新的申請',
      hint: '請過幾分鐘再點選「重試」，或到服務台辦理',
    },
    saveFailed: {
      message: '申請沒有儲存成功，也沒有傳送出去',
      hint: '請點選「重試」；如果仍然不行，請聯絡工作人員',
    },
    connection: {
      message: '本機的連線中斷了一下',
      hint: '請稍等片刻，再點選「重試」',
    },
    submitUnknown: {
      message: '送出過程中斷，暫時無法確認申請是否已儲存',
      hint: '如果列印出了收據或憑條，請妥善保管。請不要重複送出，請聯絡工作人員確認',
    },
    unavailable: {
      message: '本機暫時無法辦理文件申請',
      hint: '請到服務台辦理',
    },
    generic: {
      message: '申請過程中發生了問題',
      hint: '請再試一次，或到服務台請工作人員協助',
    },
  },
};
