import { describe, expect, it } from 'vitest';
import { SEED_INPUT } from '../../../test/fixtures/seed-figures.js';
import { narrative } from './narrative.js';
import { summarise, type Summary, type VictimGroup } from './summary.js';

const seed = summarise(SEED_INPUT);

/** A summary with these victims and contacts, over 1 January to 30 September 2020. */
function summaryOf(victims: VictimGroup[], contacts = 0, previous = 0, jobOffers = 0, period = SEED_INPUT.period): Summary {
  return summarise({
    ...SEED_INPUT,
    period,
    contacts: { total: contacts, byTopic: { job_offer_check: jobOffers }, byChannel: { phone: contacts } },
    previousContacts: previous,
    victims,
  });
}

const men = (n: number, citizenship = 'IN'): VictimGroup => ({ n, sex: 'male', child: false, citizenship, exploitationTypes: ['labour'], sector: 'construction' });
const women = (n: number): VictimGroup => ({ n, sex: 'female', child: false, citizenship: 'RS', exploitationTypes: ['labour'], sector: 'care' });
const children = (n: number): VictimGroup => ({ n, sex: 'female', child: true, citizenship: 'RS', exploitationTypes: ['sexual'], sector: null });
const firstSentence = (s: Summary, lang: 'en' | 'sr-Latn' | 'sr-Cyrl') => narrative(s, lang).split(/(?<=\.) (?=[A-ZА-Ш])/u)[0];

describe('the narrative of the campaign report figures', () => {
  it('reads as the report does in English', () => {
    expect(narrative(seed, 'en')).toBe(
      'By 30 September 2020 the Victim Support Team had identified 29 victims of trafficking (including one child): 24 of labour exploitation – 23 men, 19 of them foreign nationals, and one woman. ' +
        'The SOS line recorded 851 calls, 212 of them about job offers. ' +
        'Calls rose by 70.2% against the same period a year earlier.',
    );
  });

  it('reads in Serbian, Latin script', () => {
    expect(narrative(seed, 'sr-Latn')).toBe(
      'Do 30. septembra 2020. godine Tim za podršku žrtvama identifikovao je 29 žrtava trgovine ljudima (uključujući jedno dete): od toga 24 žrtve radne eksploatacije – 23 muškarca, od kojih 19 stranih državljana, i jedna žena. ' +
        'SOS linija je zabeležila 851 poziv, od toga 212 u vezi s proverom ponuda za posao. ' +
        'Broj poziva porastao je za 70,2% u odnosu na isti period prethodne godine.',
    );
  });

  it('reads in Serbian, Cyrillic script', () => {
    expect(narrative(seed, 'sr-Cyrl')).toBe(
      'До 30. септембра 2020. године Тим за подршку жртвама идентификовао је 29 жртава трговине људима (укључујући једно дете): од тога 24 жртве радне експлоатације – 23 мушкарца, од којих 19 страних држављана, и једна жена. ' +
        'СОС линија је забележила 851 позив, од тога 212 у вези с провером понуда за посао. ' +
        'Број позива порастао је за 70,2% у односу на исти период претходне године.',
    );
  });

  it('falls back to the English paragraph, numbers and all, in languages it is not written in', () => {
    expect(narrative(seed, 'bn')).toBe(narrative(seed, 'en'));
  });
});

describe('the narrative of other figures', () => {
  it('says there were none in an empty period', () => {
    const empty = summaryOf([]);
    expect(narrative(empty, 'en')).toBe(
      'By 30 September 2020 the Victim Support Team had identified no victims of trafficking. The SOS line recorded no calls. There were no calls in the same period a year earlier.',
    );
    expect(narrative(empty, 'sr-Latn')).toBe(
      'Do 30. septembra 2020. godine Tim za podršku žrtvama nije identifikovao nijednu žrtvu trgovine ljudima. SOS linija nije zabeležila nijedan poziv. U istom periodu prethodne godine nije bilo poziva.',
    );
  });

  it('counts one of each in words', () => {
    const s = summaryOf([men(1, 'RS'), women(1)], 1, 1, 1);
    expect(narrative(s, 'en')).toBe(
      'By 30 September 2020 the Victim Support Team had identified 2 victims of trafficking: 2 of labour exploitation – one man and one woman. The SOS line recorded one call, about a job offer. Calls were as many as in the same period a year earlier.',
    );
    expect(firstSentence(summaryOf([men(1)]), 'en')).toBe(
      'By 30 September 2020 the Victim Support Team had identified one victim of trafficking: one of labour exploitation – one man, a foreign national.',
    );
    expect(firstSentence(summaryOf([children(1)]), 'en')).toBe('By 30 September 2020 the Victim Support Team had identified one victim of trafficking, a child.');
    expect(firstSentence(summaryOf([men(1)]), 'sr-Latn')).toBe(
      'Do 30. septembra 2020. godine Tim za podršku žrtvama identifikovao je jednu žrtvu trgovine ljudima: od toga jedna žrtva radne eksploatacije – jedan muškarac, strani državljanin.',
    );
  });

  it('uses the Serbian forms for one, few and many', () => {
    const cases: [number, string][] = [
      [2, '4 žrtve trgovine ljudima (uključujući 2 deteta): od toga 2 žrtve radne eksploatacije – 2 muškarca, svi strani državljani.'],
      [5, '10 žrtava trgovine ljudima (uključujući 5 dece): od toga 5 žrtava radne eksploatacije – 5 muškaraca, svi strani državljani.'],
      [11, '22 žrtve trgovine ljudima (uključujući 11 dece): od toga 11 žrtava radne eksploatacije – 11 muškaraca, svi strani državljani.'],
      [21, '42 žrtve trgovine ljudima (uključujući 21 dete): od toga 21 žrtva radne eksploatacije – 21 muškarac, svi strani državljani.'],
      [22, '44 žrtve trgovine ljudima (uključujući 22 deteta): od toga 22 žrtve radne eksploatacije – 22 muškarca, svi strani državljani.'],
      [1001, '2.002 žrtve trgovine ljudima (uključujući 1.001 dete): od toga 1.001 žrtva radne eksploatacije – 1.001 muškarac, svi strani državljani.'],
    ];
    for (const [n, expected] of cases) {
      // n foreign men of labour exploitation and n girls of sexual exploitation.
      expect(firstSentence(summaryOf([men(n), children(n)]), 'sr-Latn'), String(n)).toBe(`Do 30. septembra 2020. godine Tim za podršku žrtvama identifikovao je ${expected}`);
    }
  });

  it('names foreign men and women in Serbian by number', () => {
    expect(firstSentence(summaryOf([men(3), men(2, 'RS'), women(4)]), 'sr-Latn')).toBe(
      'Do 30. septembra 2020. godine Tim za podršku žrtvama identifikovao je 9 žrtava trgovine ljudima: od toga 9 žrtava radne eksploatacije – 5 muškaraca, od kojih 3 strana državljanina, i 4 žene.',
    );
    expect(firstSentence(summaryOf([men(21), men(2, 'RS'), women(21)]), 'sr-Latn')).toBe(
      'Do 30. septembra 2020. godine Tim za podršku žrtvama identifikovao je 44 žrtve trgovine ljudima: od toga 44 žrtve radne eksploatacije – 23 muškarca, od kojih 21 strani državljanin, i 21 žena.',
    );
    expect(firstSentence(summaryOf([men(2, 'RS'), women(5)]), 'en')).toBe(
      'By 30 September 2020 the Victim Support Team had identified 7 victims of trafficking: 7 of labour exploitation – 2 men and 5 women.',
    );
  });

  it('leaves out the labour breakdown when no victim was of labour exploitation', () => {
    expect(firstSentence(summaryOf([children(3), { ...children(1), child: false }]), 'en')).toBe(
      'By 30 September 2020 the Victim Support Team had identified 4 victims of trafficking (including 3 children).',
    );
    expect(firstSentence(summaryOf([children(3)]), 'sr-Latn')).toBe('Do 30. septembra 2020. godine Tim za podršku žrtvama identifikovao je 3 žrtve trgovine ljudima (sve žrtve su deca).');
  });

  it('tells a fall, and formats large numbers in the language', () => {
    expect(narrative(summaryOf([], 1234, 2000, 300), 'en')).toContain('The SOS line recorded 1,234 calls, 300 of them about job offers. Calls fell by 38.3% against the same period a year earlier.');
    expect(narrative(summaryOf([], 1234, 2000, 1234), 'sr-Latn')).toContain(
      'SOS linija je zabeležila 1.234 poziva, svi u vezi s proverom ponuda za posao. Broj poziva opao je za 38,3% u odnosu na isti period prethodne godine.',
    );
  });

  it('names a period that is not a year so far, or a single day', () => {
    const q3 = { from: '2020-07-01', to: '2020-09-30' };
    expect(firstSentence(summaryOf([men(2)], 0, 0, 0, q3), 'en')).toBe(
      'Between 1 July and 30 September 2020 the Victim Support Team identified 2 victims of trafficking: 2 of labour exploitation – 2 men, all of them foreign nationals.',
    );
    expect(firstSentence(summaryOf([], 0, 0, 0, { from: '2019-12-01', to: '2020-02-29' }), 'sr-Latn')).toBe(
      'U periodu od 1. decembra 2019. godine do 29. februara 2020. godine Tim za podršku žrtvama nije identifikovao nijednu žrtvu trgovine ljudima.',
    );
    expect(firstSentence(summaryOf([], 0, 0, 0, { from: '2021-01-01', to: '2021-01-01' }), 'en')).toBe('On 1 January 2021 the Victim Support Team identified no victims of trafficking.');
  });
});
