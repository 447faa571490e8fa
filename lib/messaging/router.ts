import * as v from 'valibot';
import {
  describeIssues,
  protocol,
  RequestEnvelopeSchema,
  type MessageType,
  type RequestOf,
  type ResponseEnvelope,
  type ResponseOf,
} from './protocol';
import { senderMayUse, type Sender } from './sender';

/** One handler per message; each receives a payload that has already been validated. */
export type Handlers = {
  [K in MessageType]: (payload: RequestOf<K>, sender: Sender) => Promise<ResponseOf<K>>;
};

function fail(error: string): ResponseEnvelope {
  return { ok: false, error };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Builds the receiving end of the protocol: rejects unknown, malformed or unauthorised
 * messages with an error envelope, and never throws.
 */
export function createRouter(handlers: Handlers) {
  return async function route(raw: unknown, sender: Sender): Promise<ResponseEnvelope> {
    const envelope = v.safeParse(RequestEnvelopeSchema, raw);
    if (!envelope.success) return fail(`Rejected message: ${describeIssues(envelope.issues)}`);
    const type = envelope.output.type;
    const spec = protocol[type];
    if (!senderMayUse(sender, spec.from)) {
      return fail(`Rejected message: ${type} may only be sent from ${spec.from} code`);
    }
    const payload = v.safeParse(spec.request, envelope.output.payload);
    if (!payload.success) return fail(`Rejected ${type}: ${describeIssues(payload.issues)}`);
    try {
      // The map guarantees the handler and payload belong to the same message type.
      const handler = handlers[type] as (p: unknown, s: Sender) => Promise<unknown>;
      return { ok: true, value: await handler(payload.output, sender) };
    } catch (error) {
      return fail(messageOf(error));
    }
  };
}
