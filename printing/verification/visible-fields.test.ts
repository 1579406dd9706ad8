import { describe, expect, it } from 'vitest';
import { noHousingSample } from './fixtures.js';
import { findAttachmentIndex } from './proof-attachment.js';
import { dateForms, findMissingVisibleField } from './visible-fields.js';

const PRINTED = `
      佛山市住房和城乡建设局
证明编号：FS-NH-2025-000123
姓 名：张 三        公民身份号码：４４０６０２１９９００１０１１２３４
出具日期：2025年5月1日       有效期至：30 September 2025`;

describe('visible fields', () => {
  it('finds every signed field in layout text with spaces and full-width digits', () => {
    expect(findMissingVisibleField(noHousingSample, PRINTED)).toBeUndefined();
  });

  it('names the first field the text does not show, masked', () => {
    const missing = findMissingVisibleField(noHousingSample, PRINTED.replace('张 三', '李四'));
    expect(missing).toMatchObject({ field: 'subject.name', shown: '张*' });
    const noId = findMissingVisibleField(noHousingSample, PRINTED.replace('１２３４', '１２３５'));
    expect(noId).toMatchObject({ field: 'subject.idNumber', shown: '4406**********1234' });
    const noDate = findMissingVisibleField(
      noHousingSample,
      PRINTED.replace('30 September', '1 October'),
    );
    expect(noDate?.field).toBe('validUntil');
  });

  it('accepts the usual date styles', () => {
    expect(dateForms('2025-05-01')).toEqual(
      expect.arrayContaining([
        '2025-05-01',
        '2025年05月01日',
        '2025年5月1日',
        '1May2025',
        'May1,2025',
      ]),
    );
  });

  it('finds the proof.json attachment by name in a pdfdetach listing', () => {
    const listing = '3 embedded files\n1: logo.png\n2: proof.json.bak\n3: proof.json\n';
    expect(findAttachmentIndex(listing, 'proof.json')).toBe(3);
    expect(findAttachmentIndex('0 embedded files\n', 'proof.json')).toBeUndefined();
  });
});
