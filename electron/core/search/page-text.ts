// Turns pdf.js text items into the text of a page, as the index stores it and searches it.
//
// Chinese has no spaces between words: pdf.js inserts a space wherever glyphs are set apart
// (justified lines, 目　　录, the gap Word leaves around Latin letters and digits), and a wrapped
// line ends in a line break in the middle of a word. Spaces and line breaks next to a CJK
// character are therefore removed, so that a phrase is found however the page was set; this is
// also what the pdf.js viewer's find bar does, so a hit here is a hit there.
// A few compatibility characters are folded (full-width letters and digits, the ideographic
// space, ligatures, and the radicals and compatibility ideographs that broken Chinese fonts map
// to, e.g. ⽤ → 用, ⻚ → 页); Chinese punctuation stays as it is. Unassigned, private-use,
// format and control characters other than line breaks are dropped: a font whose ToUnicode maps
// every glyph to U+FFFF gives no text rather than garbage.

import { RADICAL_EQUIVALENTS } from './cjk-radicals';

export interface TextPiece {
  str: string;
  hasEOL: boolean;
}

const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef`;
const FOLDED = /[\u2e80-\u2fdf\u3000\ufb00-\ufb06\uf900-\ufaff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u{2f800}-\u{2fa1f}]/gu;
const SPACES = /[^\S\n]+/gu;
// Other (C) characters and U+FFFD, except whitespace controls such as tab and line feed.
const UNWANTED = /[^\P{C}\s]|\uFFFD/gu;
const GAP_NEXT_TO_CJK = new RegExp(`(?<=[${CJK}])[ \\n]+|[ \\n]+(?=[${CJK}])`, 'gu');

/** Normalises text the same way for pages and for queries. */
export function normalizeText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(FOLDED, (char) => RADICAL_EQUIVALENTS.get(char) ?? char.normalize('NFKC'))
    .replace(UNWANTED, '')
    .replace(SPACES, ' ')
    .replace(/ ?\n[ \n]*/g, '\n')
    .replace(/ {2,}/g, ' ')
    .replace(GAP_NEXT_TO_CJK, '')
    .trim();
}

/** The text of a page: the items in content order, a line break where pdf.js saw one. */
export function pageText(items: readonly TextPiece[]): string {
  let raw = '';
  for (const item of items) {
    raw += item.str;
    if (item.hasEOL) raw += '\n';
  }
  return normalizeText(raw);
}
