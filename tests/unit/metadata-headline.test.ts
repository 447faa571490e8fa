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
    const highline = page(
      '',
      '<h1><span class="highline">Kind krank</span> Was Arbeitgeber wissen müssen</h1>',
    );
    expect(extractMetadata(highline, 'https://x.example/a').headline).toBe(
      'Was Arbeitgeber wissen müssen',
    );
    const dashed = page(
      '<meta property="og:title" content="Zoonosen – Wie Umweltzerstörung Epidemien begünstigt">',
      '<h1><span>Zoonosen</span><span aria-hidden="true"> – </span><span>Wie Umweltzerstörung Epidemien begünstigt</span></h1>',
    );
    expect(extractMetadata(dashed, 'https://x.example/a').headline).toBe(
      'Wie Umweltzerstörung Epidemien begünstigt',
    );
  });

  it('skips an h1 only screen readers get, a kicker h1 and a logo h1', () => {
    const hidden = page(
      '<meta property="og:title" content="#Riesling Posts gewinnen">',
      '<h1 class="sr-only">Details</h1><h2>#Riesling Posts gewinnen</h2>',
    );
    expect(extractMetadata(hidden, 'https://x.example/a').headline).toBe(
      '#Riesling Posts gewinnen',
    );
    const strap = page(
      '<title>Karten ab sofort mit mehr Infos - Update: POI bei Routen</title>',
      '<header class="article"><h1 class="strapline">Update: POI bei Routen</h1><h2 class="title">Karten ab sofort mit mehr Infos</h2></header>',
    );
    expect(extractMetadata(strap, 'https://x.example/a').headline).toBe(
      'Karten ab sofort mit mehr Infos',
    );
    const logo = page(
      '<title>Muffin Grundrezept : Muffin Rezepte</title>',
      '<div class="head"><h1 class="logo">Muffin Rezepte</h1></div><div class="post"><h2>Muffin Grundrezept</h2></div>',
    );
    expect(extractMetadata(logo, 'https://x.example/a').headline).toBe('Muffin Grundrezept');
  });

  it('keeps a title word for word when a visible heading repeats it', () => {
    const doc = page(
      '<title>Office 365 – HBDI – die Dritte | Damians Blog</title><meta property="og:title" content="Office 365 – HBDI – die Dritte">',
      '<h1>Damians Blog</h1><div class="post"><h2>Office 365 – HBDI – die Dritte</h2></div>',
    );
    expect(extractMetadata(doc, 'https://damian.example/a').headline).toBe(
      'Office 365 – HBDI – die Dritte',
    );
    // The h1 repeats og:title: the kicker-like opening ("Best of Houzz 2022:") stays.
    const kept = page(
      '<meta property="og:title" content="Best of Houzz 2022: Das sind die beliebtesten Projekte">',
      '<h1>Best of Houzz 2022: Das sind die beliebtesten Projekte</h1>',
    );
    expect(extractMetadata(kept, 'https://www.houzz.de/a').headline).toBe(
      'Best of Houzz 2022: Das sind die beliebtesten Projekte',
    );
  });

  it('prefers an h1 that goes on where a shortened title stops over a teaser repeating the title', () => {
    const doc = page(
      '<title>Ultium Cells erhöht Gigafactory-Kapazität - Battery-News.de</title>',
      '<main><h1>Ultium Cells erhöht Gigafactory-Kapazität in Tennessee</h1><p>Text.</p></main><div class="slider"><h3 class="entry-title">Ultium Cells erhöht Gigafactory-Kapazität</h3></div>',
    );
    expect(extractMetadata(doc, 'https://battery-news.de/a').headline).toBe(
      'Ultium Cells erhöht Gigafactory-Kapazität in Tennessee',
    );
  });

  it('matches a heading to one segment of the title', () => {
    const doc = page(
      '<title>gipfelbuch.ch - Outdoornews - Hochauflösende Schneekarten auf Gipfelbuch.ch</title>',
      '<h1>OutdoorNews | Eintrag</h1><div class="box"><h2 class="togglebar">Hochauflösende Schneekarten auf Gipfelbuch.ch</h2></div>',
    );
    expect(extractMetadata(doc, 'https://www.gipfelbuch.ch/a').headline).toBe(
      'Hochauflösende Schneekarten auf Gipfelbuch.ch',
    );
  });
  it('takes an h1 from a layout wrapper named for its sidebar, but not a newsletter box', () => {
    const layout = page(
      '<meta property="og:title" content="This County Criminalized Students – Until Now">',
      '<div class="panel-two-col-sidebar-right"><h1>This County Criminalized Students – Until Now</h1></div>',
    );
    expect(extractMetadata(layout, 'https://x.example/a').headline).toBe(
      'This County Criminalized Students – Until Now',
    );
    const boxed = page(
      '<title>Christmas Gift Guide | Journelles</title>',
      '<article><h1>Mein cosy Home Gift Guide</h1></article><div class="newsletter_teaser"><h1>Unser Newsletter!</h1></div>',
    );
    expect(extractMetadata(boxed, 'https://x.example/a').headline).toBe(
      'Mein cosy Home Gift Guide',
    );
  });

  it('keeps a heading that repeats og:title even when it names the brand', () => {
    const doc = page(
      '<meta property="og:site_name" content="Happy Coffee Deutschland"><meta property="og:title" content="Happy Coffee Sidamo Bio Bohnen">',
      '<h1 class="product_name">Happy Coffee Sidamo Bio Bohnen</h1>',
    );
    expect(extractMetadata(doc, 'https://de.happycoffee.org/p/sidamo').headline).toBe(
      'Happy Coffee Sidamo Bio Bohnen',
    );
  });

  it('cuts a short headline off the site name instead of taking the whole title for the site', () => {
    expect(
      cleanTitle('Batteriespeicher - daheim Solar', {
        siteName: 'daheim Solar',
        hostKey: 'daheimsolar',
      }),
    ).toBe('Batteriespeicher');
  });

  it('ignores an og:site_name that repeats the page title', () => {
    const title =
      'Cup-Vorschau: Beim BSV Stans freut man sich auf ein Bruderduell - Handball Schweiz';
    const doc = page(
      `<meta property="og:site_name" content="${title}"><meta property="og:title" content="${title}">`,
      '<h1>Cup-Vorschau: Beim BSV Stans freut man sich auf ein Bruderduell</h1>',
    );
    expect(extractMetadata(doc, 'https://www.handball.ch/a').headline).toBe(
      'Cup-Vorschau: Beim BSV Stans freut man sich auf ein Bruderduell',
    );
  });

  it('matches a heading that spaces its colon differently and prints the title as declared', () => {
    const doc = page(
      '<meta property="og:title" content="Abrechnung: Musik-Stars fordern neues Modell">',
      '<h2 class="headline"><span class="lead">Abrechnung :</span> <span>Musik-Stars fordern neues Modell</span></h2>',
    );
    expect(extractMetadata(doc, 'https://x.example/a').headline).toBe(
      'Abrechnung: Musik-Stars fordern neues Modell',
    );
  });
  it('cuts the site name after a fullwidth bar or an underscore in unspaced scripts', () => {
    const hints = { siteName: null, hostKey: 'example' };
    expect(cleanTitle('東京五輪、延期が決定｜日本経済新聞', hints)).toBe('東京五輪、延期が決定');
    expect(cleanTitle('台风米娜将于今晚登陆浙江_新华网', hints)).toBe('台风米娜将于今晚登陆浙江');
    // Counted by characters, a long Chinese headline outweighs a short site name after a bar.
    expect(cleanTitle('新华网 | 台风米娜将于今晚登陆浙江沿海地区', hints)).toBe(
      '台风米娜将于今晚登陆浙江沿海地区',
    );
  });
  it('reads a title cut off with an ellipsis as the start of the visible headline', () => {
    const doc = page(
      '<meta property="og:title" content="Ultium Cells erhöht Gigafactory-Kapazität in…">',
      '<main><h1>Ultium Cells erhöht Gigafactory-Kapazität in Tennessee deutlich</h1></main><div class="slider"><h3 class="entry-title">Ultium Cells erhöht Gigafactory-Kapazität in…</h3></div>',
    );
    expect(extractMetadata(doc, 'https://battery-news.de/a').headline).toBe(
      'Ultium Cells erhöht Gigafactory-Kapazität in Tennessee deutlich',
    );
    const claims = page(
      '<meta property="og:title" content="Minister resigns after…"><title>Minister resigns after a long row over the budget | Daily Planet</title>',
      '<p>Text.</p>',
    );
    expect(extractMetadata(claims, 'https://dailyplanet.example/a').headline).toBe(
      'Minister resigns after a long row over the budget',
    );
  });

  it('cuts a known site name after a spaced colon, and keeps a French colon', () => {
    expect(
      cleanTitle('정부, 새 정책 발표 : 네이버 뉴스', { siteName: '네이버 뉴스', hostKey: 'naver' }),
    ).toBe('정부, 새 정책 발표');
    expect(
      cleanTitle('Coronavirus : ce qu’il faut savoir', {
        siteName: 'Le Monde',
        hostKey: 'lemonde',
      }),
    ).toBe('Coronavirus : ce qu’il faut savoir');
  });

  it('does not take the site name in the page header for the segment of the title it repeats', () => {
    const doc = page(
      '<title>Budget cuts | Daily Planet</title>',
      '<header class="site-header"><h1>Daily Planet</h1><nav><a href="/">Home</a></nav></header><p>Text.</p>',
    );
    expect(extractMetadata(doc, 'https://planet-news.example/a').headline).toBe('Budget cuts');
  });
  it('prefers the story heading to a news feed box that repeats og:title word for word', () => {
    const doc = page(
      '<meta property="og:title" content="Teen\'s statement read as her kidnapper gets life in prison"><title>Teen\'s statement read as her kidnapper is sentenced - ABC</title>',
      '<article class="article"><header><h1>Teen\'s powerful statement read as her kidnapper gets life in prison without parole</h1></header><p>Text.</p></article>' +
        '<div class="feed-teaser"><h1>Teen\'s statement read as her kidnapper gets life in prison</h1><h1>Judge blocks a new state law</h1></div>',
    );
    expect(extractMetadata(doc, 'https://abc.example/story').headline).toBe(
      "Teen's powerful statement read as her kidnapper gets life in prison without parole",
    );
  });

  it('cuts the site name printed before a two-word section heading', () => {
    const doc = page(
      '<title>Science & Environment - Daily Planet</title>',
      '<h1>Daily Planet Science & Environment</h1>',
    );
    expect(extractMetadata(doc, 'https://dailyplanet.example/science').headline).toBe(
      'Science & Environment',
    );
  });
  it('gives no headline for a lone h1 that holds only screen-reader text', () => {
    const doc = page('', '<h1><span class="sr-only">Navigation</span></h1><p>Text.</p>');
    expect(extractMetadata(doc, 'https://x.example/a').headline).toBeNull();
  });
  it('keeps words hidden only from screen readers, which the reader still sees', () => {
    const doc = page(
      '',
      '<h1><span aria-hidden="true">Wahl in Berlin</span><span class="sr-only">Wahl in Berlin, Artikel</span></h1>',
    );
    expect(extractMetadata(doc, 'https://x.example/a').headline).toBe('Wahl in Berlin');
  });
});
