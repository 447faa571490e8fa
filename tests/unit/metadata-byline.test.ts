import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { isBylineLabel, opensByline, parseByline } from '@/lib/article/metadata/byline';
import { bylineByDate } from '@/lib/article/metadata/byline-dated';
import { extractMetadata } from '@/lib/article/metadata/index';

const hints = { siteName: 'Example', hostKey: 'example' };
const URL = 'https://news.example.com/2025/story';
const bylineOf = (body: string, head = ''): string[] =>
  extractMetadata(
    new JSDOM(`<html><head><title>A story</title>${head}</head><body>${body}</body></html>`, {
      url: URL,
    }).window.document,
    URL,
  ).byline;
const PARA = '<p>The council met on Monday and agreed on a new budget for the coming year.</p>';

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

  it('tells byline labels and byline lines from prose', () => {
    expect(isBylineLabel('By')).toBe(true);
    expect(isBylineLabel('| Written by:')).toBe(true);
    expect(isBylineLabel('Geschrieben von')).toBe(true);
    expect(isBylineLabel('By the way')).toBe(false);
    expect(opensByline('Von Jane Doe')).toBe(true);
    expect(opensByline('by the river')).toBe(false);
    expect(isBylineLabel('Ein Beitrag von')).toBe(true);
    expect(isBylineLabel('Autorin:')).toBe(true);
    expect(opensByline('Autorin: Erika Mustermann')).toBe(true);
    expect(opensByline('Vom Hamburger Hafen aus')).toBe(false);
    expect(opensByline('by jdoe on May 3, 2020')).toBe(true);
    expect(opensByline('by clicking here')).toBe(false);
  });

  it('keeps a newsroom credit only after an explicit label', () => {
    expect(parseByline('Von Redaktion', hints)).toEqual(['Redaktion']);
    expect(parseByline('By Staff Writer', hints)).toEqual(['Staff Writer']);
    expect(parseByline('Redaktion', hints)).toEqual([]);
    expect(parseByline('By admin', hints)).toEqual([]);
  });

  it('strips work labels before the name', () => {
    expect(parseByline('Blog Beitrag von Erika Mustermann', hints)).toEqual(['Erika Mustermann']);
    expect(parseByline('Interview: Jane Doe', hints)).toEqual(['Jane Doe']);
  });

  it('keeps particles inside names but cuts at a date', () => {
    expect(parseByline('Par Loïc Le Clerc', hints)).toEqual(['Loïc Le Clerc']);
    expect(parseByline('Par Jean Dupont le 07 mai 2020', hints)).toEqual(['Jean Dupont']);
  });

  it('does not take photo credits, recipe credits or domain names for authors', () => {
    expect(parseByline('Фото из архива', hints)).toEqual([]);
    expect(parseByline('Recipe by Example', hints)).toEqual([]);
    expect(parseByline('Beispiel.it', hints)).toEqual([]);
    expect(parseByline('zvg', hints)).toEqual([]);
  });

  it('does not take the end of a sentence or an abbreviation for a name', () => {
    expect(parseByline('Tricks für zu Hause.', hints)).toEqual([]);
    expect(parseByline('Red.', hints)).toEqual([]);
    expect(parseByline('Von R. R.', hints)).toEqual(['R. R.']);
  });

  it('drops a social-media handle printed after the name', () => {
    expect(parseByline('Por Jane Doe @janedoe', hints)).toEqual(['Jane Doe']);
    expect(parseByline('By Jane Doe @jane.doe and John Roe', hints)).toEqual([
      'Jane Doe',
      'John Roe',
    ]);
  });

  it("drops the person's department, function or degree after the name", () => {
    expect(parseByline('von Jane Doe, Online-Redaktion', hints)).toEqual(['Jane Doe']);
    expect(parseByline('Autorin: Jane Doe, Projektleiterin der Stiftung', hints)).toEqual([
      'Jane Doe',
    ]);
    expect(parseByline('By Jane Doe, PhD, and John Roe, MD', hints)).toEqual([
      'Jane Doe',
      'John Roe',
    ]);
    expect(parseByline('Professor of History John Roe', hints)).not.toEqual([]);
    expect(parseByline('By Jane Doe, Dean Roe', hints)).toEqual(['Jane Doe', 'Dean Roe']);
    expect(parseByline('By Jane Doe, Md Rahman', hints)).toEqual(['Jane Doe', 'Md Rahman']);
    expect(parseByline('Jane Doe, Head of Research', hints)).toEqual(['Jane Doe']);
    expect(parseByline('Von Redaktion', hints)).toEqual(['Redaktion']);
  });

  it('does not take the site name written with accents, or an update label, for a name', () => {
    expect(parseByline('La República', { siteName: null, hostKey: 'larepublica' })).toEqual([]);
    expect(parseByline('Actualizado', hints)).toEqual([]);
    expect(parseByline('Zuletzt geändert', hints)).toEqual([]);
  });

  it('ends the author at a credit for other work on the same line', () => {
    expect(parseByline('Text: Jane Doe Fotos: John Roe', hints)).toEqual(['Jane Doe']);
    expect(parseByline('Text von Jane Doe \u00a0 Illustration von John Roe', hints)).toEqual([
      'Jane Doe',
    ]);
    expect(parseByline('By Jane Doe Photos by John Roe', hints)).toEqual(['Jane Doe']);
    expect(parseByline('Text und Fotos: Jane Doe', hints)).toEqual(['Jane Doe']);
    expect(parseByline('Jane Doe, Illustrator: John Roe', hints)).toEqual(['Jane Doe']);
  });

  it('credits both sides of an interview', () => {
    expect(parseByline('Jane Doe im Gespräch mit John Roe', hints)).toEqual([
      'Jane Doe',
      'John Roe',
    ]);
  });

  it('does not take a label word or a stock photo agency for a name', () => {
    expect(parseByline('Auteur', hints)).toEqual([]);
    expect(parseByline('Getty Images', hints)).toEqual([]);
  });

  it('takes "Text" or "Interview" alone for a label only with a colon', () => {
    expect(isBylineLabel('Interview')).toBe(false);
    expect(isBylineLabel('Interview:')).toBe(true);
    expect(isBylineLabel('Autor')).toBe(true);
    const menu = `<ul><li><a href="/t/interview">Interview</a></li><li><a href="/t/kosmetik">Kosmetik</a></li></ul>`;
    expect(bylineOf(`${menu}<h1>A story</h1>${PARA}`)).toEqual([]);
  });

  it('drops a job title before the name and a category after "under"', () => {
    expect(parseByline('Von FOCUS-Online-Experte Jane Doe', hints)).toEqual(['Jane Doe']);
    expect(parseByline('Gastautorin Jane Doe', hints)).toEqual(['Jane Doe']);
    expect(parseByline('by jdoe under', hints)).toEqual(['jdoe']);
    expect(parseByline('Posted by Jane Doe under Politics', hints)).toEqual(['Jane Doe']);
  });

  it("drops a news agency printed after a reporter's name, but keeps an agency alone", () => {
    expect(parseByline('Von Jane Doe, dpa', hints)).toEqual(['Jane Doe']);
    expect(parseByline('Autor: Jane Doe/SP-X', hints)).toEqual(['Jane Doe']);
    expect(parseByline('By Jane Doe and John Roe, Reuters', hints)).toEqual([
      'Jane Doe',
      'John Roe',
    ]);
    expect(parseByline('Von dpa', hints)).toEqual(['dpa']);
    expect(parseByline('det/dpa', hints)).toEqual(['det', 'dpa']);
  });

  it('does not take words before a colon for a name', () => {
    expect(parseByline('En kiosques : | juillet 2020', hints)).toEqual([]);
    expect(parseByline('Jane Doe | Politik', hints)).toEqual(['Jane Doe']);
  });

  it('does not take an institution for a person', () => {
    expect(parseByline('Bundesverband WindEnergie', hints)).toEqual([]);
    expect(parseByline('Umweltministerium', hints)).toEqual([]);
    expect(parseByline('By Ministry of Health', hints)).toEqual([]);
    expect(parseByline('Université de Genève', hints)).toEqual([]);
    expect(parseByline('Von Jane Doe, Universität Wien', hints)).toEqual(['Jane Doe']);
    expect(parseByline('Hans Kammer', hints)).toEqual(['Hans Kammer']);
  });

  it('reads bylines in other languages and scripts', () => {
    expect(parseByline('Автор: Иван Петров', hints)).toEqual(['Иван Петров']);
    expect(parseByline('Иван Петров и Мария Иванова', hints)).toEqual([
      'Иван Петров',
      'Мария Иванова',
    ]);
    expect(parseByline('Του Γιάννη Παπαδόπουλου', hints)).toEqual(['Γιάννη Παπαδόπουλου']);
    expect(parseByline('بقلم: محمد علي', hints)).toEqual(['محمد علي']);
    expect(parseByline('文：山田太郎', hints)).toEqual(['山田太郎']);
    expect(parseByline('記者 山田太郎', hints)).toEqual(['山田太郎']);
    expect(parseByline('홍길동 기자', hints)).toEqual(['홍길동']);
    expect(parseByline('Yazar: Ahmet Yılmaz', hints)).toEqual(['Ahmet Yılmaz']);
    expect(parseByline('Oleh Budi Santoso', hints)).toEqual(['Budi Santoso']);
    expect(parseByline('Scritto da Mario Rossi', hints)).toEqual(['Mario Rossi']);
    expect(opensByline('بقلم محمد علي')).toBe(true);
    expect(opensByline('Автор: Иван Петров')).toBe(true);
  });

  it('ends the names at the outlet written for, and reads "with" as a co-author', () => {
    expect(parseByline('By Jane Doe for the Daily Mail', hints)).toEqual(['Jane Doe']);
    expect(parseByline('By Jane Doe, Special to The Times', hints)).toEqual(['Jane Doe']);
    expect(parseByline('By Jane Doe with John Roe', hints)).toEqual(['Jane Doe', 'John Roe']);
    expect(parseByline('Von Jane Doe mit Material von dpa', hints)).toEqual(['Jane Doe']);
    expect(parseByline('By Jane Doe with additional reporting by John Roe', hints)).toEqual([
      'Jane Doe',
    ]);
  });

  it('ends the name at a middle dot of any script and drops a generational suffix', () => {
    expect(parseByline('By Jane Doe ・ 3 min read', hints)).toEqual(['Jane Doe']);
    expect(parseByline('By Jane Doe ● Politik', hints)).toEqual(['Jane Doe']);
    expect(parseByline('By Jane Doe, Jr. and John Roe', hints)).toEqual(['Jane Doe', 'John Roe']);
  });

  it('does not take a count for a name', () => {
    expect(parseByline('Jane Doe, Leser 27', hints)).toEqual(['Jane Doe']);
  });

  it('does not take a phrase of lower-case words for a name', () => {
    expect(parseByline('von Hamburger SV geschlagen geben', hints)).toEqual([]);
    expect(parseByline('By Ludwig van Beethoven', hints)).toEqual(['Ludwig van Beethoven']);
  });
});

describe('byline on the page', () => {
  it('reads a byline in a wrapper whose layout class names a sidebar', () => {
    const body = `<div class="wrap one-sidebar"><article><h1>A story</h1>
      <p class="meta"><span class="byline">by <a rel="author" href="/author/jd">Jane Doe</a></span></p>
      ${PARA}</article><aside class="sidebar"><span class="author">Sam Side</span></aside></div>`;
    expect(bylineOf(body)).toEqual(['Jane Doe']);
  });

  it('reads the byline in a post footer but not in a widget beside the story', () => {
    const body = `<div class="post"><h1>A story</h1>${PARA}
      <div class="post-footer"><span class="post-author">Posted by Jane Doe</span></div></div>
      <div class="widget"><span class="author">Sam Side</span></div>`;
    expect(bylineOf(body)).toEqual(['Jane Doe']);
    const widgetOnly = `<div class="post"><h1>A story</h1>${PARA}</div>
      <div class="widget"><span class="author">Sam Side</span></div>`;
    expect(bylineOf(widgetOnly)).toEqual([]);
  });

  it('joins a lone "By" label with the name that follows it', () => {
    const body = `<h1>A story</h1><address>By <a href="/people/jd">Jane Doe</a></address>${PARA}`;
    expect(bylineOf(body)).toEqual(['Jane Doe']);
    const german = `<h1>A story</h1><p>Geschrieben von <em>Erika Mustermann</em></p>${PARA}`;
    expect(bylineOf(german)).toEqual(['Erika Mustermann']);
  });

  it('reads every author of a list of authors', () => {
    const body = `<h1>A story</h1><ul class="authors"><li><a>Jane Doe, PhD,</a></li>
      <li><a>John Roe, MD</a></li></ul>${PARA}`;
    expect(bylineOf(body)).toEqual(['Jane Doe', 'John Roe']);
  });

  it('does not run a name into the role printed on the line under it', () => {
    const body = `<h1>A story</h1><div class="author-box"><a href="/autor/jd"><h4>Jane Doe</h4><p>Redakteurin für Wirtschaft und Umwelt</p></a>
      </div>${PARA}`;
    expect(bylineOf(body)).toEqual(['Jane Doe']);
  });

  it("reads a newsroom credit in an author box, not the words of the author's biography", () => {
    const body = `<h1>A story</h1>${PARA}<div class="author-info"><span>Autor</span><a>Example Blog Redaktion</a>
      <p>Alles über Lautsprecher, Heimkino und HiFi-Trends.</p></div>`;
    expect(bylineOf(body)).toEqual(['Example Blog Redaktion']);
  });

  it('decodes HTML entities left in a JSON-LD author name', () => {
    const ld =
      '<script type="application/ld+json">{"@type":"NewsArticle","headline":"A story","author":{"@type":"Person","name":"Jos&eacute; N&uacute;&ntilde;ez"}}</script>';
    expect(bylineOf(`<h1>A story</h1><p>Por José Núñez</p>${PARA}`, ld)).toEqual(['José Núñez']);
  });

  it('reads an author box set in the sidebar when nothing else names the author', () => {
    const body = `<article><h1>A story</h1>${PARA}</article><aside class="sidebar">
      <div class="author-meta"><a href="/people/jd">Jane Doe</a> <span>Autor</span></div></aside>`;
    expect(bylineOf(body)).toEqual(['Jane Doe']);
    const widget = `<article><h1>A story</h1>${PARA}</article><aside class="sidebar">
      <div class="widget"><span class="author">Sam Side</span></div></aside>`;
    expect(bylineOf(widget)).toEqual([]);
  });

  it('reads the authors in an element named in French ("auteurs")', () => {
    const body = `<div class="dates_auteurs">En kiosques : <a href="/2020/07">juillet 2020</a></div>
      <h1>A story</h1><div class="cartouche"><span class="auteurs">Jean Dupont</span></div>${PARA}`;
    expect(bylineOf(body)).toEqual(['Jean Dupont']);
  });

  it("does not take a picture's credit or a quoted post's author for the story's byline", () => {
    const figure = `<figure><img src="a.jpg"><figcaption>Photo by Jane Doe on Unsplash</figcaption></figure>`;
    expect(bylineOf(`<h1>A story</h1>${figure}${PARA}`)).toEqual([]);
    expect(bylineOf(`<h1>A story</h1>${figure}<p>By John Roe</p>${PARA}`)).toEqual(['John Roe']);
    const video = `<p class="summary"><span class="credit video-credit">By U.S. Customs and Border Protection</span></p>`;
    expect(bylineOf(`<h1>A story</h1>${video}${PARA}`)).toEqual([]);
    const quote = `<blockquote class="fb-post"><p>Neue Zahlen</p><p>Von <a href="/p">Jane Doe</a></p></blockquote>`;
    expect(bylineOf(`<article><h1>A story</h1>${PARA}${quote}${PARA}</article>`)).toEqual([]);
    expect(parseByline('Photo by Jane Doe on Unsplash', hints)).toEqual([]);
  });

  it("does not take the author of a related story, a teaser card or a customer's testimonial", () => {
    const related = `<div class="relatedArticle standard"><p class="storyInfo"><span class="author">Jane Doe</span></p></div>`;
    expect(
      bylineOf(`<div id="article"><h1>A story</h1>${PARA}<div class="box">${related}</div></div>`),
    ).toEqual([]);
    const card = `<ul class="topicarea__items"><li><a href="/other"><h3>Another story about the city budget</h3><p>What the council left out.</p>
      <span class="item__metainfo"><span class="item__author">Jane Doe</span></span></a></li></ul>`;
    expect(bylineOf(`<main><h1>A story</h1>${PARA}${card}</main>`)).toEqual([]);
    expect(
      bylineOf(
        `<main><h1>A story</h1>${PARA}<a href="/author/jd"><span class="author">Jane Doe</span></a></main>`,
      ),
    ).toEqual(['Jane Doe']);
    const testimonial = `<div class="testimonial"><p>Great service!</p><div class="testimonial-author-info">Kundin Jane Doe</div></div>`;
    expect(bylineOf(`<h1>A story</h1>${PARA}${testimonial}`)).toEqual([]);
  });

  it("keeps a person's name credited by author markup even when the site is named after them", () => {
    const head = '<meta property="og:site_name" content="Jane Doe">';
    const byline = (name: string): string =>
      `<article><h1>A story</h1><span class="byline">by <a rel="author" href="/author/x">${name}</a></span>${PARA}</article>`;
    expect(bylineOf(byline('Jane Doe'), head)).toEqual(['Jane Doe']);
    expect(bylineOf(byline('Example'), '')).toEqual([]);
  });

  it('does not take an author from a recirculation box or a discussion thread', () => {
    const box = (cls: string): string =>
      `<article><h1>A story</h1>${PARA}<div class="${cls}"><h3>Another story</h3><span class="author">Jane Doe</span></div></article>`;
    expect(bylineOf(box('recirc-module'))).toEqual([]);
    expect(bylineOf(box('more-from-section'))).toEqual([]);
    expect(bylineOf(box('next-post'))).toEqual([]);
    expect(bylineOf(box('disqus-thread'))).toEqual([]);
    expect(bylineOf(box('story-meta'))).toEqual(['Jane Doe']);
  });

  it('keeps a newsroom named by author markup', () => {
    const body = `<h1>A story</h1><div class="author-name"><a itemprop="author" href="/team">Redaktion</a></div>${PARA}`;
    expect(bylineOf(body)).toEqual(['Redaktion']);
  });

  it('reads co-authors printed in pieces of their own', () => {
    const body = `<h1>A story</h1><p>Von <a href="/p/1">Jane Doe</a> und <a href="/p/2">John Roe</a></p>${PARA}`;
    expect(bylineOf(body)).toEqual(['Jane Doe', 'John Roe']);
  });

  it('prefers the printed byline when it is fuller than the JSON-LD author', () => {
    const ld =
      '<script type="application/ld+json">{"@type":"NewsArticle","headline":"A story","author":{"@type":"Person","name":"Jane"}}</script>';
    const body = `<h1>A story</h1><p>By</p><p>Jane Doe</p>${PARA}`;
    expect(bylineOf(body, ld)).toEqual(['Jane Doe']);
  });

  it('reads a byline line after the headline whatever its wrapper is called', () => {
    const body = `<h1>A story</h1><div class="teaser-meta"><span>VON</span> <a>JANE DOE</a></div>${PARA}`;
    expect(bylineOf(body)).toEqual(['JANE DOE']);
  });

  it('ignores a meta author printed only in the page footer', () => {
    const head = '<meta name="author" content="Sam Owner">';
    const body = `<h1>A story</h1>${PARA.repeat(10)}<footer>© 2024 Sam Owner</footer>`;
    expect(bylineOf(body, head)).toEqual([]);
    const byHeadline = `<h1>A story</h1><p>Sam Owner, 3 May 2024</p>${PARA}`;
    expect(bylineOf(byHeadline, head)).toEqual(['Sam Owner']);
  });
});

describe('byline on the date line', () => {
  const pieces = (...texts: string[]): { text: string }[] => texts.map((text) => ({ text }));

  it('takes a full name or a newsroom next to the date', () => {
    expect(
      bylineByDate(pieces('Kommentar', '19. Oktober 2019', 'Jane Doe', 'Text'), hints),
    ).toEqual(['Jane Doe']);
    expect(bylineByDate(pieces('Redaktion', '-', '31. Januar 2022'), hints)).toEqual(['Redaktion']);
    expect(bylineByDate(pieces('11.12.2019 - Jane Doe'), hints)).toEqual(['Jane Doe']);
    expect(bylineByDate(pieces('Posted on May 3, 2020 by jdoe'), hints)).toEqual(['jdoe']);
  });

  it('takes a user name but not a section name next to the date', () => {
    expect(bylineByDate(pieces('149', 'JaneDoe', '18.10.2019, 15:07 Uhr'), hints)).toEqual([
      'JaneDoe',
    ]);
    expect(bylineByDate(pieces('Politik', '19.10.2019', '11:36', 'Lead paragraph'), hints)).toEqual(
      [],
    );
  });

  it('reads the date line under the headline when nothing else names the author', () => {
    const body = `<h1>A story</h1><p class="meta"><span>Jane Doe</span> · <time>3. Mai 2024</time></p>${PARA}`;
    expect(bylineOf(body)).toEqual(['Jane Doe']);
  });

  it('reads a By line under the main heading whatever the headline claims', () => {
    const body = `<h1>Something else entirely</h1><address>By <a>Jane Doe</a></address>${PARA}`;
    expect(bylineOf(body)).toEqual(['Jane Doe']);
  });

  it('finds the story under a heading that holds the headline with more words', () => {
    const head = '<meta property="og:title" content="Report on the budget of 22.04.2020">';
    const body = `<div><h2>Report on the budget of 22.04.2020 – what the council wants next and why</h2>
      <p>Von Jane Doe</p></div>${PARA}`;
    expect(bylineOf(body, head)).toEqual(['Jane Doe']);
  });

  it('finds the story by the element showing the headline on a page without headings', () => {
    const head = '<meta property="og:title" content="Council agrees on the new budget - News">';
    const body = `<table><tr><td><span><a href="/news">News</a> : Council agrees on the new budget</span></td></tr>
      <tr><td>Geschrieben von <a href="/user/6">Jane Doe</a> am 25.08.2015</td></tr>
      <tr><td>${PARA}</td></tr></table>`;
    expect(bylineOf(body, head)).toEqual(['Jane Doe']);
  });

  it('reads the byline under the first h2 of a page with no headline and no h1', () => {
    const body = `<h2>Example</h2><h4>A film about a family</h4><p>von <em>Jane Doe</em></p>${PARA}`;
    const doc = new JSDOM(`<html><head><title>Example</title></head><body>${body}</body></html>`, {
      url: URL,
    }).window.document;
    expect(extractMetadata(doc, URL).byline).toEqual(['Jane Doe']);
  });

  it('reads a labelled credit line that signs the story at its end', () => {
    const body = `<h1>A story</h1>${PARA.repeat(10)}<p><strong>Autorin:</strong> Jane Doe</p>`;
    expect(bylineOf(body)).toEqual(['Jane Doe']);
  });

  it('reads a bare "Von" line of its own that signs the story with a full name', () => {
    const story = `<h1>A story</h1>${PARA.repeat(10)}`;
    expect(bylineOf(`${story}<p><em>Von <span>Jane Doe</span></em></p>`)).toEqual(['Jane Doe']);
    expect(bylineOf(`${story}<p>Von Jane Doe und John Roe</p>`)).toEqual(['Jane Doe', 'John Roe']);
    // Prose, a place and a line with more in it are not signatures.
    expect(bylineOf(`${story}<p>Von Berlin nach Hamburg</p>`)).toEqual([]);
    expect(bylineOf(`${story}<p>Von Jane Doe stammt die Idee.</p>`)).toEqual([]);
  });

  it('reads an "Autoren" line without a colon that holds nothing but full names', () => {
    const story = `<h1>A story</h1>${PARA.repeat(10)}`;
    expect(bylineOf(`${story}<p>Autoren Jane Doe und John Roe</p>`)).toEqual([
      'Jane Doe',
      'John Roe',
    ]);
    expect(bylineOf(`${story}<p>Autoren haben es schwer</p>`)).toEqual([]);
  });

  it('does not take a tag link in the author line for a name', () => {
    const body = `<h1>A story</h1><div class="post-author"><a href="/tag/csp/" rel="tag">CSP</a></div>${PARA}`;
    expect(bylineOf(body)).toEqual([]);
    const labelled = `<h1>A story</h1><p>Von <a href="/tag/csp/">CSP</a></p>${PARA}`;
    expect(bylineOf(labelled)).toEqual([]);
  });

  it('skips a book author in a fact sheet and an interview guest at the end of the story', () => {
    const sheet = `<div>Titel: A Book</div><div>Autorin: Jane Doe</div><div>Verlag: Books Ltd</div>`;
    expect(bylineOf(`<h1>A story</h1>${PARA.repeat(10)}${sheet}`)).toEqual([]);
    expect(bylineOf(`<h1>A story</h1>${PARA.repeat(10)}<p>Interview: John Roe</p>`)).toEqual([]);
  });

  it("reads a name set alone in bold or italics as the story's last line", () => {
    const story = `<h1>A story</h1><div>${PARA.repeat(4)}`;
    expect(bylineOf(`${story}<p><b><i>Jane Doe</i></b></p></div>`)).toEqual(['Jane Doe']);
    expect(bylineOf(`${story}<p>The end.<br><em>Jane Doe</em></p></div>`)).toEqual(['Jane Doe']);
    // A bold name inside prose, or a sign-off followed by more text, is not a byline.
    expect(bylineOf(`${story}<p><b>Jane Doe</b> said so.</p></div>`)).toEqual([]);
    expect(bylineOf(`${story}<p><b>Jane Doe</b></p><p>More to read.</p></div>`)).toEqual([]);
  });

  it('reads a "Redaktion:" credit and a Chinese editor label', () => {
    expect(parseByline('Redaktion: Jane Doe (Pressesprecherin)', hints)).toEqual(['Jane Doe']);
    expect(parseByline('责任编辑：孔德明', hints)).toEqual(['孔德明']);
  });
});
