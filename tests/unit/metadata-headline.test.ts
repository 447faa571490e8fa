import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { cleanTitle, decodeEntities } from '@/lib/article/metadata/headline';
import { extractMetadata } from '@/lib/article/metadata/index';

const page = (head: string, body: string): Document =>
  new JSDOM(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`).window.document;

describe('headline', () => {
  it('drops a kicker marked as such inside the heading', () => {
    const doc = page(
      '<title>Interne Unterlagen im Netz: Daten von Rheinmetall gehackt | tagesschau.de</title>',
      '<article><h1><span class="dachzeile">Interne Unterlagen im Netz</span> <span class="headline">Daten von Rheinmetall gehackt</span></h1><p>Text.</p></article>',
    );
    expect(extractMetadata(doc, 'https://www.tagesschau.de/x.html').headline).toBe(
      'Daten von Rheinmetall gehackt',
    );
  });

  it('drops screen-reader-only text inside the heading', () => {
    const doc = page(
      '<title>Was wir über uns nicht hören wollen | FASSETTE.NET</title>',
      '<h1 class="title">Was wir über uns nicht hören wollen<span class="element-invisible"> | FASSETTE.NET</span></h1>',
    );
    expect(extractMetadata(doc, 'http://www.interscenar.io/a/b').headline).toBe(
      'Was wir über uns nicht hören wollen',
    );
  });

  it('takes the only h1 when no heading agrees with the search title', () => {
    const doc = page(
      '<title>Autofinanzierung – Kredit oder Leasing? | Vergleichsportal</title>',
      '<main><h1>Finanzierung Ihres Autos</h1><p>Text.</p></main>',
    );
    expect(extractMetadata(doc, 'https://x.example/auto').headline).toBe(
      'Finanzierung Ihres Autos',
    );
  });

  it('drops ruby readings from a heading', () => {
    const doc = page(
      '',
      '<h1><ruby>子<rt>こ</rt></ruby>どもの<ruby>法律<rt>ほうりつ</rt></ruby></h1>',
    );
    expect(extractMetadata(doc, 'https://x.example/a').headline).toBe('子どもの法律');
  });

  it('keeps the title when the only h1 is the blog name in the site header', () => {
    const doc = page(
      '<title>Ratschläge geben | Mein Blog</title>',
      '<header class="site-header"><h1>Frühling im Garten</h1><nav><a href="/">Start</a></nav></header><p>Text.</p>',
    );
    expect(extractMetadata(doc, 'https://x.example/post').headline).toBe('Ratschläge geben');
  });

  it('treats a bare domain name in the title as the site', () => {
    expect(
      cleanTitle('Der Schreibstil | example-blog.net', { siteName: null, hostKey: 'other' }),
    ).toBe('Der Schreibstil');
  });

  it('decodes entities left in a twice-escaped title', () => {
    expect(decodeEntities('&#8222;Arschloch&#8220;: Danni &amp; Co &raquo; x &foo;')).toBe(
      '\u201eArschloch\u201c: Danni & Co \u00bb x &foo;',
    );
    const doc = page(
      '<meta property="og:title" content="Ladensterben immer dramatischer &amp;raquo; ☆☆☆☆☆">',
      '<p>Text.</p>',
    );
    expect(extractMetadata(doc, 'https://example.org/a').headline).toBe(
      'Ladensterben immer dramatischer',
    );
  });
  it('leaves out style sheets rendered inside the heading', () => {
    const doc = page(
      '<title>Impfen bleibt möglich</title>',
      '<h1><style>.css-a{font-size:16px}</style><span class="css-a">Medienmitteilung</span> Impfen bleibt überall möglich</h1>',
    );
    expect(extractMetadata(doc, 'https://x.example/a').headline).toBe(
      'Medienmitteilung Impfen bleibt überall möglich',
    );
  });

  it('drops a dateline in <small>, a forum label and a leading date from the heading', () => {
    const dateline = page(
      '<meta property="og:title" content="Zuschauer kehren zurück">',
      '<h1>Zuschauer kehren zurück<br><small>02.02.2022 • Presse, Allgemein</small></h1>',
    );
    expect(extractMetadata(dateline, 'https://x.example/a').headline).toBe(
      'Zuschauer kehren zurück',
    );
    const label = page(
      '',
      '<h1><a href="/t/1"><span class="label label--blue">Patch Notes</span>Patchnotes 4.47 - Bugfix Build</a></h1>',
    );
    expect(extractMetadata(label, 'https://x.example/a').headline).toBe(
      'Patchnotes 4.47 - Bugfix Build',
    );
    const dated = page('', '<h1>23.01.2022 - Wierer darf noch jubeln</h1>');
    expect(extractMetadata(dated, 'https://x.example/a').headline).toBe('Wierer darf noch jubeln');
  });

  it('drops a kicker marked as a subline, or ended by a separator hidden from screen readers', () => {
    const subline = page(
      '<title>Olympische Spiele in Paris - Getränke per Schiff ins Stadtzentrum</title>',
      '<h1><span class="subtitle">Olympische Spiele in Paris</span> Getränke per Schiff ins Stadtzentrum</h1>',
    );
    expect(extractMetadata(subline, 'https://x.example/a').headline).toBe(
      'Getränke per Schiff ins Stadtzentrum',
    );
    const dashed = page(
      '<meta property="og:title" content="Zoonosen – Wie Umweltzerstörung Epidemien begünstigt">',
      '<h1><span>Zoonosen</span><span aria-hidden="true"> – </span><span>Wie Umweltzerstörung Epidemien begünstigt</span></h1>',
    );
    expect(extractMetadata(dashed, 'https://x.example/a').headline).toBe(
      'Wie Umweltzerstörung Epidemien begünstigt',
    );
  });
});
