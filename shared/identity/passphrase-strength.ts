// A hint of how strong a passphrase is, for the identity setup (the key file is protected by
// scrypt, but a guessable passphrase is still guessable). 0 (very weak) … 4 (strong).
export interface PassphraseStrength {
  score: 0 | 1 | 2 | 3 | 4;
  /** i18n keys of what would make it stronger. */
  hints: ('longer' | 'mix' | 'notCommon' | 'noRepeats')[];
}

const COMMON = ['123456', '12345678', 'password', 'qwerty', '111111', '000000', 'abc123', '666666', '888888', '123123', 'admin', 'iloveyou', 'woaini', 'reviewdesk'];

export function passphraseStrength(passphrase: string): PassphraseStrength {
  const hints: PassphraseStrength['hints'] = [];
  const characters = [...passphrase];
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{L}\p{Nd}]/u, /\p{Script=Han}/u].filter((pattern) => pattern.test(passphrase)).length;
  const lower = passphrase.toLowerCase();
  let points = 0;
  if (characters.length >= 8) points++;
  if (characters.length >= 12) points++;
  if (characters.length >= 16) points++;
  if (classes >= 2) points++;
  if (classes >= 3) points++;
  if (characters.length < 12) hints.push('longer');
  if (classes < 3) hints.push('mix');
  if (COMMON.some((word) => lower.includes(word))) {
    points = Math.min(points, 1);
    hints.push('notCommon');
  }
  if (/(.)\1{3,}/u.test(passphrase) || new Set(characters).size <= Math.max(2, characters.length / 4)) {
    points = Math.min(points, 1);
    hints.push('noRepeats');
  }
  return { score: Math.min(4, points) as PassphraseStrength['score'], hints };
}
