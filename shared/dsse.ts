// DSSE envelope (https://github.com/secure-systems-lab/dsse) as used by bundles and score files.
import { z } from 'zod';

const base64 = z
  .string()
  .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'expected padded standard base64');

export const dsseEnvelopeSchema = z.looseObject({
  payloadType: z.string().min(1),
  payload: base64,
  signatures: z
    .array(z.looseObject({ keyid: z.string(), sig: base64 }))
    .min(1, 'expected at least one signature'),
});

export type DsseEnvelope = z.infer<typeof dsseEnvelopeSchema>;
