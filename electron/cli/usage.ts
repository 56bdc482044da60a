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
  reviewdesk round templates                list the round templates
  reviewdesk round new --template ID --id ROUND_ID --title TITLE --out DIR [--organizer O] [--stage S] [--scoring-closes DATE]
  reviewdesk round add-applicants DIR --from FOLDER|LIST.xlsx|LIST.csv [--category ID]
  reviewdesk round add-experts DIR --name NAME [--id E01] [--pub FILE.pub] [--assign ID,ID]…
  reviewdesk round add-experts DIR --pub FILE.pub… [--assign ID,ID]… | --from LIST.xlsx|LIST.csv
  reviewdesk round assign DIR --expert E01 --to ID,ID [--replace]
  reviewdesk round facts DIR --applicant A001 --set KEY=VALUE…
  reviewdesk round check DIR [--json]        every problem pack would refuse, and warnings
  reviewdesk round list-template DIR --out LIST.xlsx   the applicant list to fill in Excel

Passphrases come from REVIEWDESK_PASSPHRASE when it is set, else from a prompt.
Exit codes: 0 done; 1 rejected input (the message names the file, the entry and what is wrong);
2 usage error.`;
