// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogue, pages } from '../test/application-fixtures.js';
import { atMatters, outcome, scanButton, thumbs, withPages } from '../test/application-driver.js';
import { failed, succeeded } from '../test/fake-client.js';
import { tap } from '../test/render-app.js';

afterEach(cleanup);

describe('scan documents for an application', () => {
  it('chooses a matter, scans two pages, removes one, submits, and shows the claim code', async () => {
    const { client, store } = await atMatters();
    const list = screen.getByTestId('matter-chooser');
    expect(within(list).getByTestId('matter-residence-permit').textContent).toContain(
      '需要的材料：身份证正反面、租房合同',
    );
    expect(within(list).getByTestId('matter-birth-registration').textContent).toContain('出生登记');

    await tap('matter-residence-permit');
    expect(screen.getByTestId('scan-matter').textContent).toBe('居住证申领');
    expect(screen.getByTestId('scan-screen').textContent).toContain(
      '请把一页材料正面朝下放在扫描玻璃上，然后点击“扫描”',
    );
    expect(screen.getByTestId<HTMLButtonElement>('scan-done').disabled).toBe(true);

    client.hold('Application.ScanPage');
    await tap('scan-page');
    const scan = client.held('Application.ScanPage');
    expect(scan.payload).toEqual({});
    expect(screen.getByTestId('scan-progress').dataset.percent).toBe('0');
    act(() => scan.emit('Application.ScanProgress', { percent: 40 }));
    expect(screen.getByTestId('scan-progress').dataset.percent).toBe('40');
    expect(screen.getByTestId('scan-progress').textContent).toContain('已完成 40%');
    await act(async () => scan.complete(succeeded({ pages: pages(1) })));
    expect(thumbs().map((img) => img.getAttribute('src'))).toEqual([pages(1)[0]?.previewUrl]);
    expect(scanButton().textContent).toBe('扫描下一页');

    client.answer('Application.ScanPage', succeeded({ pages: pages(2) }));
    await tap('scan-page');
    expect(thumbs()).toHaveLength(2);
    expect(screen.getByTestId('page-count').textContent).toBe('已扫描 2 页，最多 5 页');

    await tap('page-thumb-2');
    const large = screen.getByTestId('page-enlarged');
    expect(within(large).getByRole('img').getAttribute('src')).toBe(pages(2)[1]?.previewUrl);
    await tap('page-enlarged-close');
    expect(screen.queryByTestId('page-enlarged')).toBeNull();

    // The core renumbers: the old page 2 is page 1 now.
    const kept = [{ pageNumber: 1, previewUrl: pages(2)[1]?.previewUrl ?? '' }];
    client.answer('Application.RemovePage', succeeded({ pages: kept }));
    await tap('remove-page-1');
    expect(client.sent.at(-1)).toMatchObject({
      name: 'Application.RemovePage',
      payload: { pageNumber: 1 },
    });
    expect(thumbs().map((img) => img.getAttribute('src'))).toEqual([kept[0]?.previewUrl]);

    await tap('scan-done');
    expect(screen.getByTestId('review-matter').textContent).toBe('居住证申领');
    expect(screen.getByTestId('review-page-count').textContent).toBe('1 页');
    expect(screen.getByTestId('review-statement').textContent).toContain(
      '您的申请和扫描的材料将发送给本大厅的后台工作人员',
    );

    client.hold('Application.Submit');
    await tap('submit-application');
    const submit = client.held('Application.Submit');
    expect(submit.payload).toEqual({ matter: 'residence-permit', locale: 'zh-CN' });
    const stage = () => screen.getByTestId('submit-progress').dataset.stage;
    expect(stage()).toBe('starting');
    for (const s of ['saved', 'sending', 'receipt'] as const) {
      act(() => submit.emit('Application.Progress', { stage: s }));
      expect(stage()).toBe(s);
    }
    await act(async () =>
      submit.complete(
        succeeded({ outcome: 'queued', claimCode: 'K7QF-2M9D', receiptPrinted: true } as const),
      ),
    );
    expect(outcome().dataset.outcome).toBe('queued');
    expect(outcome().textContent).toContain('网络暂时中断');
    expect(outcome().textContent).toContain('您的申请已保存在本机，网络恢复后会自动发送');
    expect(screen.getByTestId('claim-code').textContent).toBe('K7QF-2M9D');
    expect(outcome().textContent).toContain('请从回执出口取走凭条并妥善保管');
    expect(screen.queryByTestId('receipt-not-printed')).toBeNull();
    // The documents leave the page and the store with the flow's last step.
    expect(document.querySelectorAll('img')).toHaveLength(0);
    expect(JSON.stringify(store.getSnapshot())).not.toContain('/preview/');

    await tap('finish');
    expect(client.sent.at(-1)).toEqual({
      name: 'Session.End',
      payload: { reason: 'citizenFinished' },
    });
    expect(screen.getByTestId('home')).toBeTruthy();
    expect(client.sentNames()).not.toContain('Application.Discard');
  });

  it('shows the tracking number when the back office received it at once', async () => {
    const { client } = await withPages(1);
    await tap('scan-done');
    client.answer(
      'Application.Submit',
      succeeded({
        outcome: 'submitted',
        claimCode: 'K7QF-2M9D',
        trackingNumber: 'FS-2025-000123',
        receiptPrinted: true,
      } as const),
    );
    await tap('submit-application');
    expect(outcome().dataset.outcome).toBe('submitted');
    expect(outcome().textContent).toContain('您的申请已收到');
    expect(screen.getByTestId('tracking-number').textContent).toBe('FS-2025-000123');
    expect(outcome().textContent).toContain('请从回执出口取走您的回执');
    expect(screen.queryByTestId('claim-code')).toBeNull();
  });

  it('asks to note the code when the ticket did not print', async () => {
    const { client } = await withPages(1);
    await tap('scan-done');
    await tap('lang-en');
    client.answer(
      'Application.Submit',
      succeeded({ outcome: 'queued', claimCode: 'K7QF-2M9D', receiptPrinted: false } as const),
    );
    await tap('submit-application');
    expect(client.sent.at(-1)?.payload).toEqual({ matter: 'residence-permit', locale: 'en' });
    expect(outcome().dataset.receiptPrinted).toBe('false');
    expect(screen.getByTestId('receipt-not-printed').textContent).toBe(
      'Your claim ticket could not be printed. Please write down the code above, or ask a member of staff',
    );
    expect(screen.getByTestId('claim-code').textContent).toBe('K7QF-2M9D');
    expect(outcome().textContent).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('says what went wrong with a scan, keeps the pages, and scans again on "try again"', async () => {
    const { client } = await withPages(1);
    client.answer('Application.ScanPage', failed('commandErrorCode', 'noDocument', 'clear'));
    await tap('scan-page');
    expect(screen.getByTestId('application-error').dataset.errorCode).toBe('noDocument');
    expect(screen.getByTestId('application-error-message').textContent).toBe(
      '扫描玻璃上没有发现材料',
    );

    client.answer('Application.ScanPage', succeeded({ pages: pages(2) }));
    await tap('application-error-retry');
    expect(client.sentNames().filter((n) => n === 'Application.ScanPage')).toHaveLength(3);
    expect(thumbs()).toHaveLength(2);

    client.answer('Application.ScanPage', failed('commandErrorCode', 'scanFailed', 'clear'));
    await tap('scan-page');
    expect(screen.getByTestId('application-error-message').textContent).toBe('这一页没有扫描成功');
    await tap('application-error-back');
    expect(thumbs()).toHaveLength(2);
  });

  it('stops scanning at the matter’s page limit, and goes on once a page is removed', async () => {
    const { client } = await withPages(2, 2);
    expect(scanButton().disabled).toBe(true);
    expect(screen.getByTestId('scan-limit').textContent).toContain('此事项最多 2 页');

    client.answer('Application.RemovePage', succeeded({ pages: pages(1) }));
    await tap('remove-page-2');
    expect(scanButton().disabled).toBe(false);
    expect(screen.queryByTestId('scan-limit')).toBeNull();
  });

  it('tells the limit the core enforces in the citizen’s language', async () => {
    const { client } = await withPages(1);
    await tap('scan-done');
    await tap('lang-zh-TW');
    client.answer('Application.Submit', failed('commandErrorCode', 'tooManyPages', 'clear'));
    await tap('submit-application');
    expect(screen.getByTestId('application-error-message').textContent).toBe(
      '此事項最多只能送出 5 頁文件',
    );
    await tap('application-error-back');
    expect(screen.getByTestId('scan-screen')).toBeTruthy();
  });

  it('says so when the catalogue offers no matter', async () => {
    await atMatters({ catalogue: catalogue({ matters: [] }) });
    expect(screen.getByTestId('no-matters').textContent).toContain('本机暂时不能办理材料申请');
    await tap('matter-chooser-back');
    expect(screen.getByTestId('greeting')).toBeTruthy();
  });
});
