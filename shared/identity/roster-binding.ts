// Which roster entry is this workstation's expert (issue: roster binding on import). An entry that
// carries the local key is the expert; where the roster has no keys, the expert picks an entry
// and the local key is bound into every score file; an entry with another key is never theirs.
import type { Expert } from '../round/schema';

export type RosterBinding =
  | { kind: 'roster-key'; expertId: string }
  | { kind: 'choose'; candidates: { id: string; name: string }[]; othersKeyed: { id: string; name: string }[] };

export function rosterBinding(experts: readonly Pick<Expert, 'id' | 'name' | 'publicKey'>[], localPublicKey: string): RosterBinding {
  const mine = experts.find((expert) => expert.publicKey === localPublicKey);
  if (mine !== undefined) return { kind: 'roster-key', expertId: mine.id };
  return {
    kind: 'choose',
    candidates: experts.filter((expert) => expert.publicKey === undefined).map(({ id, name }) => ({ id, name })),
    othersKeyed: experts.filter((expert) => expert.publicKey !== undefined).map(({ id, name }) => ({ id, name })),
  };
}

export type BindingRefusal = { reason: 'unknown-expert' } | { reason: 'roster-key-differs'; rosterKey: string };

/** Null when the local key may score as `expertId`, else why not. */
export function bindingRefusal(experts: readonly Pick<Expert, 'id' | 'publicKey'>[], expertId: string, localPublicKey: string): BindingRefusal | null {
  const expert = experts.find((candidate) => candidate.id === expertId);
  if (expert === undefined) return { reason: 'unknown-expert' };
  if (expert.publicKey !== undefined && expert.publicKey !== localPublicKey) return { reason: 'roster-key-differs', rosterKey: expert.publicKey };
  return null;
}
