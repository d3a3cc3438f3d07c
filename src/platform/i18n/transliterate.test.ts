import { describe, expect, it } from 'vitest';
import { latinToCyrillic } from './transliterate.js';

describe('latinToCyrillic', () => {
  it.each([
    ['Ljubljana', 'Љубљана'],
    ['Njegoš', 'Његош'],
    ['džep', 'џеп'],
    ['LJUBAV NJIVA DŽEP', 'ЉУБАВ ЊИВА ЏЕП'],
    ['Džak, Đorđe, Čačak, Ćuprija, Šabac, Žabalj', 'Џак, Ђорђе, Чачак, Ћуприја, Шабац, Жабаљ'],
    ['Radna prava – odmah!', 'Радна права – одмах!'],
  ])('%s → %s', (latin, cyrillic) => {
    expect(latinToCyrillic(latin)).toBe(cyrillic);
  });

  it('reads decomposed diacritics like precomposed ones', () => {
    expect(latinToCyrillic('z\u030cena')).toBe('жена');
  });

  it('keeps two letters where a prefix meets the stem', () => {
    expect(latinToCyrillic('nadživeti podžanr injekcija konjugacija')).toBe('надживети поджанр инјекција конјугација');
  });

  it('leaves URLs, e-mail addresses, domains, numbers and foreign words as they are', () => {
    expect(latinToCyrillic('Pišite na info@astra.rs ili posetite https://astra.rs/sos?jezik=sr, www.astra.rs i astra.rs/kontakt'))
      .toBe('Пишите на info@astra.rs или посетите https://astra.rs/sos?jezik=sr, www.astra.rs и astra.rs/kontakt');
    expect(latinToCyrillic('Plata 371 dinar po satu, 08:00–16:00, pišite na WhatsApp')).toBe(
      'Плата 371 динар по сату, 08:00–16:00, пишите на WhatsApp',
    );
    expect(latinToCyrillic('firma d.o.o.')).toBe('фирма д.о.о.');
  });

  it('converts only the literal text of an ICU message', () => {
    expect(latinToCyrillic('Pozovite {phone} danas')).toBe('Позовите {phone} данас');
    expect(latinToCyrillic('Imate {count, plural, one {# poruku} few {# poruke} other {# poruka}}.')).toBe(
      'Имате {count, plural, one {# поруку} few {# поруке} other {# порука}}.',
    );
    expect(latinToCyrillic('{gender, select, female {Ona je stigla} other {On je stigao}} {when, date, short}')).toBe(
      '{gender, select, female {Она је стигла} other {Он је стигао}} {when, date, short}',
    );
  });

  it('keeps the {groups} of text that is not an ICU message, such as lexicon patterns', () => {
    expect(latinToCyrillic('plata {amount} za {2,5} sati')).toBe('плата {amount} за {2,5} сати');
  });
});
