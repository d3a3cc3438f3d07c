import { describe, expect, it } from 'vitest';
import { buildAgencyRegister, nameWords } from './agency-register.js';

const register = buildAgencyRegister([
  { name: 'POSAO PLUS DOO BEOGRAD', registrationNumber: '21234567', licenceNumber: '1-2019' },
  { name: 'Агенција за запошљавање Радни Мост д.о.о. Нови Сад', registrationNumber: '07654321', licenceNumber: '5-2021' },
  { name: 'Global Work Agency d.o.o.', registrationNumber: '20999888', licenceNumber: '12-2022' },
]);

describe('the agency register lookup', () => {
  it('reads names whatever the case, accents, script and legal form', () => {
    expect(nameWords('Posao Plus d.o.o.')).toEqual(['posao', 'plus']);
    expect(nameWords('POSAO PLUS DOO')).toEqual(['posao', 'plus']);
    expect(nameWords('Агенција Радни Мост д.о.о.')).toEqual(['radni', 'most']);
    expect(nameWords('Đurđević Zapošljavanje')).toEqual(['djurdjevic']);
  });

  it('finds an agency by the words of its name, in either direction, or by its registration number', () => {
    expect(register('Posao Plus')).toEqual({ status: 'registered', officialName: 'POSAO PLUS DOO BEOGRAD', licence: '1-2019' });
    expect(register('Radni Most doo')).toMatchObject({ status: 'registered', licence: '5-2021' });
    expect(register('Радни мост')).toMatchObject({ status: 'registered', licence: '5-2021' });
    expect(register('Global Work Agency Serbia')).toMatchObject({ status: 'registered', licence: '12-2022' });
    expect(register('MB 21234567')).toMatchObject({ status: 'registered', licence: '1-2019' });
  });

  it('says an agency is not registered when no listed name matches, and knows nothing of generic words', () => {
    expect(register('Euro Jobs International')).toEqual({ status: 'not_registered' });
    expect(register('Posao Minus')).toEqual({ status: 'not_registered' });
    expect(register('Agencija d.o.o.')).toEqual({ status: 'unknown' });
  });
});
