import type * as v from 'valibot';
import { isHttpUrl, isRealDay } from '../model/fields';

/** Why one record of an import file was left out, and where it is in the file. */
export interface SkippedItem {
  /** A path into the file, e.g. `annotations[12].selectors.quote.exact`. */
  where: string;
  /** What is wrong, e.g. `expected a string`. */
  reason: string;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  literal: '',
  picklist: '',
  variant: '',
};

function kindOf(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  return typeof input === 'object' ? 'an object' : `a ${typeof input}`;
}

/**
 * A short sentence for a valibot issue, in the reader's terms rather than valibot's. The model's
 * own messages are for developers (a refused message quotes them); a reader gets these.
 */
export function describeIssue(issue: v.BaseIssue<unknown>): string {
  if (issue.kind === 'schema') {
    if (issue.input === undefined) return 'missing';
    const name = TYPE_NAMES[issue.type];
    const expected = name === undefined || name === '' ? (issue.expected ?? 'another value') : name;
    return `expected ${expected}, found ${kindOf(issue.input)}`;
  }
  switch (issue.type) {
    case 'max_length':
      return Array.isArray(issue.input)
        ? `more than ${String(issue.requirement)} items`
        : `longer than ${String(issue.requirement)} characters`;
    case 'min_length':
      return issue.requirement === 1 ? 'must not be empty' : issue.message;
    case 'iso_timestamp':
      return 'expected an ISO 8601 time such as 2026-01-02T03:04:05.000Z';
    case 'uuid':
      return 'expected a UUID';
    case 'check':
      if (issue.requirement === isHttpUrl) return 'expected an absolute http(s) URL';
      return issue.requirement === isRealDay ? 'no such day in the calendar' : issue.message;
    case 'min_value':
      return `must be at least ${String(issue.requirement)}`;
    case 'integer':
      return 'expected a whole number';
    default:
      return issue.message;
  }
}

/** Where an issue is, below the record at `base` (e.g. `annotations[3]`). */
export function issuePath(base: string, issue: v.BaseIssue<unknown>): string {
  let path = base;
  for (const item of issue.path ?? []) {
    const key: unknown = item.key;
    path += typeof key === 'number' ? `[${String(key)}]` : `.${String(key)}`;
  }
  return path;
}

/** The first issue of a failed parse as a skipped item. */
export function skippedFromIssues(
  base: string,
  issues: readonly v.BaseIssue<unknown>[],
): SkippedItem {
  const issue = issues[0];
  if (!issue) return { where: base, reason: 'invalid' };
  return { where: issuePath(base, issue), reason: describeIssue(issue) };
}
