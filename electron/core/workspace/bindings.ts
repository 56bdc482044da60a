// The roster entry this workstation's expert scores as, per round (migration 003). Bound at once
// when an entry carries the local key; otherwise the expert chooses among entries without a key.
import type { BindingView } from '../../../shared/api/contract';
import type { BundlePayload } from '../../../shared/bundle/manifest';
import { bindingRefusal, rosterBinding } from '../../../shared/identity/roster-binding';
import type { PublicIdentity } from '../../../shared/keys';
import { decodePublicKey, fingerprintOf } from '../keys/fingerprint';
import type { Db } from '../store/database';
import { RequestError } from './errors';

function store(db: Db, roundId: string, expertId: string, publicKey: string): void {
  db.prepare(
    `INSERT INTO round_bindings (round_id, expert_id, public_key, bound_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (round_id) DO UPDATE SET expert_id = excluded.expert_id, public_key = excluded.public_key, bound_at = excluded.bound_at`,
  ).run(roundId, expertId, publicKey, new Date().toISOString());
}

export function currentBinding(db: Db, payload: BundlePayload, identity: PublicIdentity | undefined): BindingView {
  if (identity === undefined) return { state: 'no-identity' };
  const roundId = payload.round.id;
  const decision = rosterBinding(payload.experts, identity.publicKey);
  if (decision.kind === 'roster-key') {
    store(db, roundId, decision.expertId, identity.publicKey);
    const expert = payload.experts.find((candidate) => candidate.id === decision.expertId)!;
    return { state: 'bound', expertId: expert.id, expertName: expert.name, how: 'roster-key' };
  }
  const row = db.prepare('SELECT expert_id AS expertId, public_key AS publicKey FROM round_bindings WHERE round_id = ?').get(roundId) as { expertId: string; publicKey: string } | undefined;
  if (row !== undefined && row.publicKey === identity.publicKey && bindingRefusal(payload.experts, row.expertId, identity.publicKey) === null) {
    const expert = payload.experts.find((candidate) => candidate.id === row.expertId)!;
    return { state: 'bound', expertId: expert.id, expertName: expert.name, how: 'chosen' };
  }
  return { state: 'choose', candidates: decision.candidates, othersKeyed: decision.othersKeyed };
}

export function bindExpert(db: Db, payload: BundlePayload, identity: PublicIdentity | undefined, expertId: string): BindingView {
  if (identity === undefined) throw new RequestError('no-identity', 'create your expert identity first');
  const refusal = bindingRefusal(payload.experts, expertId, identity.publicKey);
  if (refusal?.reason === 'unknown-expert') throw new RequestError('unknown-expert', `expert "${expertId}" is not in the roster of this round`);
  if (refusal?.reason === 'roster-key-differs') {
    const rosterKey = decodePublicKey(refusal.rosterKey);
    throw new RequestError(
      'roster-key-differs',
      `the roster's key for expert "${expertId}" is ${rosterKey ? fingerprintOf(rosterKey) : refusal.rosterKey}, not this workstation's key ${identity.fingerprint}: scoring as that expert is refused`,
    );
  }
  store(db, payload.round.id, expertId, identity.publicKey);
  return currentBinding(db, payload, identity);
}
