import * as v from 'valibot';
import {
  describeIssues,
  protocol,
  ResponseEnvelopeSchema,
  type MessageType,
  type RequestOf,
  type ResponseOf,
} from './protocol';

/** Raised when the other end refused a message or answered with something off-protocol. */
export class MessageError extends Error {
  override name = 'MessageError';
}

/** Sends one raw message and resolves with the raw reply (runtime.sendMessage, in practice). */
export type Transport = (message: unknown) => Promise<unknown>;

/** A typed request function over a transport; responses are validated before they are returned. */
export type Client = <K extends MessageType>(
  type: K,
  payload: RequestOf<K>,
) => Promise<ResponseOf<K>>;

/** Creates the sending end of the protocol. */
export function createClient(send: Transport): Client {
  return async function request(type, payload) {
    const raw = await send({ type, payload });
    const envelope = v.safeParse(ResponseEnvelopeSchema, raw);
    if (!envelope.success) {
      throw new MessageError(`Malformed reply to ${type}: ${describeIssues(envelope.issues)}`);
    }
    if (!envelope.output.ok) throw new MessageError(envelope.output.error);
    const value = v.safeParse(protocol[type].response, envelope.output.value);
    if (!value.success) {
      throw new MessageError(`Malformed reply to ${type}: ${describeIssues(value.issues)}`);
    }
    return value.output;
  };
}
