import * as v from 'valibot';
import {
  describeIssues,
  protocol,
  RequestEnvelopeSchema,
  type MessagesTo,
  type Receiver,
  type RequestOf,
  type ResponseEnvelope,
  type ResponseOf,
} from './protocol';
import { senderMayUse, type Sender } from './sender';

/** One handler per message a side receives; each gets a payload that was already validated. */
export type Handlers<R extends Receiver> = {
  [K in MessagesTo<R>]: (payload: RequestOf<K>, sender: Sender) => Promise<ResponseOf<K>>;
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
export function createRouter<R extends Receiver>(receiver: R, handlers: Handlers<R>) {
  return async function route(raw: unknown, sender: Sender): Promise<ResponseEnvelope> {
    const envelope = v.safeParse(RequestEnvelopeSchema, raw);
    if (!envelope.success) return fail(`Rejected message: ${describeIssues(envelope.issues)}`);
    const type = envelope.output.type;
    const spec = protocol[type];
    if (spec.to !== receiver) return fail(`Rejected message: ${type} is not for the ${receiver}`);
    if (!senderMayUse(sender, spec.from)) {
      return fail(`Rejected message: ${type} may only be sent from ${spec.from} code`);
    }
    const payload = v.safeParse(spec.request, envelope.output.payload);
    if (!payload.success) return fail(`Rejected ${type}: ${describeIssues(payload.issues)}`);
    try {
      // The map guarantees the handler and payload belong to the same message type.
      const handler = (handlers as Record<string, (p: unknown, s: Sender) => Promise<unknown>>)[
        type
      ];
      if (!handler) return fail(`Rejected message: ${type} has no handler here`);
      return { ok: true, value: await handler(payload.output, sender) };
    } catch (error) {
      return fail(messageOf(error));
    }
  };
}
