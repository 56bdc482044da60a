// Text extraction from the shared PDF corpus. Expected texts were checked against poppler's
// pdftotext; where pdftotext cannot read a file (no poppler-data for Adobe-GB1/Japan1 here, or a
// GBK font without ToUnicode that it prints as Latin-1 mojibake), the comment says what it shows.
import { mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractPages, TextExtractionError, type ExtractOptions, type PageText } from '../../../electron/core/search/extract-text';
import { packagedPdfjsAssets } from '../../../electron/core/search/pdfjs-assets';
import { CORPUS, tempDir } from '../../helpers/fixtures';

async function pages(file: string, options?: ExtractOptions): Promise<PageText[]> {
  const result: PageText[] = [];
  for await (const page of extractPages(path.isAbsolute(file) ? file : path.join(CORPUS, file), options)) result.push(page);
  return result;
}

async function failure(file: string, options?: ExtractOptions): Promise<TextExtractionError> {
  const error = await pages(file, options).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(TextExtractionError);
  return error as TextExtractionError;
}

const work = tempDir();

describe('extractPages on Chinese and Japanese PDFs', () => {
  it('XiaoBiaoSong.pdf: GBK-encoded TrueType without ToUnicode (pdftotext: mojibake that decodes from GBK to 目　　录 / 关于红军作战的原则)', async () => {
    const [first, ...rest] = await pages('XiaoBiaoSong.pdf');
    expect(rest).toEqual([]);
    expect(first?.page).toBe(1);
    expect(first?.text.startsWith('目录关于红军作战的原则1⋯')).toBe(true);
    for (const phrase of ['对国防问题的意见', '（一九三七年八月四日）', '同各方接洽要有谦逊态度', '中日战争爆发后的形势与任务']) expect(first?.text).toContain(phrase);
  });

  it('issue3521.pdf: non-embedded Adobe-GB1 font, read through the shipped CMaps (pdftotext: missing language pack)', async () => {
    expect(await pages('issue3521.pdf')).toEqual([{ page: 1, text: '我们都是黑体字' }]);
  });

  it('noembed-sjis.pdf and noembed-jis7.pdf: non-embedded Japanese fonts (pdftotext: nothing / only ABC1231)', async () => {
    expect(await pages('noembed-sjis.pdf')).toEqual([{ page: 1, text: 'あいうえお' }]);
    expect(await pages('noembed-jis7.pdf')).toEqual([{ page: 1, text: 'ABCあいうえお123\n1' }]);
  });

  it('refuses to run without the CMaps, with which pdf.js would silently return empty text', async () => {
    const empty = mkdtempSync(path.join(work, 'no-cmaps-'));
    const assets = { ...packagedPdfjsAssets(), cMapDir: empty + path.sep };
    const error = await pages('issue3521.pdf', { assets }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(TextExtractionError);
    expect((error as Error).message).toBe(`pdf.js data file missing: ${path.join(empty, 'Adobe-GB1-UCS2.bcmap')}`);
  });

  it("Chromium's Save as PDF: ToUnicode maps 页 and 门 to CJK radicals (⻚ ⻔), folded back", async () => {
    // fixtures/chromium-save-as-pdf.pdf was printed by headless Chromium with Noto Sans CJK SC.
    // pdftotext: 第1页 营业执照长期有效，详见门户网站。 / 马上办理：飞行器与风险评估，黄金周。
    // pdf.js reads 户 as 戶 (U+6236): the ToUnicode map says so, and a traditional character is
    // not a compatibility form, so it stays.
    expect(await pages(path.join(__dirname, 'fixtures/chromium-save-as-pdf.pdf'))).toEqual([
      { page: 1, text: '第1页营业执照长期有效，详见门戶网站。马上办理：飞行器与风险评估，黄金周。' },
    ]);
  });

  it('cidfont_cmap_overflow.pdf: CJK Extension A characters (pdftotext agrees)', async () => {
    expect(await pages('cidfont_cmap_overflow.pdf')).toEqual([{ page: 1, text: '㐂㐄㐆㐈㐊㐌㐎㐐㐒㐔㐖㐘' }]);
  });

  it('CID fonts with embedded CFF (pdftotext agrees)', async () => {
    expect(await pages('cid_cff.pdf')).toEqual([{ page: 1, text: 'processor reference chart' }]);
    expect(await pages('text_clip_cff_cid.pdf')).toEqual([{ page: 1, text: 'ABC123' }]);
  });

  it('arial_unicode_ab_cidfont.pdf: its ToUnicode maps every glyph to U+FFFF, so it has no text (pdftotext: four U+FFFD)', async () => {
    expect(await pages('arial_unicode_ab_cidfont.pdf')).toEqual([{ page: 1, text: '' }]);
  });
});

describe('extractPages on scans, damaged, encrypted and scripted PDFs', () => {
  it('scan-bad.pdf: a 300 dpi scan whose invisible OCR layer (3 Tr) says "pdf.js" (pdftotext agrees)', async () => {
    expect(await pages('scan-bad.pdf')).toEqual([{ page: 1, text: 'pdf.js' }]);
  });

  it('image-only pages give empty text, not an error (pdftotext: nothing)', async () => {
    expect(await pages('bug_jpx.pdf')).toEqual([{ page: 1, text: '' }]);
    expect(await pages('jbig2_symbol_offset.pdf')).toEqual([{ page: 1, text: '' }]);
  });

  it('damaged files pdf.js recovers from are read like pdftotext reads them', async () => {
    expect(await pages('helloworld-bad.pdf')).toEqual([{ page: 1, text: 'Hello, world!' }]);
    expect(await pages('pdfjsbad1586.pdf')).toEqual([{ page: 1, text: 'pdf.js test' }]);
    expect(await pages('bad-PageLabels.pdf')).toEqual([{ page: 1, text: 'PDF document with bad Page Labels.' }]);
    expect(await pages('boundingBox_invalid.pdf')).toEqual([
      { page: 1, text: 'Empty /MediaBox' },
      { page: 2, text: 'Empty /CropBox' },
      { page: 3, text: 'Empty /CropBox and /MediaBox intersection' },
    ]);
  });

  it('xfa_issue14315.pdf: the static fallback page of an XFA form (XFA is not rendered)', async () => {
    const [first] = await pages('xfa_issue14315.pdf');
    expect(first?.text).toMatch(/^The document you are trying to load requires Adobe Reader 8 or higher\./);
  });

  it('refuses what is not a PDF, or is cut off, or empty, with a clear message', async () => {
    const notPdf = path.join(work, 'not.pdf');
    writeFileSync(notPdf, '这不是PDF文件');
    const empty = path.join(work, 'empty.pdf');
    writeFileSync(empty, '');
    expect((await failure(notPdf)).message).toBe('not a valid PDF (Invalid PDF structure.)');
    expect((await failure(empty)).message).toMatch(/^not a valid PDF \(.*empty/);
    expect((await failure(path.join(work, 'missing.pdf'))).message).toMatch(/^cannot read the stored file: ENOENT/);
  });

  it('encrypted-attachment.pdf: AES-256 security handler that pdf.js wants a password for (pdftotext opens it)', async () => {
    expect((await failure('encrypted-attachment.pdf')).message).toBe('the PDF is protected by a password; its text cannot be read');
  });

  describe('PDF JavaScript never runs', () => {
    const touched: string[] = [];
    const traps = ['app', 'event', 'getField', 'this.getField'];
    afterEach(() => {
      vi.restoreAllMocks();
      for (const name of traps) Reflect.deleteProperty(globalThis, name);
    });

    it('evaljs.pdf (eval of a field value) and the js-*.pdf forms extract without touching eval or the Acrobat API', async () => {
      const evalSpy = vi.spyOn(globalThis, 'eval');
      for (const name of traps) {
        Object.defineProperty(globalThis, name, { configurable: true, get: () => touched.push(name) });
      }
      // The texts live in form-field appearances, which are not page content: pdftotext, which
      // draws them, reads "Execute" and the field values.
      expect(await pages('evaljs.pdf')).toEqual([
        { page: 1, text: '' },
        { page: 2, text: '' },
      ]);
      expect(await pages('js-authors.pdf')).toEqual([{ page: 1, text: '' }]);
      expect(await pages('js-buttons.pdf')).toEqual([{ page: 1, text: 'Radios\nCheckboxes\nRadio Checkboxes' }]);
      expect(await pages('js-colors.pdf')).toEqual([{ page: 1, text: '' }]);
      expect(evalSpy).not.toHaveBeenCalled();
      expect(touched).toEqual([]);
    });
  });
});

describe('extractPages limits', () => {
  it('refuses a document over the page cap', async () => {
    expect((await failure('boundingBox_invalid.pdf', { maxPages: 2 })).message).toBe('the PDF has 3 pages; the text index takes documents of up to 2');
  });

  it('stops a document over its time limit', async () => {
    expect((await failure('pdfjs_wikipedia.pdf', { timeoutMs: 1 })).message).toMatch(/^text extraction took longer than 0.001 s \(.+\); stopped$/);
  });

  it('stops when cancelled, with the signal reason rather than a document failure', async () => {
    const controller = new AbortController();
    const reason = new Error('cancelled by test');
    controller.abort(reason);
    await expect(pages('boundingBox_invalid.pdf', { signal: controller.signal })).rejects.toBe(reason);
  });

  it('releases pdf.js when the caller stops early, and can go on extracting afterwards', async () => {
    for await (const page of extractPages(path.join(CORPUS, 'boundingBox_invalid.pdf'))) {
      expect(page.page).toBe(1);
      break;
    }
    expect(await pages('text_clip_cff_cid.pdf')).toEqual([{ page: 1, text: 'ABC123' }]);
  });
});
