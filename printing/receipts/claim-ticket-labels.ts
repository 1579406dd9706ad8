/** Labels of the offline claim ticket (离线受理凭证), per locale. */
import type { Locale } from '../../contract/index.js';

/** Labels of the offline claim ticket. */
export interface ClaimTicketLabels {
  /** Title. */
  readonly title: string;
  /** Label above the large claim code. */
  readonly claimCode: string;
  /** Label of what was requested. */
  readonly requested: string;
  /** Label of the time the request was queued. */
  readonly requestedAt: string;
  /** The request is queued, submitted by itself, and what to do if it is not confirmed. */
  readonly queued: (hours: number) => string;
  /** Under the QR. */
  readonly qrHint: string;
}

/** The claim ticket's labels in 简体中文, 繁體中文 and English. */
export const CLAIM_TICKET_LABELS: Readonly<Record<Locale, ClaimTicketLabels>> = {
  'zh-CN': {
    title: '离线受理凭证',
    claimCode: '凭证号',
    requested: '申请事项',
    requestedAt: '申请时间',
    queued: (h) =>
      `网络暂时中断。您的申请已保存并排队，网络恢复后将自动提交；如${h}小时内未收到确认，请携带本凭证到服务窗口办理。`,
    qrHint: '窗口工作人员扫码查询',
  },
  'zh-TW': {
    title: '離線受理憑證',
    claimCode: '憑證號',
    requested: '申請事項',
    requestedAt: '申請時間',
    queued: (h) =>
      `網路暫時中斷。您的申請已保存並排隊，網路恢復後將自動提交；如${h}小時內未收到確認，請攜帶本憑證到服務櫃檯辦理。`,
    qrHint: '櫃檯人員掃碼查詢',
  },
  en: {
    title: 'Offline Claim Ticket',
    claimCode: 'Claim code',
    requested: 'Requested',
    requestedAt: 'Requested at',
    queued: (h) =>
      `Network down: your request is queued and will be submitted automatically. If it is not confirmed within ${h} ${h === 1 ? 'hour' : 'hours'}, bring this ticket to the counter.`,
    qrHint: 'Counter staff scan this code',
  },
};
