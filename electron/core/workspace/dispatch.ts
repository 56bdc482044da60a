// Validates a call from the renderer (any host) and runs its handler; the answer is always an
// envelope, never an exception, so every host reports failures the same way.
import type { CallEnvelope } from '../../../shared/api/bridge';
import { apiRequests, isChannel, type ApiHandlers, type Channel, type RequestOf } from '../../../shared/api/contract';
import { zodProblems } from '../../../shared/zod-problems';
import { describeError } from './errors';

export async function dispatch(handlers: ApiHandlers, channel: string, request: unknown): Promise<CallEnvelope> {
  if (!isChannel(channel)) return { ok: false, error: { code: 'unknown-call', message: `unknown call "${channel}"` } };
  const parsed = apiRequests[channel].safeParse(request ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'bad-request', message: `invalid request for ${channel}`, problems: zodProblems(parsed.error, request) } };
  }
  try {
    const handler = handlers[channel] as (request: RequestOf<Channel>) => Promise<unknown>;
    return { ok: true, result: await handler(parsed.data as RequestOf<Channel>) };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}
