import { describe, expect, it } from 'vitest';
import { parseByline } from '@/lib/article/metadata/byline';

const hints = { siteName: 'Example', hostKey: 'example' };

describe('byline parsing', () => {
  it('does not take dates, labels or language links for names', () => {
    expect(parseByline('February 24, 2020', hints)).toEqual([]);
    expect(parseByline('Artikel von', hints)).toEqual([]);
    expect(parseByline('About the Author', hints)).toEqual([]);
    expect(parseByline('English', hints)).toEqual([]);
  });

  it('keeps first names that look like months', () => {
    expect(parseByline('Jan', hints)).toEqual(['Jan']);
    expect(parseByline('By April Roach', hints)).toEqual(['April Roach']);
  });

  it('reads the name from a profile link text', () => {
    expect(parseByline('Zum Profil von jesusfreak', hints)).toEqual(['jesusfreak']);
  });
});
