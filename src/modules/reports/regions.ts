/**
 * The UN M49 geographic regions and sub-regions (the statistics division's standard), by ISO
 * 3166 alpha-2 code: how shared data generalises a citizenship that would single a person out.
 * Kosovo (XK) and Taiwan (TW), which M49 does not list, sit where their neighbours do.
 */
const SUB_REGIONS: Readonly<Record<string, { region: string; countries: string }>> = {
  'Northern Africa': { region: 'Africa', countries: 'DZ EG EH LY MA SD TN' },
  'Sub-Saharan Africa': {
    region: 'Africa',
    countries:
      'AO BF BI BJ BW CD CF CG CI CM CV DJ ER ET GA GH GM GN GQ GW IO KE KM LR LS MG ML MR MU MW MZ NA NE NG RE RW SC SH SL SN SO SS ST SZ TD TF TG TZ UG YT ZA ZM ZW',
  },
  'Latin America and the Caribbean': {
    region: 'Americas',
    countries:
      'AG AI AR AW BB BL BO BQ BR BS BV BZ CL CO CR CU CW DM DO EC FK GD GF GP GS GT GY HN HT JM KN KY LC MF MQ MS MX NI PA PE PR PY SR SV SX TC TT UY VC VE VG VI',
  },
  'Northern America': { region: 'Americas', countries: 'BM CA GL PM US' },
  'Central Asia': { region: 'Asia', countries: 'KG KZ TJ TM UZ' },
  'Eastern Asia': { region: 'Asia', countries: 'CN HK JP KP KR MN MO TW' },
  'South-eastern Asia': { region: 'Asia', countries: 'BN ID KH LA MM MY PH SG TH TL VN' },
  'Southern Asia': { region: 'Asia', countries: 'AF BD BT IN IR LK MV NP PK' },
  'Western Asia': { region: 'Asia', countries: 'AE AM AZ BH CY GE IL IQ JO KW LB OM PS QA SA SY TR YE' },
  'Eastern Europe': { region: 'Europe', countries: 'BG BY CZ HU MD PL RO RU SK UA' },
  'Northern Europe': { region: 'Europe', countries: 'AX DK EE FI FO GB GG IE IM IS JE LT LV NO SE SJ' },
  'Southern Europe': { region: 'Europe', countries: 'AD AL BA ES GI GR HR IT ME MK MT PT RS SI SM VA XK' },
  'Western Europe': { region: 'Europe', countries: 'AT BE CH DE FR LI LU MC NL' },
  'Australia and New Zealand': { region: 'Oceania', countries: 'AU CC CX HM NF NZ' },
  Melanesia: { region: 'Oceania', countries: 'FJ NC PG SB VU' },
  Micronesia: { region: 'Oceania', countries: 'FM GU KI MH MP NR PW UM' },
  Polynesia: { region: 'Oceania', countries: 'AS CK NU PF PN TK TO TV WF WS' },
  Antarctica: { region: 'Antarctica', countries: 'AQ' },
};

const PLACE = new Map<string, { subRegion: string; region: string }>(
  Object.entries(SUB_REGIONS).flatMap(([subRegion, { region, countries }]) => countries.split(' ').map((c) => [c, { subRegion, region }] as const)),
);

/** The M49 sub-region of a country ("Southern Asia"), or "unknown". */
export const subRegionOf = (country: string): string => PLACE.get(country)?.subRegion ?? 'unknown';

/** The M49 region of a country ("Asia"), or "unknown". */
export const regionOf = (country: string): string => PLACE.get(country)?.region ?? 'unknown';
