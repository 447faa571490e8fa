import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { type Chrono, casual } from 'chrono-node/en';
import { findDateMentions } from '@/lib/article/dates';
import { chrono } from '@/lib/article/dates/chrono-parser';
import { chronoWindows } from '@/lib/article/dates/windows';
import type { DateMention } from '@/lib/article/types';
import { fixturePath } from '../support/fixtures';

const PUB = '2025-10-16';

/** The single mention found in `text`, checked to point at its own span. */
function only(text: string, published: string | null = PUB): DateMention {
  const found = findDateMentions(text, published);
  expect(found, `${text} → ${JSON.stringify(found)}`).toHaveLength(1);
  const [mention] = found;
  if (!mention) throw new Error('unreachable');
  expect(text.slice(mention.start, mention.end)).toBe(mention.text);
  return mention;
}

const pick = ({ text, value, precision }: DateMention) => ({ text, value, precision });

describe('findDateMentions against a publication day (Thursday 2025-10-16)', () => {
  it.each([
    ['Trump announced on Oct. 16.', 'Oct. 16', '2025-10-16', 'day'],
    ['They last spoke on Aug. 18, after the meetings.', 'Aug. 18', '2025-08-18', 'day'],
    ['He will meet Zelensky on Oct. 17.', 'Oct. 17', '2025-10-17', 'day'],
    ['In April, parliament voted to leave the court.', 'April', '2025-04', 'month'],
    ['A warrant was issued in 2023 over the abductions.', '2023', '2023', 'year'],
    ['He said in September that Ukraine could win.', 'September', '2025-09', 'month'],
    ['Talks will resume next April.', 'next April', '2026-04', 'month'],
    ['The vote happened last May.', 'last May', '2025-05', 'month'],
    ['The summit is planned for next week.', 'next week', '2025-W43', 'week'],
    ['Sales fell last year.', 'last year', '2024', 'year'],
    ['The ministry said yesterday that talks stalled.', 'yesterday', '2025-10-15', 'day'],
    ['Officials met on Tuesday to discuss the deal.', 'Tuesday', '2025-10-14', 'day'],
    ['The leaders will meet on Tuesday in Budapest.', 'Tuesday', '2025-10-21', 'day'],
    ['The statement came on Thursday.', 'Thursday', '2025-10-16', 'day'],
    ['The blast happened at 3 p.m. near the station.', '3 p.m.', '2025-10-16', 'day'],
    ['Profit rose in the third quarter.', 'third quarter', '2025', 'year'],
    ['The deal closed on Sept. 27, 1989.', 'Sept. 27, 1989', '1989-09-27', 'day'],
    ['Prices are currently rising.', 'currently', '2025-10-16', 'day'],
    ['Since Jan. 20, the administration has issued 200 orders.', 'Jan. 20', '2025-01-20', 'day'],
    ['A deal could come as soon as Tuesday.', 'Tuesday', '2025-10-21', 'day'],
    ['Elections will be held in December.', 'December', '2025-12', 'month'],
    ['Elections were held in December.', 'December', '2024-12', 'month'],
    ['The thrift announced the plan Aug. 21.', 'Aug. 21', '2025-08-21', 'day'],
  ])('%s', (text, mentionText, value, precision) => {
    expect(pick(only(text))).toEqual({ text: mentionText, value, precision });
  });

  it('splits a range into its two ends', () => {
    const text = 'Shares were bought from Aug. 26 to Oct. 20, 1989.';
    expect(findDateMentions(text, '1989-10-30').map(pick)).toEqual([
      { text: 'Aug. 26', value: '1989-08-26', precision: 'day' },
      { text: 'Oct. 20, 1989', value: '1989-10-20', precision: 'day' },
    ]);
  });

  it('crosses a year boundary backwards from early January', () => {
    const pub = '2025-01-03';
    expect(only('It was signed on Dec. 30.', pub).value).toBe('2024-12-30');
    expect(only('It was signed in December.', pub).value).toBe('2024-12');
    expect(only('It was signed last week.', pub).value).toBe('2024-W52');
  });

  it('takes the calendar day written in a full ISO publication timestamp', () => {
    expect(only('It rained yesterday.', '2025-10-16T23:30:00-05:00').value).toBe('2025-10-15');
  });
});

describe('what is not a date', () => {
  it.each([
    'Some 2,000 troops were sent.',
    'About 2000 troops were sent.',
    'Output reached 1500 tons.',
    'Earnings were $1.35 a share.',
    'The stock rose 3/8 to 12 3/4.',
    'Crowds will march on the capital.',
    'In the 1990s the city grew.',
    'The fall of Saigon changed everything.',
    'He read it in the Sun, Sat. edition.',
    'The now-defunct firm, according to USA Today, failed.',
    'Security Council Resolution 2024 and Flight 1549.',
    'The 2000-page annex was leaked.',
  ])('%s', (text) => {
    expect(findDateMentions(text, PUB)).toEqual([]);
  });
});

describe('impossible and absurd dates', () => {
  const isRealValue = (m: DateMention): boolean => {
    const parts = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2}))?$/.exec(m.value);
    if (!parts) return false;
    const [, y, mo, d] = parts;
    if (d === undefined) return true;
    const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
    return date.getUTCMonth() + 1 === Number(mo) && date.getUTCDate() === Number(d);
  };

  it.each([
    'The file is dated 2025-13-45.',
    'It was due on Feb. 30.',
    'It was due on Feb. 30, 2024.',
    'Not before Dec. 31, 9999.',
    'Since Jan. 1, 0001.',
    'In the year 99999 nothing happens.',
    'On 31/31/2031 nothing happens.',
  ])('%s', (text) => {
    expect(findDateMentions(text, PUB)).toEqual([]);
    for (const published of [null, 'not a date', '2025-02-30', '9999-12-31', '0001-01-01']) {
      const found = findDateMentions(text, published);
      for (const m of found) {
        expect(isRealValue(m), JSON.stringify(m)).toBe(true);
        expect(m.value).not.toMatch(/^(?:9999|0001)/);
      }
    }
  });

  it('rejects the impossible day and keeps the real one', () => {
    expect(findDateMentions('Feb. 29, 2023 and Feb. 29, 2024.', PUB).map((m) => m.value)).toEqual([
      '2024-02-29',
    ]);
  });
});

describe('without a publication day', () => {
  it('keeps only dates whose year is written', () => {
    const text = 'Yesterday, on Tuesday, in April, talks of Oct. 16, 2024 recalled 2023.';
    expect(findDateMentions(text, null).map(pick)).toEqual([
      { text: 'Oct. 16, 2024', value: '2024-10-16', precision: 'day' },
      { text: '2023', value: '2023', precision: 'year' },
    ]);
  });

  it('treats an unreadable publication date as none', () => {
    expect(findDateMentions('It rained yesterday.', 'last Tuesday')).toEqual([]);
  });
});

describe('offsets', () => {
  it('point exactly at the text of every mention', () => {
    const text =
      'On Friday, Oct. 23, at 10 p.m., and again last week, next April, in 2023, the third ' +
      'quarter, last fall, Christmas and yesterday — “Nov. 6”.\nAlso: Aug. 26 to Oct. 20, 1989.';
    const found = findDateMentions(text, PUB);
    expect(found.length).toBeGreaterThan(10);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
    for (let i = 1; i < found.length; i++) {
      expect(found[i]?.start ?? 0).toBeGreaterThanOrEqual(found[i - 1]?.end ?? 0);
    }
  });
});

const page = fixturePath('pages', 'budapest-summit.html');

describe('the Budapest summit article', () => {
  interface Expected {
    published: string;
    dates: { must: { text: string; date: string }[]; mustNot: { text: string; date: string }[] };
  }
  const expected = JSON.parse(
    readFileSync(page.replace(/\.html$/, '.expected.json'), 'utf8'),
  ) as Expected;
  const doc = new JSDOM(readFileSync(page, 'utf8')).window.document;
  const body = [...doc.querySelectorAll('article .article-body p')]
    .map((p) => p.textContent.trim())
    .join('\n\n');
  const found = findDateMentions(body, expected.published);

  it.each(expected.dates.must)('finds $text as $date', ({ text, date }) => {
    expect(found.map((m) => ({ text: m.text, value: m.value }))).toContainEqual({
      text,
      value: date,
    });
  });

  it('reports nothing from outside the body text', () => {
    for (const { date } of expected.dates.mustNot) {
      expect(found.map((m) => m.value)).not.toContain(date);
    }
  });

  it('invents no other dates in the body', () => {
    expect(found.length).toBeLessThanOrEqual(expected.dates.must.length + 2);
  });
});

describe('chrono only on windows, with lowered patterns', () => {
  const ref = new Date(2025, 9, 16, 12);
  const results = (c: Chrono, text: string) =>
    c.parse(text, ref).map((r) => ({
      index: r.index,
      text: r.text,
      start: r.start.date().toISOString(),
      end: r.end?.date().toISOString(),
      tags: [...r.tags()].sort(),
    }));

  it.each([
    'On MONDAY, Oct. 16 At 3:59 PM EST they met; Last Night and This Morning too.',
    'Within Two Weeks, 5 Days Ago, in A Few Hours, 3 YEARS LATER, Next Month.',
    'The Twenty-First Of May 2020 to June 3rd, 1999-12-31T10:00Z and 12/05/2020.',
    'The End Of The Month, Tomorrow Noon, the Weekend, 9 In The Morning, Sept. 5.',
  ])('matches exactly what chrono itself finds in %s', (text) => {
    expect(results(chrono, text)).toEqual(results(casual, text));
  });

  const filler = 'The company said its people were told about the plans by the ministers. '.repeat(
    6,
  );
  it.each([
    'Talks resumed on Oct. 14, 2025 at 9:30 a.m.',
    'He left three weeks ago and returns in 5 days.',
    'They met last night, then again on Friday morning.',
    'Prices fell in the money markets in March.',
    'The vote is set for 12/05/2025, or May 3rd.',
  ])('finds the same mentions in %s amid long text', (sentence) => {
    const alone = findDateMentions(sentence, PUB);
    const embedded = findDateMentions(`${filler}${sentence} ${filler}`, PUB);
    expect(
      embedded.map((m) => ({ ...m, start: m.start - filler.length, end: m.end - filler.length })),
    ).toEqual(alone);
  });

  it('gives chrono every stretch where it could find a date, and little else', () => {
    const text = `${filler}Sales rose 12.000 units. ${filler}It ended on Oct. 3. ${filler}`;
    const windows = chronoWindows(text);
    expect(windows).toHaveLength(1);
    const [[start, end] = [0, 0]] = windows;
    expect(text.slice(start, end)).toContain('Oct. 3');
    expect(end - start).toBeLessThan(300);
  });
});
