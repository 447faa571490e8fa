import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { findDatesInText } from '@/lib/article/metadata/dates';
import { dateLineIn } from '@/lib/article/metadata/dates-line';
import { monthFromUrl, nearMidnightDay } from '@/lib/article/metadata/dates-page';
import { extractMetadata } from '@/lib/article/metadata/index';

const NOW = Date.parse('2025-10-20T00:00:00Z');
const docOf = (html: string, url: string): Document => new JSDOM(html, { url }).window.document;
const ld = (date: string): string =>
  `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"A story","datePublished":"${date}"}</script>`;

describe('published dates', () => {
  it('drops a JSON-LD date the page never shows', () => {
    const doc = docOf(
      `<html><head>${ld('2025-10-09T10:00:00Z')}</head><body><h1>A story</h1><p>${'Words. '.repeat(40)}</p></body></html>`,
      'https://x.example/a',
    );
    expect(extractMetadata(doc, 'https://x.example/a', { now: NOW }).published).toBeNull();
  });

  it('keeps a JSON-LD date whose day is written on the page', () => {
    const url = 'https://x.example/a';
    const doc = docOf(
      `<html><head>${ld('2025-10-09T10:00:00Z')}</head><body><h1>A story</h1>\n<p>9 October 2025</p></body></html>`,
      url,
    );
    expect(extractMetadata(doc, url, { now: NOW }).published).toBe('2025-10-09T10:00:00Z');
  });

  it('keeps a declared date when the date line by the headline shows its numbers in a form no pattern reads', () => {
    const url = 'https://x.example/a';
    const doc = docOf(
      `<html lang="pl"><head>${ld('2020-11-30T10:00:00Z')}</head><body><h1>A story</h1><p>Opublikowano 30.XI.2020</p><p>${'Words. '.repeat(40)}</p></body></html>`,
      url,
    );
    expect(extractMetadata(doc, url, { now: NOW }).published).toBe('2020-11-30T10:00:00Z');
    // Another day's numbers are no backing.
    const other = docOf(
      `<html lang="pl"><head>${ld('2020-11-30T10:00:00Z')}</head><body><h1>A story</h1><p>Opublikowano 29.XI.2020</p><p>${'Words. '.repeat(40)}</p></body></html>`,
      url,
    );
    expect(extractMetadata(other, url, { now: NOW }).published).toBeNull();
  });

  it('keeps the protection of recipe and product pages: numbers by the title back no meta date', () => {
    const url = 'https://x.example/kuchen';
    const recipe = `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Recipe","name":"Kuchen"}</script>`;
    const meta = '<meta property="article:published_time" content="2019-07-04T11:23:38">';
    const doc = docOf(
      `<html lang="de"><head>${recipe}${meta}</head><body><h1>Kuchen</h1><p>Für 4 Personen · Backbuch 2019</p></body></html>`,
      url,
    );
    expect(extractMetadata(doc, url, { now: NOW }).published).toBeNull();
    const shop = docOf(
      `<html lang="de"><head><meta property="og:type" content="product">${meta}</head><body><h1>Kuchenform</h1><p>4 Stück, Modell 2019</p></body></html>`,
      url,
    );
    expect(extractMetadata(shop, url, { now: NOW }).published).toBeNull();
  });

  it('falls back on a date in the URL, and gives null on a page with no date at all', () => {
    const none = 'Some words about nothing in particular. '.repeat(20);
    for (const [url, want] of [
      ['https://x.example/2020/11/30/a-story/', '2020-11-30'],
      ['https://x.example/news/20201130/a-story', '2020-11-30'],
      ['https://x.example/news/a-story-2020-11-30.html', '2020-11-30'],
      ['https://x.example/news/a-story.html', null],
    ] as const) {
      const doc = docOf(`<html><body><h1>A story</h1><p>${none}</p></body></html>`, url);
      expect(extractMetadata(doc, url, { now: NOW }).published).toBe(want);
    }
  });

  it('reads the modified date from the same declared sources, never before the published one', () => {
    const url = 'https://x.example/a';
    const head = (modified: string): string =>
      `${ld('2020-11-30T10:00:00Z')}<meta property="og:updated_time" content="${modified}">`;
    const body = '<body><h1>A story</h1><p>30 November 2020</p></body>';
    const later = docOf(`<html><head>${head('2020-12-02T08:00:00Z')}</head>${body}</html>`, url);
    expect(extractMetadata(later, url, { now: NOW }).modified).toBe('2020-12-02T08:00:00Z');
    const earlier = docOf(`<html><head>${head('2020-11-01T08:00:00Z')}</head>${body}</html>`, url);
    expect(extractMetadata(earlier, url, { now: NOW }).modified).toBeNull();
  });

  it('keeps a JSON-LD date shown only as an age, or matching the URL month', () => {
    const a = 'https://x.example/a';
    const aged = docOf(
      `<html><head>${ld('2025-10-09T10:00:00Z')}</head><body><h1>A story</h1><p>vor 11 Minuten</p></body></html>`,
      a,
    );
    expect(extractMetadata(aged, a, { now: NOW }).published).toBe('2025-10-09T10:00:00Z');
    const b = 'https://x.example/2025/10/a-story/';
    const byUrl = docOf(
      `<html><head>${ld('2025-10-09')}</head><body><h1>A story</h1></body></html>`,
      b,
    );
    expect(extractMetadata(byUrl, b, { now: NOW }).published).toBe('2025-10-09');
  });

  it('takes the written day for a time stored near midnight in another zone', () => {
    const url = 'https://x.example/a';
    const doc = docOf(
      `<html><head>${ld('2025-10-08T22:04:00Z')}</head><body><h1>A story</h1><p>09.10.2025</p></body></html>`,
      url,
    );
    expect(extractMetadata(doc, url, { now: NOW }).published).toBe('2025-10-09');
  });

  it('writes a UTC time near midnight in the zone the page states for the same instant', () => {
    const url = 'https://x.example/2025/10/a-story/';
    const meta = '<meta property="article:published_time" content="2025-10-09T00:30:00+02:00">';
    const doc = docOf(
      `<html><head>${ld('2025-10-08T22:30:00Z')}${meta}</head><body><h1>A story</h1></body></html>`,
      url,
    );
    expect(extractMetadata(doc, url, { now: NOW }).published).toBe('2025-10-09T00:30:00+02:00');
    // The same instant as local time without an offset, six hours behind.
    const local = docOf(
      `<html><head>${ld('2025-10-09T05:30:59Z')}</head><body><h1>A story</h1><time datetime="2025-10-08 23:30:59">Oct 8</time></body></html>`,
      url,
    );
    expect(extractMetadata(local, url, { now: NOW }).published).toBe('2025-10-08T23:30:59-06:00');
  });

  it('shifts a UTC time near midnight onto the neighbouring day the URL shows', () => {
    const url = 'https://x.example/2025/10/08/a-story/';
    const doc = docOf(
      `<html><head>${ld('2025-10-09T02:25:54Z')}</head><body><h1>A story</h1></body></html>`,
      url,
    );
    expect(extractMetadata(doc, url, { now: NOW }).published).toBe('2025-10-08T23:25:54-03:00');
  });

  it('skips a date in a photo caption', () => {
    const url = 'https://x.example/a';
    const doc = docOf(
      `<html><body><h1>A story</h1><figure><img src="a.jpg"><figcaption>Installation 28.04.2014</figcaption></figure><p>Text.</p></body></html>`,
      url,
    );
    expect(extractMetadata(doc, url, { now: NOW }).published).toBeNull();
    // A caption that holds the headline is the story's head.
    const head = docOf(
      `<html><body><figure><img src="a.jpg"><figcaption><small>28.04.2014</small><h1>A story</h1></figcaption></figure></body></html>`,
      url,
    );
    expect(extractMetadata(head, url, { now: NOW }).published).toBe('2014-04-28');
  });

  it('skips a marked date beside another heading (a download, a teaser)', () => {
    const url = 'https://x.example/a';
    const doc = docOf(
      `<html><body><div><div><h1>A story</h1></div><p>${'Words. '.repeat(150)}</p><p>${'More. '.repeat(150)}</p></div><div class="item"><h2>Appeal (PDF)</h2><time datetime="2025-10-08">08.10.2025</time></div></body></html>`,
      url,
    );
    expect(extractMetadata(doc, url, { now: NOW }).published).toBeNull();
  });

  it('drops a page-level date seen only in a list on a page without a headline', () => {
    const url = 'https://x.example/live';
    const node = `<script type="application/ld+json">{"@context":"https://schema.org","@type":"WebPage","datePublished":"2025-10-09T16:45:00+00:00"}</script>`;
    const doc = docOf(
      `<html><head>${node}</head><body><div>Live</div><footer><ul><li><a href="/b">Other story</a> 09.10.2025</li></ul></footer></body></html>`,
      url,
    );
    expect(extractMetadata(doc, url, { now: NOW }).published).toBeNull();
  });

  it('finds a date line below a long lead, but not in an aside', () => {
    const url = 'https://x.example/a';
    const lead = `<p>${'A long lead paragraph. '.repeat(40)}</p>`;
    const doc = docOf(
      `<html><body><h1>A story</h1>${lead}<p>16. Oktober 2025</p></body></html>`,
      url,
    );
    expect(extractMetadata(doc, url, { now: NOW }).published).toBe('2025-10-16');
    const aside = docOf(
      `<html><body><h1>A story</h1>${lead}<aside>16. Oktober 2025</aside></body></html>`,
      url,
    );
    expect(extractMetadata(aside, url, { now: NOW }).published).toBeNull();
  });

  it('takes a date a publication label announces anywhere in the story, not in its comments', () => {
    const url = 'https://x.example/?p=2895';
    const text = `<p>${'Ein langer Text über Musik. '.repeat(40)}</p>`.repeat(3);
    const doc = docOf(
      `<html lang="de"><body><h1>Ein Musikvideo</h1>${text}<div class="meta">Veröffentlicht am: <b>6. August 2009</b></div></body></html>`,
      url,
    );
    expect(extractMetadata(doc, url, { now: NOW }).published).toBe('2009-08-06');
    const comments = docOf(
      `<html lang="en"><body><h1>A video</h1>${text}<div class="comments"><p>Posted on August 7, 2009 by Jo</p></div></body></html>`,
      url,
    );
    expect(extractMetadata(comments, url, { now: NOW }).published).toBeNull();
  });

  it('takes the date an info box labels with a bare "Date", but not the word in running text', () => {
    const url = 'https://x.example/en/a-story/a-43944161';
    const text = `<p>${'A long story about the river. '.repeat(40)}</p>`.repeat(3);
    const box = docOf(
      `<html lang="en"><body><h1>A story</h1>${text}<ul><li><strong>Date</strong> 26.05.2018</li><li><strong>Author</strong> Jo Roe</li></ul></body></html>`,
      url,
    );
    expect(extractMetadata(box, url, { now: NOW }).published).toBe('2018-05-26');
    const prose = docOf(
      `<html lang="en"><body><h1>A story</h1>${text}<p>No date was set. 26.05.2018 is when talks stopped.</p></body></html>`,
      url,
    );
    expect(extractMetadata(prose, url, { now: NOW }).published).toBeNull();
  });

  it('reads a date set in its own element inside the headline, not a day the headline mentions', () => {
    const url = 'https://x.example/meldungen/mineraloel';
    const text = `<p>${'Der Absatz sank im Zeitraum deutlich. '.repeat(30)}</p>`;
    const kicker = docOf(
      `<html lang="de"><head><title>MineralölINFO November</title></head><body><h1><span class="topline"><span class="date">27.01.2022</span></span>MineralölINFO November</h1>${text}</body></html>`,
      url,
    );
    expect(extractMetadata(kicker, url, { now: NOW }).published).toBe('2022-01-27');
    const mention = docOf(
      `<html lang="de"><head><title>Was am 27.01.2022 geschah</title></head><body><h1>Was am 27.01.2022 geschah</h1>${text}</body></html>`,
      url,
    );
    expect(extractMetadata(mention, url, { now: NOW }).published).toBeNull();
  });

  it("takes a labelled date from a footer-named block of the article, not from the page's footer", () => {
    const url = 'https://x.example/news/vatikan';
    const text = `<p>${'Der Papst sprach über Familien. '.repeat(40)}</p>`;
    const own = docOf(
      `<html lang="de"><body><main><article><h1>Vatikan: Eltern sollen unterstützen</h1>${text}<div class="row footerRow"><div class="byline">erstellt von Dominique — <span>veröffentlicht</span> <span>28.01.2022 06:00</span></div></div></article></main></body></html>`,
      url,
    );
    expect(extractMetadata(own, url, { now: NOW }).published).toBe('2022-01-28');
    const page = docOf(
      `<html lang="de"><body><main><h1>Vatikan: Eltern sollen unterstützen</h1>${text}</main><div class="site-footer"><span>veröffentlicht</span> <span>28.01.2022 06:00</span> <a href="/impressum">Impressum</a></div></body></html>`,
      url,
    );
    expect(extractMetadata(page, url, { now: NOW }).published).toBeNull();
  });

  it('reads the date of a story whose own region has a class that names other pages elsewhere', () => {
    const url = 'https://x.example/villachs-meister';
    const text = `<p>${'Ein Unternehmen aus Villach wächst weiter. '.repeat(30)}</p>`;
    const stamp = '<time datetime="2023-11-05T14:09:00">Sonntag</time>';
    const story = docOf(
      `<html lang="de"><body><article class="single single-promotion"><h1>Villachs Meister expandiert nach Wien</h1>${text}<p>${stamp}</p></article></body></html>`,
      url,
    );
    expect(extractMetadata(story, url, { now: NOW }).published).toBe('2023-11-05T14:09:00');
    // The same class on a box inside the story still marks another page's date.
    const box = docOf(
      `<html lang="de"><body><article><h1>Villachs Meister expandiert nach Wien</h1>${text}<div class="promo-box">${stamp}</div></article></body></html>`,
      url,
    );
    expect(extractMetadata(box, url, { now: NOW }).published).toBeNull();
  });

  it('prefers a plain date line above the headline to an update line below it', () => {
    const url = 'https://x.example/politique/macronie';
    const text = `<p>${'Une enquête sur la majorité présidentielle. '.repeat(30)}</p>`;
    const doc = docOf(
      `<html lang="fr"><body><p>Par <a href="/auteur/lc">Loïc Le Clerc</a> | 30 septembre 2018</p><h2>Deux ans et demi en Macronie</h2><p>Article mis à jour le 7 janvier 2020.</p>${text}</body></html>`,
      url,
    );
    expect(extractMetadata(doc, url, { now: NOW }).published).toBe('2018-09-30');
  });

  it('reads a signature\'s date ("Gespeichert von X am …", "Author: X on …") anywhere in the story', () => {
    const url = 'https://x.example/faircoin-hackathon';
    const text = `<p>${'Ein Hackathon beim Sommercamp. '.repeat(40)}</p>`.repeat(3);
    const drupal = docOf(
      `<html lang="de"><body><h1>FairCoin hackathon</h1>${text}<div>Gespeichert von <a href="/user/1">rasos</a> am 24. Juli 2017 - 18:55</div></body></html>`,
      url,
    );
    expect(extractMetadata(drupal, url, { now: NOW }).published).toBe('2017-07-24');
    const forum = docOf(
      `<html lang="en"><body><h1>The events of late</h1>${text}<p>Author: Bo2man on 29.12.2010, 13:36</p></body></html>`,
      url,
    );
    expect(extractMetadata(forum, url, { now: NOW }).published).toBe('2010-12-29');
  });

  it('takes the plain date line under the headline over a claim only the address month backs', () => {
    const url = 'https://x.example/environment/2020/01/wild-goats-island';
    const text = `<p>${'The island makes a quick comeback. '.repeat(30)}</p>`;
    const page = (line: string, above = ''): Document =>
      docOf(
        `<html lang="en"><head><meta property="article:published_time" content="2020-01-03T09:48:24Z"></head><body>${above}<h1>Wild goats ruled this island</h1><p>${line}</p><p>By Michael Hingston</p>${text}</body></html>`,
        url,
      );
    expect(extractMetadata(page('Monday, 6 January 2020'), url, { now: NOW }).published).toBe(
      '2020-01-06',
    );
    // An update line, or a line above the headline (a menu of other posts), does not overrule it.
    expect(
      extractMetadata(page('Updated 6 January 2020'), url, { now: NOW }).published?.slice(0, 10),
    ).toBe('2020-01-03');
    expect(
      extractMetadata(page('', '<p>6 January 2020</p>'), url, { now: NOW }).published?.slice(0, 10),
    ).toBe('2020-01-03');
  });

  it('takes no date from a list of other stories above the headline', () => {
    const url = 'https://x.example/gesellschaft/achtsam-durch-die-krise';
    const text = `<p>${'Achtsamkeit hilft in der Krise. '.repeat(30)}</p>`;
    const teasers = ['04. März 2020', '26. Februar 2020']
      .map((d) => `<div><a href="/t">Ein anderer Text</a><span>${d}</span></div>`)
      .join('');
    const doc = docOf(
      `<html lang="de"><body><div>${teasers}</div><h1>Achtsam durch die Krise</h1>${text}</body></html>`,
      url,
    );
    expect(extractMetadata(doc, url, { now: NOW }).published).toBeNull();
    const one = docOf(
      `<html lang="de"><body><p>04. März 2020</p><h1>Achtsam durch die Krise</h1>${text}</body></html>`,
      url,
    );
    expect(extractMetadata(one, url, { now: NOW }).published).toBe('2020-03-04');
  });

  it('reads the date line by the main heading when the headline matched no element', () => {
    const url = 'https://x.example/news/718';
    const doc = docOf(
      `<html lang="de"><head><title>Purzelbaum in Leipzig und Dresden</title></head><body><p>25. November 2021</p><h2>Der historische Purzelbaum in Leipzig und Dresden, ein Reisebericht</h2><p>${'Auf dem Weg durch zwei Städte. '.repeat(10)}</p></body></html>`,
      url,
    );
    const meta = extractMetadata(doc, url, { now: NOW });
    expect(meta.headline).toBe('Purzelbaum in Leipzig und Dresden');
    expect(meta.published).toBe('2021-11-25');
  });
});

describe('published dates: the last resorts', () => {
  const prose = `<p>${'Ein langer Text über das Segeln auf dem See. '.repeat(20)}</p>`;

  it('reads a publication label outside the story element that holds the headline twice', () => {
    const url = 'https://x.example/sauber/';
    const doc = docOf(
      `<html lang="de"><body><header><h1>Haltet unsere Gewässer sauber</h1><h4>Veröffentlicht von <a href="/u">SeglerBlog</a> am 23. Februar 2020</h4></header><main><article><h1>Haltet unsere Gewässer sauber</h1>${prose}</article></main><aside><p>Veröffentlicht am 1. März 2020</p></aside></body></html>`,
      url,
    );
    // Two labelled days on the page: the one outside the story's region (the aside) is not it.
    expect(extractMetadata(doc, url, { now: NOW }).published).toBe('2020-02-23');
  });

  it("takes a page's one labelled day from a sidebar, but not one of several, a bare key or a comment's", () => {
    const url = 'https://x.example/podcast/nuls';
    const page = (side: string): Document =>
      docOf(
        `<html lang="fr"><body><h1>Nuls en maths</h1>${prose}<div class="sidebar">${side}</div></body></html>`,
        url,
      );
    const published = (side: string): string | null =>
      extractMetadata(page(side), url, { now: NOW }).published;
    expect(published('<p>Mise en ligne</p><p>23 mai 2019</p>')).toBe('2019-05-23');
    // The same day labelled twice is still one day.
    expect(published('<p>Mise en ligne 23 mai 2019</p><p>Publié le 23 mai 2019</p>')).toBe(
      '2019-05-23',
    );
    expect(published('<p>Mise en ligne 23 mai 2019</p><p>Publié le 2 juin 2019</p>')).toBeNull();
    expect(published('<p>Date</p><p>23.05.2019</p>')).toBeNull();
    expect(published('<div class="comments"><p>Publié le 23 mai 2019</p></div>')).toBeNull();
    // A teaser of another page, mostly its link, dates that page.
    expect(
      published(
        '<ul><li><a href="/soldes">Les soldes de printemps</a> Publié le 3 mai 2019</li></ul>',
      ),
    ).toBeNull();
    // A foot line with a link among its facts is still the story's.
    expect(
      published(
        `<p>Dernière modification 31.10.2019 — Mise en ligne le 1 novembre 2019 — ${'Lectures 61, droits réservés à l’autrice. '.repeat(2)}<a href="/licences">Licences</a></p>`,
      ),
    ).toBe('2019-11-01');
  });

  it("skips the page footer's labelled day, one that holds the site's legal links", () => {
    const url = 'https://x.example/news/vatikan';
    const page = docOf(
      `<html lang="de"><body><div class="content"><h1>Vatikan: Eltern sollen unterstützen</h1>${prose}</div><div class="wrap"><div class="site-footer"><span>veröffentlicht</span> <span>28.01.2022 06:00</span> <a href="/impressum">Impressum</a></div></div></body></html>`,
      url,
    );
    expect(extractMetadata(page, url, { now: NOW }).published).toBeNull();
  });

  it('reads the day a story is signed with at its end, not a sentence or the page footer', () => {
    const url = 'https://x.example/';
    // Two long paragraphs: the date line is no longer looked for once the running text began.
    const page = (end: string, footer = ''): Document =>
      docOf(
        `<html lang="de"><body><article><h1>Time to say goodbye</h1>${prose}${prose}${end}</article>${footer}</body></html>`,
        url,
      );
    expect(
      extractMetadata(page('<p>Benni<br>\n10. September 2017</p>'), url, { now: NOW }).published,
    ).toBe('2017-09-10');
    const sentence = '<p>Wir sehen uns am 10. September 2017 wieder, wenn das Wetter hält.</p>';
    expect(extractMetadata(page(sentence), url, { now: NOW }).published).toBeNull();
    expect(
      extractMetadata(page('', '<p>Benni, 10. September 2017</p>'), url, { now: NOW }).published,
    ).toBeNull();
    // Label lines, update stamps, teasers and long lines are no signatures.
    for (const end of [
      '<p>Zuletzt aktualisiert: 12.03.2019</p>',
      '<p>Anmeldeschluss: 12.03.2019</p>',
      '<p>Foto: dpa, 12.03.2019</p>',
      '<p>Zuletzt aktualisiert 12.03.2019</p>',
      '<p>12.03.2019</p>',
      '<div class="related"><h3><a href="/b">Ein anderer Text</a></h3><p>Benni, 12.03.2019</p></div>',
      '<p>Benni, Vorsitzender des Vereins der Segler am schönen See, 12.03.2019</p>',
    ])
      expect(extractMetadata(page(end), url, { now: NOW }).published, end).toBeNull();
  });

  it('finds the date line by a headline set in a lower heading (an h4), when it repeats the title', () => {
    const url = 'https://x.example/news823175';
    const doc = docOf(
      `<html lang="de"><head><title>Effiziente Hybridbatterie</title></head><body><nav><h2>Hilfe</h2></nav><div><em>01.11.2023 11:35</em><h4>Effiziente Hybridbatterie</h4>${prose}</div><aside><p>Veranstaltung 05.12.2023</p></aside></body></html>`,
      url,
    );
    expect(extractMetadata(doc, url, { now: NOW }).published).toBe('2023-11-01');
    // A one-word title names any box ("Kontakt"); a heading in a link or a menu is not the story's.
    const oneWord = docOf(
      `<html lang="de"><head><title>Kontakt</title></head><body><div><em>01.11.2023</em><h4>Kontakt</h4></div>${prose}</body></html>`,
      url,
    );
    expect(extractMetadata(oneWord, url, { now: NOW }).published).toBeNull();
    const inNav = docOf(
      `<html lang="de"><head><title>Effiziente Hybridbatterie</title></head><body><nav><em>01.11.2023</em><h4>Effiziente Hybridbatterie</h4></nav>${prose}</body></html>`,
      url,
    );
    expect(extractMetadata(inNav, url, { now: NOW }).published).toBeNull();
  });

  it("takes the address's day over a claim months away from it (a re-publication)", () => {
    const url = 'https://x.example/home/2017/7/12/montauk';
    // The claimed day is written only in a list of other posts, far from the headline.
    const elsewhere = `<p>${'Words of the story. '.repeat(60)}</p><aside><p>Jun 17, 2019</p></aside>`;
    const far = docOf(
      `<html><head>${ld('2019-06-17T18:28:00+02:00')}</head><body><h1>A story</h1>${elsewhere}</body></html>`,
      url,
    );
    expect(extractMetadata(far, url, { now: NOW }).published).toBe('2017-07-12');
    // A day or a week away is the same story's time in another zone or a late edit: kept.
    const near = docOf(
      `<html><head>${ld('2017-07-18T10:00:00Z')}</head><body><h1>A story</h1><p>Jul 18, 2017</p></body></html>`,
      url,
    );
    expect(extractMetadata(near, url, { now: NOW }).published).toBe('2017-07-18T10:00:00Z');
    // A claim the story's head shows stays, however far from the address (an anniversary piece
    // filed under the day it remembers).
    const shownFar = docOf(
      `<html><head>${ld('2021-03-15T09:00:00Z')}</head><body><h1>A story</h1><p>15 March 2021</p></body></html>`,
      'https://x.example/2020/03/15/lockdown-anniversary',
    );
    expect(
      extractMetadata(shownFar, 'https://x.example/2020/03/15/lockdown-anniversary', { now: NOW })
        .published,
    ).toBe('2021-03-15T09:00:00Z');
  });

  it('reads a date stored as 23:00 or 22:00 UTC sharp as the next midnight in Central Europe', () => {
    const url = 'https://x.example/artikel/provence';
    const meta = (v: string): string => `<meta property="article:published_time" content="${v}">`;
    // The page shows the stored day, as a server rendering in UTC prints it.
    const page = (v: string): Document =>
      docOf(
        `<html lang="de"><head>${meta(v)}</head><body><h1>Provence</h1><p>${v.slice(8, 10)}.${v.slice(5, 7)}.22</p></body></html>`,
        url,
      );
    expect(extractMetadata(page('2022-11-06T23:00:00.000Z'), url, { now: NOW }).published).toBe(
      '2022-11-07T00:00:00+01:00',
    );
    expect(extractMetadata(page('2022-07-06T22:00:00Z'), url, { now: NOW }).published).toBe(
      '2022-07-07T00:00:00+02:00',
    );
    // A time with minutes is a real time of day.
    expect(extractMetadata(page('2022-11-06T23:04:00Z'), url, { now: NOW }).published).toBe(
      '2022-11-06T23:04:00Z',
    );
    // Not on an English page (7 PM in New York), nor where the address names the stored day, nor
    // where the page states the instant with another offset.
    const english = docOf(
      `<html lang="en"><head>${meta('2022-11-06T23:00:00Z')}</head><body><h1>Provence</h1><p>Nov 6, 2022</p></body></html>`,
      url,
    );
    expect(extractMetadata(english, url, { now: NOW }).published).toBe('2022-11-06T23:00:00Z');
    const dated = 'https://x.example/2022/11/06/provence';
    const underDay = docOf(
      `<html lang="de"><head>${meta('2022-11-06T23:00:00Z')}</head><body><h1>Provence</h1><p>6.11.22</p></body></html>`,
      dated,
    );
    expect(extractMetadata(underDay, dated, { now: NOW }).published).toBe('2022-11-06T23:00:00Z');
    const stated = docOf(
      `<html lang="de"><head>${meta('2022-11-06T23:00:00Z')}</head><body><h1>Provence</h1><time datetime="2022-11-06T18:00:00-05:00">6.11.22</time></body></html>`,
      url,
    );
    expect(extractMetadata(stated, url, { now: NOW }).published).not.toMatch(/^2022-11-07/);
  });
});

describe('the date line by the headline', () => {
  const url = 'https://x.example/a';
  const published = (body: string, head = ''): string | null =>
    extractMetadata(docOf(`<html><head>${head}</head><body>${body}</body></html>`, url), url, {
      now: NOW,
    }).published;

  it('prefers the date line to a JSON-LD day written only elsewhere on the page', () => {
    const body =
      `<h1>A story</h1><p>12.10.2025</p><p>${'Text. '.repeat(150)}</p>` +
      '<ul><li><a href="/b">Other</a> 09.10.2025</li></ul>';
    expect(published(body, ld('2025-10-09T10:00:00Z'))).toBe('2025-10-12');
  });

  it('does not count a day written only in JSON-LD in the body as shown', () => {
    const body = `<h1>A story</h1>${ld('2025-10-09T10:00:00Z')}<p>${'Words. '.repeat(20)}</p>`;
    expect(published(body)).toBeNull();
  });

  it('ignores the dates of a recipe or a review item', () => {
    const body =
      '<h1>Muffins</h1><div itemscope itemtype="https://schema.org/Recipe"><meta itemprop="datePublished" content="2025-01-10"></div>' +
      '<div itemscope itemtype="https://schema.org/Review"><time itemprop="datePublished" datetime="2025-02-01">1.2.2025</time></div>';
    expect(published(body)).toBeNull();
  });

  it('skips a date in a sidebar apart from the headline, not one in a box around it', () => {
    const side = '<aside class="sidebar"><h2>Recent posts</h2><span>30.10.2025</span></aside>';
    expect(published(`<h1>A story</h1>${side}<p>Text.</p>`)).toBeNull();
    const boxed = '<div class="teaser-box"><h1>A story</h1><p>12.10.2025</p></div>';
    expect(published(boxed, '<title>A story</title>')).toBe('2025-10-12');
  });

  it('stops looking for a date line once the running text has begun', () => {
    const para = `<p>${'Running text of the story. '.repeat(12)}</p>`;
    const body = `<h1>A story</h1><div>${'<span>Share</span> '.repeat(30)}</div>${para}${para}<p><em>3. April 2025</em></p>`;
    expect(published(body)).toBeNull();
  });

  it('skips release, deadline and event dates, ranges, credits and dates inside sentences', () => {
    const zone = (...texts: string[]) => {
      const doc = docOf('<p></p>', url);
      const el = doc.querySelector('p') as Element;
      return { pieces: texts.map((text) => ({ text, el })) };
    };
    expect(dateLineIn(zone('Release:', '14.11.2019'), 'de', NOW)).toBeNull();
    expect(dateLineIn(zone('Anmeldeschluss: 15. März 2020'), 'de', NOW)).toBeNull();
    expect(dateLineIn(zone('Ausstellung 9.–23. Februar 2017'), 'de', NOW)).toBeNull();
    expect(dateLineIn(zone('30. März 2020, 13:15 Uhr - 19:00 Uhr'), 'de', NOW)).toBeNull();
    expect(dateLineIn(zone('© Jane Roe, 31.05.2013'), 'de', NOW)).toBeNull();
    const sentence = `Wir haben am 12. Mai 2006 eine Aktion gestartet, die ${'lange '.repeat(15)}lief.`;
    expect(dateLineIn(zone(sentence), 'de', NOW)).toBeNull();
    expect(dateLineIn(zone('Veröffentlicht am:', '12.05.2006, 10:00 Uhr'), 'de', NOW)).toBe(
      '2006-05-12',
    );
    expect(dateLineIn(zone('Stand: 1.6.2006', '12.05.2006'), 'de', NOW)).toBe('2006-05-12');
  });
});

describe('date helpers', () => {
  it('reads day / month-name / year with slashes or hyphens', () => {
    expect(findDatesInText('29 / Dezember / 2022', 'de', NOW)[0]?.parts).toMatchObject({
      year: 2022,
      month: 12,
      day: 29,
    });
    expect(findDatesInText('29-Dec-2022', 'en', NOW)[0]?.parts).toMatchObject({ month: 12 });
  });

  const day = (text: string, lang: string | null): string | null => {
    const p = findDatesInText(text, lang, NOW)[0]?.parts;
    return p
      ? `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`
      : null;
  };

  it("reads month names in the page's language, from Intl", () => {
    expect(day('18 Şubat 2020', 'tr')).toBe('2020-02-18');
    expect(day('18 ŞUBAT 2020', 'tr')).toBe('2020-02-18');
    expect(day('30. studenoga 2020.', 'hr')).toBe('2020-11-30');
    expect(day('30. novembar 2020.', 'bs')).toBe('2020-11-30');
    expect(day('Nobyembre 30, 2020', 'tl')).toBe('2020-11-30');
    expect(day('30 listopada 2020', 'pl')).toBe('2020-11-30');
    expect(day('30 ноября 2020 г.', 'ru')).toBe('2020-11-30');
    expect(day('30 листопада 2020', 'uk')).toBe('2020-11-30');
    expect(day('30 ΝΟΕΜΒΡΙΟΥ 2020', 'el')).toBe('2020-11-30');
    expect(day('30 בנובמבר 2020', 'he')).toBe('2020-11-30');
    expect(day('2020. november 30.', 'hu')).toBe('2020-11-30');
    expect(day('30 de noviembre de 2020', 'es')).toBe('2020-11-30');
    expect(day('Sept. 30, 2020', 'en-US')).toBe('2020-09-30');
    // Serbian pages write Latin letters as often as Cyrillic.
    expect(day('30. новембар 2020.', 'sr')).toBe('2020-11-30');
    expect(day('30. novembar 2020.', 'sr')).toBe('2020-11-30');
  });

  it('reads English month names on any page, and common ones on a page naming no language', () => {
    expect(day('Posted November 30, 2020', 'de')).toBe('2020-11-30');
    expect(day('15 августа 2016, 13:43', null)).toBe('2016-08-15');
    expect(day('26 Mai, 2008', null)).toBe('2008-05-26');
    // A German name on a page declared Turkish is no month.
    expect(day('30 Dezember 2020', 'tr')).toBeNull();
  });

  it('does not take a word between numbers for a month, and still finds the date after it', () => {
    expect(day('3 Personen 2020', 'de')).toBeNull();
    expect(day('Heft 5 vom 30. November 2020', 'de')).toBe('2020-11-30');
  });

  it('reads numeric dates, the order of day and month by the language', () => {
    expect(day('30.11.2020', 'de')).toBe('2020-11-30');
    expect(day('13. 1. 2020', 'de')).toBe('2020-01-13');
    expect(day('11/30/2020', 'en-US')).toBe('2020-11-30');
    expect(day('30/11/2020', 'fr')).toBe('2020-11-30');
    expect(day('05/11/2020', 'en-US')).toBe('2020-05-11');
    expect(day('05/11/2020', 'fr')).toBe('2020-11-05');
    // One part above 12 decides, whatever the language.
    expect(day('30/11/2020', 'en-US')).toBe('2020-11-30');
    // A month's name set tightly between the day and the year, the year with two digits or four;
    // not a version number, not a time.
    expect(day('Datum: 03.Mär.19', 'de')).toBe('2019-03-03');
    expect(day('12-Jan-21', 'en')).toBe('2021-01-12');
    expect(day('5.Mai.2019', 'de')).toBe('2019-05-05');
    expect(day('Am 5.Mai.2019.', 'de')).toBe('2019-05-05');
    expect(day('um 3.Mai.19:30', 'de')).toBeNull();
    expect(day('Kapitel 5.Mai.2019.5', 'de')).toBeNull();
    expect(findDatesInText('4-Jun-2021', 'en', NOW)).toHaveLength(1);
    // Parts set apart by bars, as some date lines are; never with a two-digit year.
    expect(day('26 | 01 | 2022', 'de')).toBe('2022-01-26');
    expect(day('3 | 4 | 21', 'de')).toBeNull();
    expect(day('Seite 1 | 2 | 2019', 'de')).toBeNull();
  });

  it('reads CJK and Vietnamese dates, other digits and Buddhist-era years', () => {
    expect(day('2020年11月30日', 'ja')).toBe('2020-11-30');
    expect(day('２０２０年１１月３０日', 'ja')).toBe('2020-11-30');
    expect(day('2020년 11월 30일', 'ko')).toBe('2020-11-30');
    expect(day('30 tháng 11, 2020', 'vi')).toBe('2020-11-30');
    expect(day('۳۰ نوامبر ۲۰۲۰', 'fa')).toBe('2020-11-30');
    expect(day('30 พฤศจิกายน 2563', 'th')).toBe('2020-11-30');
  });

  it('gives the neighbouring day only near midnight', () => {
    expect(nearMidnightDay('2019-10-18T22:04:00Z')).toBe('2019-10-19');
    expect(nearMidnightDay('2020-03-01T02:00:00Z')).toBe('2020-02-29');
    expect(nearMidnightDay('2019-10-18T12:00:00Z')).toBeNull();
    expect(nearMidnightDay('2019-10-18')).toBeNull();
  });

  it('reads the month of a dated URL path', () => {
    expect(monthFromUrl('https://x.example/2020/02/a/')).toBe('2020-02');
    expect(monthFromUrl('https://x.example/a/')).toBeNull();
  });
});
