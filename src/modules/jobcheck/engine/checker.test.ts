import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkJobOffer, questions } from './all-languages.js';
import { LANGUAGES, type JobCheckResult } from './types.js';

const ids = (r: JobCheckResult) => r.signals.map((s) => s.id);

describe('the conformance examples', () => {
  it('rates the agent-fee, kept-passport, contract-on-arrival factory offer high', () => {
    const r = checkJobOffer({
      text: 'Factory work in Poland, 2500 EUR. Pay the agent 900 EUR before you travel. We keep your passport during the contract. Contract signed on arrival.',
    });
    expect(r.risk).toBe('high');
    expect(ids(r)).toEqual(expect.arrayContaining(['recruitment_fee', 'passport_retention', 'no_written_contract']));
    expect(r.detectedLanguage).toBe('en');
  });

  it('rates the Novi Sad electrician offer low with no signal', () => {
    const r = checkJobOffer({
      text: 'Electrician, Novi Sad. Written employment contract before you start, salary 120,000 RSD net, social insurance from day one. No fees for applicants. Apply at the company office.',
    });
    expect(r.risk).toBe('low');
    expect(r.signals).toEqual([]);
  });
});

describe('negation', () => {
  const legit: [string, string][] = [
    ['en', 'Hotel Adria Ltd hires cooks for Malta. We never charge fees to workers. Your passport stays with you. Contract before departure.'],
    ['en', 'ABC Construction d.o.o. Belgrade. No recruitment fees, no deposit. The employer pays all visa costs.'],
    ['sr-Latn', 'Firma Gradnja d.o.o. zapošljava zidare. Bez naknade za kandidate, ne naplaćujemo proviziju. Pasoš ostaje kod vas.'],
    ['sr-Cyrl', 'Фирма Градња д.о.о. запошљава зидаре. Без накнаде за кандидате, не наплаћујемо провизију. Пасош остаје код вас.'],
    ['hi', 'ABC Overseas Pvt. Ltd. में कोई फीस नहीं ली जाएगी। पासपोर्ट आपके पास ही रहेगा।'],
    ['tr', 'Yapı A.Ş. kaynakçı arıyor. Adaylardan hiçbir ücret alınmaz. Pasaportunuz sizde kalır.'],
    ['zh', '中国路桥公司招聘电焊工，不收取任何中介费用，护照由本人保管。'],
    ['vi', 'Công ty TNHH Sao Mai: người lao động không phải trả phí môi giới, người lao động tự giữ hộ chiếu.'],
    ['sq', 'Kompania Adriatik sh.p.k.: nuk merret asnjë tarifë nga punëtorët. Pasaporta mbetet tek ju.'],
    ['ne', 'हिमालय म्यानपावर प्रा. लि.: कामदारले कुनै शुल्क तिर्नु पर्दैन। राहदानी आफैंसँग रहन्छ।'],
    ['bn', 'রূপসা ওভারসিজ লিমিটেড: কোনো ফি লাগবে না। পাসপোর্ট আপনার কাছেই থাকবে।'],
    ['ur', 'الفلاح اوورسیز لائسنس نمبر 2345: کوئی فیس نہیں لی جائے گی۔ پاسپورٹ آپ کے پاس رہے گا۔'],
  ];
  it.each(legit)('does not flag a fee or a passport that the offer rules out (%s)', (_lang, text) => {
    const r = checkJobOffer({ text });
    expect(ids(r)).not.toContain('recruitment_fee');
    expect(ids(r)).not.toContain('passport_retention');
    expect(r.risk).toBe('low');
  });

  it('does not flag "no fees" as a recruitment fee but still flags a fee asked in the next clause', () => {
    const r = checkJobOffer({ text: 'No fees for applicants, but you must pay 300 EUR for the medical check before departure.' });
    expect(ids(r)).toContain('recruitment_fee');
    expect(r.signals.find((s) => s.id === 'recruitment_fee')?.evidence).toContain('300 EUR');
  });

  it('flags a passport kept by the employer but not "you keep your passport"', () => {
    expect(ids(checkJobOffer({ text: 'The employer keeps the passports in the office.' }))).toContain('passport_retention');
    expect(ids(checkJobOffer({ text: 'You keep your passport with you at all times.' }))).not.toContain('passport_retention');
  });
});

describe('evidence', () => {
  const offers = [
    'ПОСАО у Немачкој!!! Пасош се оставља послодавцу на чување.',
    'Posao u Nemačkoj. PASOŠ SE OSTAVLJA POSLODAVCU na čuvanje, provizija 500 €.',
    'सर्बिया में काम। एजेंट फीस २.५ लाख रुपये पहले जमा करना होगा।',
    'Tuyển lao động đi Serbia. Phí xuất cảnh 180 triệu đồng, nộp trước 50 triệu đặt cọc.',
    'ＦＡＣＴＯＲＹ work — pay the agent ９００ EUR\u200b before you travel.',
    'Pay\u00a0the\u00a0agent 900\u202fEUR now. We keep your passport.',
  ];
  it.each(offers)('quotes the offer verbatim: %s', (text) => {
    const r = checkJobOffer({ text });
    expect(r.signals.length).toBeGreaterThan(0);
    for (const s of r.signals) {
      if (s.evidence !== undefined) expect(text).toContain(s.evidence);
      for (const a of s.amounts ?? []) if (a.text !== undefined) expect(text).toContain(a.text);
    }
  });
});

describe('language detection', () => {
  const samples: [string, string][] = [
    ['en', 'We are hiring warehouse workers for our site, apply with your CV.'],
    ['sr-Latn', 'Tražimo radnike za građevinu, plata je dobra, smeštaj je obezbeđen.'],
    ['sr-Cyrl', 'Тражимо раднике за грађевину, плата је добра, смештај је обезбеђен.'],
    ['hi', 'हमें निर्माण कार्य के लिए मजदूर चाहिए, सैलरी अच्छी है और रहना मुफ्त है।'],
    ['ne', 'हामीलाई निर्माण कामका लागि कामदार चाहिएको छ, तलब राम्रो छ र बस्न पाइन्छ।'],
    ['ur', 'ہمیں تعمیراتی کام کے لیے مزدوروں کی ضرورت ہے، تنخواہ اچھی ہے۔'],
    ['bn', 'আমাদের নির্মাণ কাজের জন্য শ্রমিক লাগবে, বেতন ভালো।'],
    ['tr', 'İnşaat için işçi arıyoruz, maaş iyi, konaklama ücretsiz.'],
    ['zh', '我们招聘建筑工人，工资高，包吃包住。'],
    ['sq', 'Kërkojmë punëtorë për ndërtim, paga është e mirë dhe fjetja falas.'],
    ['vi', 'Chúng tôi tuyển công nhân xây dựng, lương cao, có chỗ ở miễn phí.'],
  ];
  it.each(samples)('detects %s', (lang, text) => {
    expect(checkJobOffer({ text }).detectedLanguage).toBe(lang);
  });

  it('answers und for text with no letters, and explains in English', () => {
    const r = checkJobOffer({ text: '12345 !!! 🙂🙂' });
    expect(r.detectedLanguage).toBe('und');
    expect(r.disclaimer).toMatch(/does not mean the offer is safe/);
  });

  it('explains in the requested language, whatever the offer is written in', () => {
    const r = checkJobOffer({ text: 'Pay the agent 900 EUR before you travel.', lang: 'sr-Cyrl' });
    expect(r.detectedLanguage).toBe('en');
    expect(r.signals[0]?.title).toMatch(/[\u0400-\u04ff]/);
    expect(r.signals[0]?.title).not.toMatch(/[a-z]/);
  });
});

describe('amounts and currencies', () => {
  const cases: [string, number, string][] = [
    ['Pay the agent 900 EUR before you travel.', 900, 'EUR'],
    ['Agency fee €1.500, paid in advance.', 1500, 'EUR'],
    ['Provizija 60.000 din unapred.', 60000, 'RSD'],
    ['Processing fee $2,500 upfront.', 2500, 'USD'],
    ['Processing fee Rs 1,20,000 upfront.', 120000, 'INR'],
    ['Processing fee ₹2 lakh upfront.', 200000, 'INR'],
    ['Dosya ücreti 800 ₺ peşin.', 800, 'TRY'],
    ['Dosya ücreti 50 bin TL peşin.', 50000, 'TRY'],
    ['出国前交中介费3万元。', 30000, 'CNY'],
    ['出国前交中介费¥20000。', 20000, 'CNY'],
    ['सेवा शुल्क ५ लाख रुपैयाँ अग्रिम तिर्नुपर्छ।', 500000, 'NPR'],
    ['ভিসা খরচ ৭ লাখ টাকা।', 700000, 'BDT'],
    ['ভিসা খরচ ৳ 50000।', 50000, 'BDT'],
    ['Phí xuất cảnh 180 triệu đồng.', 180000000, 'VND'],
    ['Phí dịch vụ 5.000.000đ.', 5000000, 'VND'],
    ['Tarifa e agjencisë 150.000 lekë.', 150000, 'ALL'],
    ['Tarifa e agjencisë 1000 ALL.', 1000, 'ALL'],
  ];
  it.each(cases)('reads the sum in "%s"', (text, amount, currency) => {
    const fee = checkJobOffer({ text }).signals.find((s) => s.id === 'recruitment_fee');
    expect(fee?.amounts).toEqual(expect.arrayContaining([expect.objectContaining({ amount, currency })]));
  });

  it('does not read the English word "all" as Albanian lek', () => {
    const fee = checkJobOffer({ text: 'Registration fee of 300 all inclusive.' }).signals.find((s) => s.id === 'recruitment_fee');
    expect(fee?.amounts ?? []).toEqual([]);
  });

  it('compares pay with the wage table of the destination country', () => {
    const r = checkJobOffer({ text: 'Construction helpers for Germany, salary 4500 EUR net per month, apply now at Bau GmbH.' });
    const pay = r.signals.find((s) => s.id === 'pay_far_above_typical');
    expect(pay?.evidence).toBe('4500 EUR');
    expect(pay?.explanation).toMatch(/4500 EUR a month/);
    expect(ids(checkJobOffer({ text: 'Construction workers for Germany, salary 2300 EUR net per month, Bau GmbH.' }))).not.toContain('pay_far_above_typical');
  });
});

describe('answers', () => {
  it('raises a high signal for a fee paid to an agency without any text', () => {
    const r = checkJobOffer({ answers: { fee_requested: 'to_agency', fee_amount: 900, fee_currency: 'EUR' } });
    expect(r.risk).toBe('high');
    expect(r.signals[0]).toMatchObject({ id: 'recruitment_fee', amounts: [{ amount: 900, currency: 'EUR' }] });
    expect(r.signals[0]?.evidence).toBeUndefined();
  });

  it('reads numbers as HTML forms send them and ignores invalid answers instead of throwing', () => {
    const r = checkJobOffer({ answers: { hours_per_day: '14', passport_keeper: 'nonsense', unknown: 1 } });
    expect(ids(r)).toEqual(['excessive_hours']);
  });

  it('compares the answered pay with the answered destination', () => {
    const r = checkJobOffer({ answers: { pay_amount: 5000, pay_currency: 'EUR', pay_period: 'month', destination_country: 'SK' } });
    expect(ids(r)).toContain('pay_far_above_typical');
  });

  it('merges a signal found in both the text and the answers, keeping the evidence', () => {
    const r = checkJobOffer({ text: 'We keep your passport.', answers: { passport_keeper: 'employer' } });
    expect(r.signals.filter((s) => s.id === 'passport_retention')).toEqual([expect.objectContaining({ evidence: 'We keep your passport' })]);
  });
});

describe('agency register', () => {
  const register = (name: string) =>
    name === 'Balkan Jobs' ? ({ status: 'not_registered' } as const) : name === 'Most' ? ({ status: 'registered', officialName: 'Most d.o.o.' } as const) : ({ status: 'unknown' } as const);

  it('flags an agency named in the offer that the register does not know', () => {
    const r = checkJobOffer({ text: 'Work in Germany through Balkan Jobs agency, contract before departure.' }, { agencyRegister: register });
    expect(r.signals.find((s) => s.id === 'unlicensed_agency')).toMatchObject({ evidence: 'Balkan Jobs', severity: 'high' });
    expect(r.risk).toBe('high');
  });

  it('adds an advice line instead of a signal for a registered agency', () => {
    const r = checkJobOffer({ text: 'Negovateljice za Austriju, agencija Most, ugovor pre polaska.' }, { agencyRegister: register });
    expect(ids(r)).not.toContain('unlicensed_agency');
    expect(r.advice.some((a) => a.includes('Most d.o.o.'))).toBe(true);
  });

  it('looks up the agency typed in the questionnaire, without evidence', () => {
    const r = checkJobOffer({ answers: { agency_name: 'Balkan Jobs' } }, { agencyRegister: register });
    expect(r.signals).toEqual([expect.objectContaining({ id: 'unlicensed_agency' })]);
    expect(r.signals[0]?.evidence).toBeUndefined();
  });
});

describe('advice and disclaimer', () => {
  it('always tells what to check next, with the configured SOS contact', () => {
    const r = checkJobOffer({ text: '' }, { sos: { name: 'ASTRA', phone: '+381 11 785 0000', hours: '10-18' } });
    expect(r.signals).toEqual([]);
    expect(r.risk).toBe('low');
    expect(r.advice).toHaveLength(5);
    expect(r.advice.at(-1)).toBe('Call the SOS line of ASTRA for free, confidential advice: +381 11 785 0000 (10-18).');
  });

  it('puts "stop and check" first when the risk is high', () => {
    const r = checkJobOffer({ text: 'We keep your passport.' });
    expect(r.advice[0]).toMatch(/^Do not pay anything/);
  });

  it.each(LANGUAGES)('has every text and question label in %s', (lang) => {
    const r = checkJobOffer({ answers: { fee_requested: 'to_agency' }, lang });
    expect(r.disclaimer).not.toBe('');
    expect(r.signals[0]?.title).not.toBe('');
    const qs = questions(lang);
    expect(qs.map((q) => q.id)).toContain('destination_country');
    for (const q of qs) {
      expect(q.label).not.toBe(q.id);
      for (const o of q.options ?? []) expect(o.label).not.toBe('');
    }
  });
});

describe('robustness', () => {
  it('never throws on any Unicode, including lone surrogates and control characters', () => {
    const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: anyUnit, maxLength: 300 })), (text) => {
        const r = checkJobOffer({ text });
        expect(['high', 'medium', 'low']).toContain(r.risk);
        for (const s of r.signals) if (s.evidence !== undefined) expect(text).toContain(s.evidence);
      }),
      { numRuns: 300 },
    );
  });

  it('gives a verdict for mixed scripts, right-to-left text and emoji', () => {
    const r = checkJobOffer({ text: '🔥🔥 URGENT سعودی عرب میں نوکری 🇸🇦 Pay the agent 900 EUR 护照由公司保管 \u202eevil\u202c' });
    expect(r.risk).toBe('high');
  });

  it('checks a 20,000-character offer', () => {
    const ending = 'We keep your passport.';
    const text = 'Warehouse work in Poland, 25 PLN per hour, contract before departure. '.repeat(300).slice(0, 20_000 - ending.length) + ending;
    expect(text.length).toBe(20_000);
    expect(ids(checkJobOffer({ text }))).toContain('passport_retention');
  });
});
