// The piece of a page shown with a hit: the first place where a term occurs, with some context.
// Returned as parts, so the UI marks the match itself and never parses markup out of PDF text.

export interface Snippet {
  /** Text before the match; starts with … when cut. */
  before: string;
  match: string;
  /** Text after the match; ends with … when cut. */
  after: string;
}

const ELLIPSIS = '…';

/** Lower-cases letter by letter where that keeps the length, so offsets stay valid. */
function fold(text: string): string {
  return text.replace(/\p{Lu}/gu, (char) => {
    const lower = char.toLowerCase();
    return lower.length === char.length ? lower : char;
  });
}

function lastCharacters(text: string, count: number): string {
  const characters = [...text];
  return characters.length > count ? ELLIPSIS + characters.slice(-count).join('') : text;
}

function firstCharacters(text: string, count: number): string {
  const characters = [...text];
  return characters.length > count ? characters.slice(0, count).join('') + ELLIPSIS : text;
}

export function makeSnippet(text: string, terms: readonly string[], context = 30): Snippet {
  const flat = text.replace(/\n/g, ' ');
  const folded = fold(flat);
  let start = -1;
  let length = 0;
  for (const term of terms) {
    const at = folded.indexOf(fold(term));
    if (at !== -1 && (start === -1 || at < start)) {
      start = at;
      length = term.length;
    }
  }
  if (start === -1) return { before: '', match: '', after: firstCharacters(flat, context * 2) };
  return {
    before: lastCharacters(flat.slice(0, start), context),
    match: flat.slice(start, start + length),
    after: firstCharacters(flat.slice(start + length), context),
  };
}
