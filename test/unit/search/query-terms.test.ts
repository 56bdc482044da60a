// Queries are literal text: FTS5 syntax is quoted away, LIKE wildcards escaped.
import { describe, expect, it } from 'vitest';
import { ftsPhrase, likePattern, queryTerms } from '../../../electron/core/search/query-terms';
import { makeSnippet } from '../../../electron/core/search/snippet';

describe('queryTerms', () => {
  it('splits at whitespace, normalises each term, and routes 3+ character terms to FTS, shorter ones to LIKE', () => {
    expect(queryTerms('  营业执照   黑体 ')).toEqual({ all: ['营业执照', '黑体'], match: '"营业执照"', likes: ['%黑体%'] });
    expect(queryTerms('ＰＤＦ  pdf.js')).toEqual({ all: ['PDF', 'pdf.js'], match: '"PDF" AND "pdf.js"', likes: [] });
    expect(queryTerms(' \n\t ')).toEqual({ all: [], match: null, likes: [] });
  });

  it('quotes FTS syntax so that it is matched as text', () => {
    expect(ftsPhrase('say "hi"')).toBe('"say ""hi"""');
    expect(queryTerms('NEAR( a* OR "x"').match).toBe('"NEAR(" AND """x"""');
    expect(queryTerms('NEAR( a* OR "x"').likes).toEqual(['%a*%', '%OR%']);
  });

  it('escapes LIKE wildcards and the escape character', () => {
    expect(likePattern('5%')).toBe('%5\\%%');
    expect(likePattern('a_b\\')).toBe('%a\\_b\\\\%');
  });

  it('counts characters, not UTF-16 units, against the trigram minimum', () => {
    expect(queryTerms('𠀀𠀁').likes).toEqual(['%𠀀𠀁%']);
    expect(queryTerms('𠀀𠀁𠀂').match).toBe('"𠀀𠀁𠀂"');
  });
});

describe('makeSnippet', () => {
  it('marks the earliest match of any term with context, case-insensitively, on one line', () => {
    expect(makeSnippet('PDF.js\nis a JavaScript library', ['javascript', 'PDF'])).toEqual({ before: '', match: 'PDF', after: '.js is a JavaScript library' });
    expect(makeSnippet('关于红军作战的原则', ['作战'], 3)).toEqual({ before: '…于红军', match: '作战', after: '的原则' });
  });

  it('cuts long context with an ellipsis, never inside a surrogate pair', () => {
    const snippet = makeSnippet('𠀀'.repeat(10) + '执照' + '𠀁'.repeat(10), ['执照'], 4);
    expect(snippet).toEqual({ before: '…' + '𠀀'.repeat(4), match: '执照', after: '𠀁'.repeat(4) + '…' });
  });

  it('falls back to the start of the page when no term is found verbatim', () => {
    expect(makeSnippet('abcdef', ['xyz'], 2)).toEqual({ before: '', match: '', after: 'abcd…' });
  });
});
