// Page text as the index stores it: CJK without the spaces and line breaks layout put in,
// folded compatibility characters, no junk characters.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText, pageText } from '../../../electron/core/search/page-text';

const item = (str: string, hasEOL = false) => ({ str, hasEOL });
const CJK_NEIGHBOUR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}][ \n]|[ \n][\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

describe('pageText', () => {
  it('joins CJK glyphs without spaces, across the gaps pdf.js reports and across wrapped lines', () => {
    // As pdf.js gives XiaoBiaoSong.pdf: 目　　录 set apart, then a line per entry.
    expect(pageText([item('目'), item(' '), item('录'), item('', true), item('关于红军作战的原则'), item(' '), item('１'), item('', true)])).toBe('目录关于红军作战的原则1');
    expect(pageText([item('营业执照'), item('', true), item('复印件')])).toBe('营业执照复印件');
  });

  it('keeps line breaks and single spaces between Latin words', () => {
    expect(pageText([item('Original author(s)'), item(' '), item('Andreas Gal', true), item('Developer(s)  Mozilla', true)])).toBe('Original author(s) Andreas Gal\nDeveloper(s) Mozilla');
  });

  it('removes the gap between CJK and Latin letters or digits', () => {
    expect(pageText([item('使用'), item(' '), item('PDF'), item(' '), item('文件，共 12 页')])).toBe('使用PDF文件，共12页');
  });

  it('folds full-width letters and digits, the ideographic space, ligatures and radicals; keeps Chinese punctuation', () => {
    expect(normalizeText('２０２５年　ＡＢＣ')).toBe('2025年ABC');
    expect(normalizeText('ﬁle')).toBe('file');
    expect(normalizeText('⽤⼈')).toBe('用人');
    expect(normalizeText('第5⻚ ⻔⼝ ⻓期 ⻅附件')).toBe('第5页门口长期见附件');
    expect(normalizeText('（一九三七年八月一日），')).toBe('（一九三七年八月一日），');
  });

  it('drops noncharacters, replacement and control characters but keeps line breaks', () => {
    expect(pageText([item('\uffff\uffff\uffff\uffff')])).toBe('');
    expect(normalizeText('a\u0000b\ufffdc\u200bd\te\r\nf')).toBe('abcd e\nf');
  });

  it('is idempotent and leaves no space or line break next to a CJK character', () => {
    const piece = fc.oneof(fc.constantFrom('营', '业', '执', '照', 'あ', 'カ', 'A', 'b', '1', ' ', '\n', '\u3000', '，', '\uffff', '\t'), fc.string());
    fc.assert(
      fc.property(fc.array(fc.record({ str: fc.array(piece, { maxLength: 6 }).map((parts) => parts.join('')), hasEOL: fc.boolean() }), { maxLength: 12 }), (items) => {
        const text = pageText(items);
        expect(normalizeText(text)).toBe(text);
        expect(text).not.toMatch(CJK_NEIGHBOUR);
        expect(text).not.toMatch(/[^\P{C}\n]/u);
        expect(text).toBe(text.trim());
      }),
      { numRuns: 500 },
    );
  });
});
