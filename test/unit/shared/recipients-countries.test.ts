import { describe, expect, it } from 'vitest';
import {
  UK,
  countryNameForRegion,
  findCountry,
  makeCountryKey,
  postageZone,
} from '../../../src-shared/recipients/countries';
import { validatePostalAddress } from '../../../src-shared/recipients/postal-address';
import { sanitiseAscii } from '../../../src-shared/template/sanitise-text';
import {
  ADDITIONAL_SYNONYMS,
  EUROPEAN_ISLANDS,
  ROYAL_MAIL_EUROPEAN,
  UK_ISLANDS,
  WELSH_NAMES,
} from '../../../src-shared/recipients/countries-data';

// Cases ported from alphagov/notifications-utils tests/test_countries.py and tests/country_synonyms.py.

/**
 * The postage a letter switches to when its address ends with `country` (null: UK postage), as
 * `POST /v2/notifications/letter` validates the address; 'not a country' when the last line is refused.
 */
function letterPostage(country: string): string | null {
  const result = validatePostalAddress(
    {
      address_line_1: '1 High Street',
      address_line_2: 'Town',
      address_line_3: 'SW1A 1AA',
      address_line_4: country,
    },
    { allowInternational: true },
  );
  if (!result.ok) {
    expect(result.message).toBe('Last line of address must be a real UK postcode or another country');
    return 'not a country';
  }
  return result.postage;
}

describe('constants', () => {
  it('matches UTILS', () => {
    expect(UK).toBe('United Kingdom');
    expect(UK_ISLANDS).toEqual([
      'Alderney',
      'Brecqhou',
      'Guernsey',
      'Herm',
      'Isle of Man',
      'Jersey',
      'Jethou',
      'Sark',
    ]);
    expect(EUROPEAN_ISLANDS).toEqual(['Azores', 'Balearic Islands', 'Canary Islands', 'Corsica', 'Madeira']);
  });
});

describe('findCountry (UTILS Country(name).canonical_name)', () => {
  it.each([
    ['u.s.a', 'United States'],
    ['america', 'United States'],
    ['United States America', 'United States'],
    ['ROI', 'Ireland'],
    ['Irish Republic', 'Ireland'],
    ['Rep of Ireland', 'Ireland'],
    ['RepOfIreland', 'Ireland'],
    ['deutschland', 'Germany'],
    ['UK', 'United Kingdom'],
    ['England', 'United Kingdom'],
    ['Northern Ireland', 'United Kingdom'],
    ['Scotland', 'United Kingdom'],
    ['Wales', 'United Kingdom'],
    ['N. Ireland', 'United Kingdom'],
    ['GB', 'United Kingdom'],
    ['NIR', 'United Kingdom'],
    ['SCT', 'United Kingdom'],
    ['WLS', 'United Kingdom'],
    ['gambia', 'The Gambia'],
    ['Gambia', 'The Gambia'],
    ['Jersey', 'United Kingdom'],
    ['Guernsey', 'United Kingdom'],
    ['Lubnān', 'Lebanon'],
    ['Lubnan', 'Lebanon'],
    ['ESPAÑA', 'Spain'],
    ['ESPANA', 'Spain'],
    ["the democratic people's republic of korea", 'North Korea'],
    ['the democratic peoples republic of korea', 'North Korea'],
    ['ALAND', 'Åland Islands'],
    ['Sao Tome + Principe', 'Sao Tome and Principe'],
    ['Sao Tome & Principe', 'Sao Tome and Principe'],
    ['Antigua, and Barbuda', 'Antigua and Barbuda'],
    ['Azores', 'Azores'],
    ['Autonomous Region of the Azores', 'Azores'],
    ['Canary Islands', 'Canary Islands'],
    ['Islas Canarias', 'Canary Islands'],
    ['Canaries', 'Canary Islands'],
    ['Madeira', 'Madeira'],
    ['Autonomous Region of Madeira', 'Madeira'],
    ['Região Autónoma da Madeira', 'Madeira'],
    ['Balearic Islands', 'Balearic Islands'],
    ['Islas Baleares', 'Balearic Islands'],
    ['Illes Balears', 'Balearic Islands'],
    ['Corsica', 'Corsica'],
    ['Corse', 'Corsica'],
    ['Congo, Democratic Republic of', 'Congo'],
    ['Curacao (former Netherlands Antilles)', 'Curaçao'],
    ['Djibouti, Republic of', 'Djibouti'],
    ['Dominica, Commonwealth of', 'Dominica'],
    ['Korea, Republic of', 'South Korea'],
    ['Micronesia, Federated States of', 'Micronesia'],
    ['Palestine', 'Occupied Palestinian Territories'],
    ['Palestinian Territory', 'Occupied Palestinian Territories'],
    ['Palestine, state of', 'Occupied Palestinian Territories'],
    ['State of Palestine', 'Occupied Palestinian Territories'],
    ['Rwanda, Republic of', 'Rwanda'],
    ['San Marino, Republic of', 'San Marino'],
    ['Virgin Islands, British', 'British Virgin Islands'],
  ])('hand-crafted synonym %j is %s', (search, expected) => {
    expect(findCountry(search)).toBe(expected);
  });

  // A sample of UTILS tests/country_synonyms.py ALL.
  it.each([
    ["al'iraq", 'Iraq'],
    ["cote d'ivoire", 'Ivory Coast'],
    ["coted'ivoire", 'Ivory Coast'],
    ["lao people's democratic republic", 'Laos'],
    ["people's republic of china", 'China'],
    ["sak'art'velo", 'Georgia'],
    ["the republic of cote d'ivoire", 'Ivory Coast'],
    ["yisra'el", 'Israel'],
    ['\u200e', 'Iraq'],
    ['aaland', 'Åland Islands'],
    ['abudhabi', 'Abu Dhabi'],
    ['abyssinia', 'Ethiopia'],
    ['ad', 'Andorra'],
    ['ae', 'United Arab Emirates'],
    ['aeroes', 'Faroe Islands'],
    ['afganastan', 'Afghanistan'],
    ['aforika borwa', 'South Africa'],
    ['al itihaad al islamiya', 'Somalia'],
    ['albaḥrayn', 'Bahrain'],
    ['almamlaka al‘arabiyyah as sa‘ūdiyyah', 'Saudi Arabia'],
    ['al’imārat al‘arabiyyah almuttaḥidah', 'United Arab Emirates'],
    ['amerika sāmoa', 'Samoa'],
    ['aorōkin m̧ajeļ', 'Marshall Islands'],
    ['aotearoa', 'New Zealand'],
    ['arab emir ates', 'United Arab Emirates'],
    ['ascension island', 'Ascension'],
    ['azərbaycan', 'Azerbaijan'],
    ['aşşūmāl', 'Somalia'],
    ['bailiwick of guernsey', 'United Kingdom'],
    ['bailiwickofjersey', 'United Kingdom'],
    ['belgië', 'Belgium'],
    ['bharôtô', 'India'],
    ['bielaruś', 'Belarus'],
    ['bukchosŏn', 'North Korea'],
    ['bălgarija', 'Bulgaria'],
    ['cabo', 'Cape Verde'],
    ['cd', 'Congo (Democratic Republic)'],
    ['cg', 'Congo'],
    ['channel islands', 'United Kingdom'],
    ['cocos(keeling)islands', 'Cocos (Keeling) Islands'],
    ['collectivity of saint martin', 'Saint-Martin (French part)'],
    ['congobrazzaville', 'Congo (Democratic Republic)'],
    ['country of curaçao', 'Curaçao'],
    ['cs', 'Czechia'],
    ['czechoslovak republic', 'Czechia'],
    ['dd', 'Germany'],
    ['democratic republic of the congo', 'Congo (Democratic Republic)'],
    ['dubai U.A.E.', 'Dubai'],
    ['ducie and oeno islands', 'Pitcairn, Henderson, Ducie and Oeno Islands'],
    ['eastgermany', 'Germany'],
    ['ellan vannin', 'United Kingdom'],
    ['elmeɣrib', 'Morocco'],
    ['emirate of ras alkhaimah', 'Ras al-Khaimah'],
    ['esce', 'Ceuta'],
    ['españa', 'Spain'],
    ['federal republic of somaliaaiai', 'Somalia'],
    ['therepublicoftheunionofmyanmar', 'Myanmar (Burma)'],
    ['thestates', 'United States'],
    ['thevirginislands', 'British Virgin Islands'],
    ['toçikiston', 'Tajikistan'],
    ['türkiye', 'Turkey'],
    ['tšād', 'Chad'],
    ['ukraїna', 'Ukraine'],
    ['unitedstatesamercia', 'United States'],
    ['vc', 'St Vincent'],
    ['virgin islands of the united states', 'United States Virgin Islands'],
    ['việt nam', 'Vietnam'],
    ['xqz', 'Akrotiri'],
    ['xīnjiāpō', 'Singapore'],
    ['zhōnghuá mínguó', 'Taiwan'],
    ['ztate of katar', 'Qatar'],
    ['åland', 'Åland Islands'],
    ['étatsunis', 'United States'],
    ['îraq', 'Iraq'],
    ['česká republika', 'Czechia'],
    ['īrān', 'Iran'],
    ['ελλάς', 'Greece'],
    ['босна и херцеговина', 'Bosnia and Herzegovina'],
    ['србија srbija', 'Serbia'],
    ['қазақстан', 'Kazakhstan'],
    ['հայաստան', 'Armenia'],
    ['ישראל', 'Israel'],
    ['إسرائيل ישראל', 'Israel'],
    ['الإمارات العربيّة المتّحدة', 'United Arab Emirates'],
    ['العراق', 'Iraq'],
    ['العراق\u200e', 'Iraq'],
    ['تشاد', 'Chad'],
    ['تشاد\u200e', 'Chad'],
    ['جيبوتي', 'Djibouti'],
    ['جيبوتي\u200e', 'Djibouti'],
    ['فلسطين', 'Occupied Palestinian Territories'],
    ['پاکستان', 'Pakistan'],
    ['भारत गणराज्य', 'India'],
    ['বাংলাদেশ', 'Bangladesh'],
    ['சிங்கப்பூர் குடியரசு', 'Singapore'],
    ['ประเทศไทย', 'Thailand'],
    ['འབྲུག་ཡུལ', 'Bhutan'],
    ['საქართველო', 'Georgia'],
    ['ᠮᠤᠩᠭᠤᠯ ᠤᠯᠤᠰ', 'Mongolia'],
    ['‘umān', 'Oman'],
    ['ⵍⵎⵖⵔⵉⴱ', 'Morocco'],
    ['中国/中华', 'China'],
    ['臺灣/台灣', 'Taiwan'],
    ['香港', 'Hong Kong'],
    ['조선 / 朝鮮', 'North Korea'],
    ['한국/韓國', 'South Korea'],
  ])('synonym %j is %s', (search, expected) => {
    expect(findCountry(search)).toBe(expected);
  });

  // UTILS tests/country_synonyms.py CROWDSOURCED_MISTAKES: (search, country, postage zone).
  it.each([
    ['burma', 'Myanmar (Burma)', 'rest-of-world'],
    ['canary islands', 'Canary Islands', 'europe'],
    ['czechoslovakia', 'Czechia', 'europe'],
    ['east germany', 'Germany', 'europe'],
    ['easter island', 'Easter Island', 'rest-of-world'],
    ['Eidal', 'Italy', 'europe'],
    ['falklands', 'Falkland Islands', 'rest-of-world'],
    ['Ffrainc', 'France', 'europe'],
    ['hawaii', 'United States', 'rest-of-world'],
    ['Herm', 'United Kingdom', 'united-kingdom'],
    ['Khazakhstan', 'Kazakhstan', 'europe'],
    ['korea', 'South Korea', 'rest-of-world'],
    ['macau', 'Macao', 'rest-of-world'],
    ['myanmar', 'Myanmar (Burma)', 'rest-of-world'],
    ['new zeeland', 'New Zealand', 'rest-of-world'],
    ['NI', 'United Kingdom', 'united-kingdom'],
    ['Pitcairn Island', 'Pitcairn, Henderson, Ducie and Oeno Islands', 'rest-of-world'],
    ['republic of china', 'Taiwan', 'rest-of-world'],
    ['Republik Österreich', 'Austria', 'europe'],
    ['République Islamique de Mauritanie', 'Mauritania', 'rest-of-world'],
    ['Mauritanie', 'Mauritania', 'rest-of-world'],
    ['Sark', 'United Kingdom', 'united-kingdom'],
    ['South Ireland', 'Ireland', 'europe'],
    ['St Helena', 'Saint Helena', 'rest-of-world'],
    ['Swaziland', 'Eswatini', 'rest-of-world'],
    ['the falkland islands', 'Falkland Islands', 'rest-of-world'],
    ['the falklands', 'Falkland Islands', 'rest-of-world'],
    ['the sandwich islands', 'South Georgia and the South Sandwich Islands', 'rest-of-world'],
    ['South Georgia', 'South Georgia and the South Sandwich Islands', 'rest-of-world'],
    ['Tristan', 'Tristan da Cunha', 'rest-of-world'],
    ['Vatican', 'Vatican City', 'europe'],
    ['West Germany', 'Germany', 'europe'],
    ['Yr Alban', 'United Kingdom', 'united-kingdom'],
    ['Swistir', 'Switzerland', 'europe'],
    ['Y Swistir', 'Switzerland', 'europe'],
    ['Saint Kitts', 'St Kitts and Nevis', 'rest-of-world'],
    ['St Kitts', 'St Kitts and Nevis', 'rest-of-world'],
    ['El Hierro', 'Canary Islands', 'europe'],
    ['La Palma', 'Canary Islands', 'europe'],
    ['La Gomera', 'Canary Islands', 'europe'],
    ['Tenerife', 'Canary Islands', 'europe'],
    ['Gran Canaria', 'Canary Islands', 'europe'],
    ['Fuerteventura', 'Canary Islands', 'europe'],
    ['Lanzarote', 'Canary Islands', 'europe'],
    ['La Graciosa', 'Canary Islands', 'europe'],
  ])('crowdsourced %j is %s (%s)', (search, country, zone) => {
    expect(findCountry(search)).toBe(country);
    expect(postageZone(country)).toBe(zone);
  });

  it.each(['ussr', 'USSR', 'союз советских социалистических республик', 'yugoslavia', 'jugoslavija'])(
    'ended country %j without a successor is not a country',
    (search) => {
      expect(findCountry(search)).toBeNull();
    },
  );

  it.each(['Qumran', 'Kumrahn', '', '123 Example Street', 'SW1A 1AA'])('%j is not a country', (search) => {
    expect(findCountry(search)).toBeNull();
  });

  // Synonyms in the data that are not supported because they contain numbers.
  it.each(['UM-67', 'UM-71', 'UM-76', 'UM-81', 'UM-84', 'UM-86', 'UM-89', 'UM-95', 'Россия1'])(
    'numeric synonym %j is not a country',
    (search) => {
      expect(findCountry(search)).toBeNull();
    },
  );

  it.each(ADDITIONAL_SYNONYMS.map(([synonym, canonical]) => [synonym, canonical]))(
    'additional synonym %j is %s',
    (synonym, canonical) => {
      expect(findCountry(synonym)).toBe(canonical);
    },
  );

  it.each(WELSH_NAMES.map(([welsh, canonical]) => [welsh, canonical]))(
    'Welsh name %j is %s',
    (welsh, canonical) => {
      expect(findCountry(welsh)).toBe(canonical);
      expect(findCountry(canonical)).toBe(canonical);
    },
  );

  it.each(UK_ISLANDS)('UK island %j is posted as the United Kingdom', (island) => {
    expect(findCountry(island)).toBe(UK);
    expect(postageZone(UK)).toBe('united-kingdom');
  });

  it('ignores case, spacing and punctuation, and tries “the”, “yr” and “y” prefixes', () => {
    expect(findCountry('  FRANCE ')).toBe('France');
    expect(findCountry('côte d’ivoire')).toBe('Ivory Coast');
    expect(findCountry('Bahamas')).toBe('The Bahamas');
    expect(findCountry('Alban')).toBe('United Kingdom');
    expect(findCountry('Swistir')).toBe('Switzerland');
  });
});

describe('postage zones', () => {
  it.each([
    ['u.s.a', 'rest-of-world'],
    ['Rep of Ireland', 'europe'],
    ['deutschland', 'europe'],
    ['UK', 'united-kingdom'],
    ['Jersey', 'united-kingdom'],
    ['Guernsey', 'united-kingdom'],
    ['Channel Islands', 'united-kingdom'],
    ['isle-of-man', 'united-kingdom'],
    ['ESPAÑA', 'europe'],
    ["Côte d'Ivoire", 'rest-of-world'],
  ])('%j is in the %s zone', (search, zone) => {
    const country = findCountry(search);
    expect(country).not.toBeNull();
    expect(postageZone(country ?? '')).toBe(zone);
  });

  it.each(ROYAL_MAIL_EUROPEAN)('%s is in Royal Mail’s Europe zone', (country) => {
    expect(findCountry(country)).toBe(country);
    expect(postageZone(country)).toBe('europe');
    expect(letterPostage(country)).toBe('europe');
  });

  it('letters to a European country in any spelling go by europe post; the UK and the rest of the world do not', () => {
    expect(letterPostage('Deutschland')).toBe('europe');
    expect(letterPostage('Tenerife')).toBe('europe');
    expect(letterPostage('United Kingdom')).toBeNull(); // UK postage: the letter's own
    expect(letterPostage('Jersey')).toBeNull();
    expect(letterPostage('USA')).toBe('rest-of-world');
    expect(letterPostage('Atlantis')).toBe('not a country');
  });
});

describe('helpers', () => {
  it.each([
    ['Côte d’Ivoire', 'cotedivoire'],
    ['Sao Tome & Principe', 'saotomeandprincipe'],
    ['Sao Tome + Principe', 'saotomeandprincipe'],
    ['Curacao (former Netherlands Antilles)', 'curacaoformernetherlandsantilles'],
    ['Россия', 'россия'],
  ])('makeCountryKey(%j) is %j', (name, key) => {
    expect(makeCountryKey(name)).toBe(key);
  });

  it('sanitiseAscii downgrades accents and punctuation like UTILS SanitiseASCII', () => {
    expect(sanitiseAscii('Région Autónoma – “ok” …')).toBe('Region Autonoma - "ok" ...');
    expect(sanitiseAscii('Łódź')).toBe('Lodz');
    expect(sanitiseAscii('日本')).toBe('??');
  });

  it.each([
    ['GB', 'United Kingdom'],
    ['JE', 'Jersey'],
    ['FR', 'France'],
    ['ZZ', null],
  ])('countryNameForRegion(%j) is %j', (code, name) => {
    expect(countryNameForRegion(code)).toBe(name);
  });
});
