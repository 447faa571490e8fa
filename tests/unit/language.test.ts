import { describe, expect, it } from 'vitest';
import { analyzeText } from '@/lib/article/analyze';
import { detectLanguage, primaryLanguage } from '@/lib/article/language';
import { dominantScript, scriptCounts } from '@/lib/article/language/scripts';

const ENGLISH =
  'The announcement followed a phone call between the two leaders earlier the same day, ' +
  'during which they also agreed to hold a high-level meeting next week. It remains unclear ' +
  'who will represent Russia at the meeting, and the president said he would decide later.';
const GERMAN =
  'Die Ankündigung folgte auf ein Telefonat der beiden Staatschefs am selben Tag, bei dem sie ' +
  'auch vereinbarten, in der nächsten Woche ein Treffen auf hoher Ebene abzuhalten. Es ist noch ' +
  'unklar, wer Russland bei dem Treffen vertreten wird, sagte der Sprecher der Regierung.';
const PORTUGUESE =
  'O anúncio foi feito depois de uma conversa telefónica entre os dois líderes no mesmo dia, ' +
  'durante a qual também concordaram em realizar uma reunião de alto nível na próxima semana. ' +
  'Ainda não está claro quem vai representar a Rússia no encontro, disse o porta-voz do governo.';
const ALBANIAN =
  'Njoftimi erdhi pas një telefonate mes dy liderëve në të njëjtën ditë, gjatë së cilës ata ' +
  'ranë dakord të mbajnë një takim të nivelit të lartë javën e ardhshme. Nuk është e qartë se ' +
  'kush do ta përfaqësojë Rusinë në takim, tha zëdhënësi i qeverisë.';

describe('detectLanguage', () => {
  it('tells English from other languages of the Latin script by their function words', () => {
    expect(detectLanguage(ENGLISH)).toEqual({ code: 'en', by: 'words' });
    expect(detectLanguage(GERMAN).code).toBe('de');
    expect(detectLanguage(PORTUGUESE).code).toBe('pt');
    expect(detectLanguage(ALBANIAN).code).toBe('sq');
  });

  it("trusts the text over the page's declared language", () => {
    // Sites declare their own language, not always their story's.
    expect(detectLanguage(GERMAN, 'en-US').code).toBe('de');
    expect(detectLanguage(ENGLISH, 'de').code).toBe('en');
  });

  it('names languages written in their own script by the script', () => {
    expect(
      detectLanguage('東京都は30日、新たに新型コロナウイルスの感染者が確認されたと発表した。').code,
    ).toBe('ja');
    expect(
      detectLanguage('北京市政府30日宣布，新增确诊病例数量继续下降，交通恢复正常。').code,
    ).toBe('zh');
    expect(detectLanguage('서울시는 30일 새로운 확진자가 발생했다고 발표했다.').code).toBe('ko');
    expect(detectLanguage('กรุงเทพมหานครประกาศมาตรการใหม่ในวันจันทร์ที่ผ่านมา').code).toBe('th');
    expect(detectLanguage('Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία.').code).toBe('el');
  });

  it('tells languages of a shared script apart by their own letters, or by the hint', () => {
    expect(detectLanguage('Президент України заявив, що переговори тривають.').code).toBe('uk');
    expect(detectLanguage('Президент России заявил, что переговоры продолжаются.').code).toBe('ru');
    expect(
      detectLanguage('Председателят на парламента каза, че преговорите продължават.', 'bg').code,
    ).toBe('bg');
    expect(detectLanguage('رئيس الوزراء قال إن المفاوضات مستمرة').code).toBe('ar');
    expect(detectLanguage('رئیس جمهور گفت که مذاکرات ادامه دارد').code).toBe('fa');
  });

  it('falls back on the declared language, else says it cannot tell', () => {
    expect(detectLanguage('Putin, Trump, Orban', 'en-GB')).toEqual({ code: 'en', by: 'hint' });
    expect(detectLanguage('Putin, Trump, Orban')).toEqual({ code: 'und', by: 'none' });
    expect(detectLanguage('')).toEqual({ code: 'und', by: 'none' });
  });

  it('reads a results table as the language of its few sentences', () => {
    const table =
      'Results from the tennis tournament on Wednesday (prefix number denotes seeding):\n' +
      'The final will be played on Sunday.\n' +
      Array.from(
        { length: 12 },
        (_, i) => `Player ${String(i)} beat Rival ${String(i)} 6-4 6-3`,
      ).join('\n');
    expect(detectLanguage(table).code).toBe('en');
  });

  it('reads a primary language subtag', () => {
    expect(primaryLanguage('pt-BR')).toBe('pt');
    expect(primaryLanguage('EN_us')).toBe('en');
    expect(primaryLanguage('x')).toBeNull();
    expect(primaryLanguage(null)).toBeNull();
  });
});

describe('analyzeText', () => {
  it('finds names and dates in English text, and says it is English', () => {
    const analysis = analyzeText(
      `${ENGLISH} Donald Trump spoke to Vladimir Putin on Oct. 16.`,
      '2025-10-16',
    );
    expect(analysis.language).toBe('en');
    expect(analysis.entities.map((e) => e.name)).toEqual(
      expect.arrayContaining(['Donald Trump', 'Vladimir Putin']),
    );
    expect(analysis.dates.map((d) => d.value)).toContain('2025-10-16');
  });

  it('gives no names and no dates for a story in another language', () => {
    for (const [text, code] of [
      [`${PORTUGUESE} Checar a informação com Lula em Brasília em 16 de outubro.`, 'pt'],
      [`${ALBANIAN} Shënohen protesta në Tiranë më 16 tetor.`, 'sq'],
    ] as const) {
      const analysis = analyzeText(text, '2025-10-16', [], 'en');
      expect(analysis).toMatchObject({ language: code, entities: [], dates: [] });
    }
  });
});

describe('scripts', () => {
  it('tells every listed script, Armenian and Georgian too', () => {
    const of = (text: string) => dominantScript(scriptCounts(text));
    expect(of('Հայաստանի Հանրապետություն')).toBe('Armenian');
    expect(of('საქართველოს პარლამენტი')).toBe('Georgian');
    expect(of('שלום עולם ומלואו')).toBe('Hebrew');
    expect(of('Привет, мир')).toBe('Cyrillic');
  });
});
