import { describe, expect, it } from 'vitest';
import { changeSentence } from '@/components/PageView';
import type { AnnotationRecord } from '@/lib/model';
import { changedSince, changeSinceMarked, marksOf } from '@/lib/versions/changes';

const upTo = (newest: number) => ({ newest, stories: new Map<number, string>() });

function note(
  version: number | undefined,
  status: 'anchored' | 'changed' | 'orphan',
): AnnotationRecord {
  return {
    id: crypto.randomUUID(),
    articleUrl: 'https://news.example.com/a',
    kind: 'highlight',
    selectors: { quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' } },
    quote: 'x',
    note: '',
    status: null,
    evidence: [],
    tags: [],
    color: 'yellow',
    createdAt: '2026-01-01T00:00:00.000Z',
    modifiedAt: '2026-01-01T00:00:00.000Z',
    articleModified: null,
    anchoring: { status, text: null, checkedAt: '2026-01-01T00:00:00.000Z' },
    ...(version === undefined ? {} : { version }),
  };
}

describe('a story that changed since the reader marked it', () => {
  it('counts the passages made on an older version that changed or are gone', () => {
    const notes = [note(1, 'anchored'), note(1, 'orphan'), note(1, 'changed'), note(2, 'changed')];
    expect(changeSinceMarked(notes, upTo(2))).toEqual({ newest: 2, markedOn: 1, affected: 2 });
    expect(changeSinceMarked(notes, upTo(3))).toEqual({ newest: 3, markedOn: 1, affected: 3 });
  });

  it('says nothing when no note is older than the newest version, or none names one', () => {
    expect(changeSinceMarked([note(2, 'orphan')], upTo(2))).toBeNull();
    expect(changeSinceMarked([note(undefined, 'orphan')], upTo(4))).toBeNull();
    expect(changeSinceMarked([note(1, 'orphan')], null)).toBeNull();
  });

  it('tells an edited story from a page that changed only around it', () => {
    const [a, b] = ['a'.repeat(64), 'b'.repeat(64)];
    // Versions 1 and 3 tell the same story; 2 another; 4 is from before stories were hashed.
    const marks = marksOf([
      { n: 1, story: a },
      { n: 2, story: b },
      { n: 3, story: a },
    ]);
    expect(marks).toEqual({
      newest: 3,
      stories: new Map([
        [1, a],
        [2, b],
        [3, a],
      ]),
    });
    expect(changedSince(1, marks)).toBe(false);
    expect(changedSince(2, marks)).toBe(true);
    expect(changedSince(3, marks)).toBe(false);
    expect(changedSince(undefined, marks)).toBe(false);
    expect(changeSinceMarked([note(1, 'changed')], marks)).toBeNull();
    expect(changeSinceMarked([note(2, 'changed')], marks)).toEqual({
      newest: 3,
      markedOn: 2,
      affected: 1,
    });
    // Where a story is unknown, the page's text decides, as before stories were hashed.
    const older = marksOf([{ n: 1 }, { n: 2, story: a }]);
    expect(changedSince(1, older)).toBe(true);
    expect(marksOf([])).toBeNull();
  });

  it('says so in a sentence', () => {
    expect(changeSentence({ newest: 2, markedOn: 1, affected: 3 })).toBe(
      'This story changed since you marked it (3 passages affected).',
    );
    expect(changeSentence({ newest: 2, markedOn: 1, affected: 1 })).toBe(
      'This story changed since you marked it (1 passage affected).',
    );
    expect(changeSentence({ newest: 2, markedOn: 1, affected: 0 })).toBe(
      'This story changed since you marked it (your passages are all still there).',
    );
  });
});
