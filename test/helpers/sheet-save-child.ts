// Saves sheets in a loop until it is killed: the autosave of the review screen, as fast as it
// goes. After `ready`, every save that returned is reported on stdout as `saved <applicant> <n>`
// (written synchronously, so a line is out before the next save starts). Drafts alternate between
// small and large (a comment of up to 40,000 characters spans several database pages).
import { writeSync } from 'node:fs';
import { storedPayload } from '../../electron/core/store/round-repository';
import { openWorkstation } from '../../electron/core/store/workstation';
import { saveSheet } from '../../electron/core/workspace/sheets';
import { applicantRubric } from '../../shared/round/lookup';
import { draftForSave } from './sheet-save-drafts';

const [dataDir, roundId, applicantList] = process.argv.slice(2) as [string, string, string];
const applicants = applicantList.split(',');
const workstation = await openWorkstation(dataDir);
const payload = storedPayload(workstation.db, roundId);
if (payload === undefined) throw new Error(`no round ${roundId}`);
const rubrics = new Map(applicants.map((id) => [id, applicantRubric(payload, id)!]));
writeSync(1, 'ready\n');
for (let n = 1; ; n += 1) {
  const applicantId = applicants[n % applicants.length]!;
  saveSheet(workstation.db, roundId, applicantId, rubrics.get(applicantId)!, draftForSave(n));
  writeSync(1, `saved ${applicantId} ${n}\n`);
  // Let the event loop turn now and then, as the app's does between keystrokes.
  if (n % 25 === 0) await new Promise((resolve) => setImmediate(resolve));
}
