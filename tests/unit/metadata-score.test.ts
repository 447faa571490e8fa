import { describe, expect, it } from 'vitest';
import { labelledDay, pageWritesDay, scorePublished } from '../support/metadata-score';

describe('published-day scoring', () => {
  it('reads an impossible month as a YYYY-DD-MM label and leaves possible labels alone', () => {
    expect(labelledDay('2022-29-11')).toBe('2022-11-29');
    expect(labelledDay('2022-11-29')).toBe('2022-11-29');
    expect(labelledDay('2022-05-06')).toBe('2022-05-06');
    expect(labelledDay('2022-13-14')).toBe('2022-13-14');
  });

  it('counts the written day or the UTC day, and wants no date where the label has none', () => {
    expect(scorePublished('2022-11-29T08:00:00+01:00', '2022-29-11')).toBe(true);
    expect(scorePublished('2022-11-06T23:00:00-02:00', '2022-11-07')).toBe(true);
    expect(scorePublished('2022-11-06', '2022-11-07')).toBe(false);
    expect(scorePublished(null, '2022-11-07')).toBe(false);
    expect(scorePublished(null, null)).toBe(true);
    expect(scorePublished('2022-11-06', null)).toBe(false);
  });

  it('tells whether a page writes a day in its text, its markup or its URL', () => {
    const url = 'https://x.example/news/story';
    expect(pageWritesDay('<p>x</p>', 'Am 3. Februar 2022 um 21:17', url, '2022-02-03', 'de')).toBe(
      true,
    );
    expect(pageWritesDay('<time datetime="2022-02-03T20:17">', '', url, '2022-02-03', 'de')).toBe(
      true,
    );
    expect(pageWritesDay('', '', 'https://x.example/2022/02/03/story', '2022-02-03', null)).toBe(
      true,
    );
    expect(pageWritesDay('<p>x</p>', 'Am 3. Februar 2022', url, '2022-02-04', 'de')).toBe(false);
  });
});
