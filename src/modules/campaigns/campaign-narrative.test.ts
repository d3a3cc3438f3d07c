import { describe, expect, it } from 'vitest';
import { campaignNarrative } from './campaign-narrative.js';
import { postFigures } from './campaign-report.js';

const figures = (posts: number, reach: number, engagements: number, impressions: number) =>
  postFigures([
    { channel: 'facebook', posts: posts - 20, reach, impressions: null, engagements, clicks: null, video_views: null },
    { channel: 'twitter', posts: 20, reach: null, impressions, engagements: null, clicks: null, video_views: null },
  ]);

describe('the campaign narrative', () => {
  // The donor report: 105 posts, Facebook reach 204,660 with 9,773 engagements, 25,100 Twitter impressions, pages visited 600 and 91 times.
  const seed = campaignNarrative({ posts: figures(105, 204_660, 9773, 25_100), pageViews: { 'sr-Latn': 600, en: 91 } });

  it('tells the seed campaign in English with English numbers', () => {
    expect(seed.en).toBe(
      'We had 105 posts in total, on 2 channels. Facebook posts had a total reach of 204,660, with 9,773 engagements. ' +
        'During the campaign, 25,100 impressions were recorded on Twitter. The Serbian page was visited 600 times and the English page was visited 91 times.',
    );
  });

  it('tells it in Serbian with Serbian numbers and plural forms', () => {
    expect(seed['sr-Latn']).toBe(
      'Ukupno smo imali 105 objava, na 2 kanala. Objave na Facebooku imale su ukupan doseg od 204.660, uz 9.773 interakcije. ' +
        'Tokom kampanje na Twitteru zabeleženo je 25.100 impresija. Stranica na srpskom posećena je 600 puta i stranica na engleskom posećena je 91 put.',
    );
  });

  it('tells it in Serbian Cyrillic, the networks named as Serbian writes them', () => {
    expect(seed['sr-Cyrl']).toBe(
      'Укупно смо имали 105 објава, на 2 канала. Објаве на Фејсбуку имале су укупан досег од 204.660, уз 9.773 интеракције. ' +
        'Током кампање на Твитеру забележено је 25.100 импресија. Страница на српском посећена је 600 пута и страница на енглеском посећена је 91 пут.',
    );
  });

  it('uses singular forms for one and leaves out what was not recorded', () => {
    const one = campaignNarrative({
      posts: postFigures([{ channel: 'instagram', posts: 1, reach: 1, impressions: null, engagements: 0, clicks: null, video_views: null }]),
      pageViews: {},
    });
    expect(one.en).toBe('We had 1 post in total. Instagram posts had a total reach of 1.');
    expect(one['sr-Latn']).toBe('Ukupno smo imali 1 objavu. Objave na Instagramu imale su ukupan doseg od 1.');
    expect(campaignNarrative({ posts: postFigures([]), pageViews: {} })).toEqual({ 'sr-Latn': '', 'sr-Cyrl': '', en: '' });
  });
});
