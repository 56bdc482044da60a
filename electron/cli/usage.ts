// Usage errors (exit code 2) and the help text.
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const HELP = `reviewdesk — ReviewDesk (评审工作台) command line

Usage:
  reviewdesk keygen --name NAME --out FILE
  reviewdesk pack DIR --key FILE.key --out X.rdbundle [--bundle-id UUID --bundle-version N]
  reviewdesk inspect X.rdbundle [--issuer FILE.pub|FINGERPRINT] [--json]
  reviewdesk import X.rdbundle --data DIR [--issuer FILE.pub|FINGERPRINT] [--json]
  reviewdesk score X.rdbundle --key FILE.key --expert ID --sheet S.json --out Y.rdscore [--revision N] [--draft] [--issuer P]
  reviewdesk verify Y.rdscore --bundle X.rdbundle [--issuer P] [--expert-key ID=FILE.pub]… [--json]
  reviewdesk merge --bundle X.rdbundle --out DIR FILES… [--issuer P] [--expert-key ID=FILE.pub]… [--method M] [--json]
  reviewdesk demo --out DIR [--json]        the whole round on the sample data, end to end

Passphrases come from REVIEWDESK_PASSPHRASE when it is set, else from a prompt.
Exit codes: 0 done; 1 rejected input (the message names the file, the entry and what is wrong);
2 usage error.`;
