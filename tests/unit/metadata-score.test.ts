import { describe, expect, it } from 'vitest';
import { labelledDay, scorePublished } from '@/scripts/metadata/score';

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
});
