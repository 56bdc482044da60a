// Worksheet names by Excel's rules: 1–31 characters, none of : \ / ? * [ ], not starting or
// ending with an apostrophe, not "History" (reserved by Excel), unique ignoring case.

export const MAX_SHEET_NAME = 31;

// Forbidden characters become their full-width forms, which read naturally in Chinese titles.
const REPLACEMENTS: Record<string, string> = {
  ':': '：',
  '\\': '＼',
  '/': '／',
  '?': '？',
  '*': '＊',
  '[': '［',
  ']': '］',
};

/** At most `limit` UTF-16 units (Excel's count), never splitting a surrogate pair. */
function truncate(text: string, limit: number): string {
  let out = '';
  for (const char of text) {
    if (out.length + char.length > limit) break;
    out += char;
  }
  return out;
}

/** One title as a legal worksheet name (not yet unique). */
export function sheetNameFor(title: string): string {
  let name = '';
  for (const char of title) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f) name += ' ';
    else name += REPLACEMENTS[char] ?? char;
  }
  name = name.replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '').trim();
  if (name === '') name = '类别';
  return truncate(name, MAX_SHEET_NAME).replace(/'+$/, '');
}

/**
 * Gives out unique legal names. `taken` holds names already used (e.g. 说明, meta); a clash gets
 * "（2）", "（3）", … with the title shortened to keep 31 characters.
 */
export class SheetNamer {
  private readonly used = new Set<string>();

  constructor(taken: readonly string[] = []) {
    this.used.add('history');
    for (const name of taken) this.used.add(name.toLowerCase());
  }

  name(title: string): string {
    const base = sheetNameFor(title);
    let candidate = base;
    for (let n = 2; this.used.has(candidate.toLowerCase()); n += 1) {
      const suffix = `（${n}）`;
      candidate = truncate(base, MAX_SHEET_NAME - suffix.length) + suffix;
    }
    this.used.add(candidate.toLowerCase());
    return candidate;
  }
}
