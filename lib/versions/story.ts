import { foldString } from '../anchoring/fold';
import { hashText } from './codec';

/**
 * The hash of a story as a reader reads it: its headline and body text, folded (white space and
 * typography set aside). Two visits whose stories hash alike saw the same story, whatever
 * changed around it on the page.
 */
export function storyHash(headline: string | null, body: string): Promise<string> {
  return hashText(`${foldString(headline ?? '')}\n${foldString(body)}`);
}
