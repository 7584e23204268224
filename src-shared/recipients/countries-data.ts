/**
 * Country and territory data for postal addresses (a port of UTILS `notifications_utils/countries/`).
 * Generated: do not edit by hand.
 *
 * Source: alphagov/notifications-utils notifications_utils/countries/_data as ported before (graph from alphagov/govuk-country-and-territory-autocomplete b61091a5, synonyms.json newer than e99576ef), re-read from that port because the files are not available offline. Regenerated on 2026-12-03 with:
 *
 *     node --import tsx scripts/refresh-countries-data.ts --data /tmp/rules-oracle/countries --source-name "alphagov/notifications-utils notifications_utils/countries/_data as ported before (graph from alphagov/govuk-country-and-territory-autocomplete b61091a5, synonyms.json newer than e99576ef), re-read from that port because the files are not available offline"
 *
 * - `location-autocomplete-graph.json` (the GOV.UK country and territory register, as vendored by UTILS
 *   from alphagov/govuk-country-and-territory-autocomplete): the canonical names below and every
 *   other entry in file order, each resolved to the canonical entry its edges lead to (`c:` country,
 *   `t:` territory, `u:` a UK nation, which resolves to the United Kingdom). Invisible characters
 *   are written as `\\u` escapes.
 * - `ended-countries.json`, `uk-islands.txt`, `european-islands.txt`, `welsh-names.json`,
 *   `synonyms.json`, `europe.txt` (Royal Mail's Europe zone) and `uk-postcode-zones.txt`.
 * - `NAMES_NOTIFY_ACCEPTS` in the script: names Notify's tests or current data accept that the files
 *   above did not map (13 added).
 */

/** `country:XX` entries: ISO code to canonical name. */
export const CANONICAL_COUNTRIES: Readonly<Record<string, string>> = {
  AD: 'Andorra',
  AE: 'United Arab Emirates',
  AF: 'Afghanistan',
  AG: 'Antigua and Barbuda',
  AL: 'Albania',
  AM: 'Armenia',
  AO: 'Angola',
  AR: 'Argentina',
  AT: 'Austria',
  AU: 'Australia',
  AZ: 'Azerbaijan',
  BA: 'Bosnia and Herzegovina',
  BB: 'Barbados',
  BD: 'Bangladesh',
  BE: 'Belgium',
  BF: 'Burkina Faso',
  BG: 'Bulgaria',
  BH: 'Bahrain',
  BI: 'Burundi',
  BJ: 'Benin',
  BN: 'Brunei',
  BO: 'Bolivia',
  BR: 'Brazil',
  BS: 'The Bahamas',
  BT: 'Bhutan',
  BW: 'Botswana',
  BY: 'Belarus',
  BZ: 'Belize',
  CA: 'Canada',
  CD: 'Congo (Democratic Republic)',
  CF: 'Central African Republic',
  CG: 'Congo',
  CH: 'Switzerland',
  CI: 'Ivory Coast',
  CL: 'Chile',
  CM: 'Cameroon',
  CN: 'China',
  CO: 'Colombia',
  CR: 'Costa Rica',
  CS: 'Czechoslovakia',
  CU: 'Cuba',
  CV: 'Cape Verde',
  CY: 'Cyprus',
  CZ: 'Czechia',
  DD: 'East Germany',
  DE: 'Germany',
  DJ: 'Djibouti',
  DK: 'Denmark',
  DM: 'Dominica',
  DO: 'Dominican Republic',
  DZ: 'Algeria',
  EC: 'Ecuador',
  EE: 'Estonia',
  EG: 'Egypt',
  ER: 'Eritrea',
  ES: 'Spain',
  ET: 'Ethiopia',
  FI: 'Finland',
  FJ: 'Fiji',
  FM: 'Micronesia',
  FR: 'France',
  GA: 'Gabon',
  GB: 'United Kingdom',
  GD: 'Grenada',
  GE: 'Georgia',
  GH: 'Ghana',
  GM: 'The Gambia',
  GN: 'Guinea',
  GQ: 'Equatorial Guinea',
  GR: 'Greece',
  GT: 'Guatemala',
  GW: 'Guinea-Bissau',
  GY: 'Guyana',
  HN: 'Honduras',
  HR: 'Croatia',
  HT: 'Haiti',
  HU: 'Hungary',
  ID: 'Indonesia',
  IE: 'Ireland',
  IL: 'Israel',
  IN: 'India',
  IQ: 'Iraq',
  IR: 'Iran',
  IS: 'Iceland',
  IT: 'Italy',
  JM: 'Jamaica',
  JO: 'Jordan',
  JP: 'Japan',
  KE: 'Kenya',
  KG: 'Kyrgyzstan',
  KH: 'Cambodia',
  KI: 'Kiribati',
  KM: 'Comoros',
  KN: 'St Kitts and Nevis',
  KP: 'North Korea',
  KR: 'South Korea',
  KW: 'Kuwait',
  KZ: 'Kazakhstan',
  LA: 'Laos',
  LB: 'Lebanon',
  LC: 'St Lucia',
  LI: 'Liechtenstein',
  LK: 'Sri Lanka',
  LR: 'Liberia',
  LS: 'Lesotho',
  LT: 'Lithuania',
  LU: 'Luxembourg',
  LV: 'Latvia',
  LY: 'Libya',
  MA: 'Morocco',
  MC: 'Monaco',
  MD: 'Moldova',
  ME: 'Montenegro',
  MG: 'Madagascar',
  MH: 'Marshall Islands',
  MK: 'North Macedonia',
  ML: 'Mali',
  MM: 'Myanmar (Burma)',
  MN: 'Mongolia',
  MR: 'Mauritania',
  MT: 'Malta',
  MU: 'Mauritius',
  MV: 'Maldives',
  MW: 'Malawi',
  MX: 'Mexico',
  MY: 'Malaysia',
  MZ: 'Mozambique',
  NA: 'Namibia',
  NE: 'Niger',
  NG: 'Nigeria',
  NI: 'Nicaragua',
  NL: 'Netherlands',
  NO: 'Norway',
  NP: 'Nepal',
  NR: 'Nauru',
  NZ: 'New Zealand',
  OM: 'Oman',
  PA: 'Panama',
  PE: 'Peru',
  PG: 'Papua New Guinea',
  PH: 'Philippines',
  PK: 'Pakistan',
  PL: 'Poland',
  PT: 'Portugal',
  PW: 'Palau',
  PY: 'Paraguay',
  QA: 'Qatar',
  RO: 'Romania',
  RS: 'Serbia',
  RU: 'Russia',
  RW: 'Rwanda',
  SA: 'Saudi Arabia',
  SB: 'Solomon Islands',
  SC: 'Seychelles',
  SD: 'Sudan',
  SE: 'Sweden',
  SG: 'Singapore',
  SI: 'Slovenia',
  SK: 'Slovakia',
  SL: 'Sierra Leone',
  SM: 'San Marino',
  SN: 'Senegal',
  SO: 'Somalia',
  SR: 'Suriname',
  SS: 'South Sudan',
  ST: 'Sao Tome and Principe',
  SU: 'USSR',
  SV: 'El Salvador',
  SY: 'Syria',
  SZ: 'Eswatini',
  TD: 'Chad',
  TG: 'Togo',
  TH: 'Thailand',
  TJ: 'Tajikistan',
  TL: 'East Timor',
  TM: 'Turkmenistan',
  TN: 'Tunisia',
  TO: 'Tonga',
  TR: 'Turkey',
  TT: 'Trinidad and Tobago',
  TV: 'Tuvalu',
  TZ: 'Tanzania',
  UA: 'Ukraine',
  UG: 'Uganda',
  US: 'United States',
  UY: 'Uruguay',
  UZ: 'Uzbekistan',
  VA: 'Vatican City',
  VC: 'St Vincent',
  VE: 'Venezuela',
  VN: 'Vietnam',
  VU: 'Vanuatu',
  WS: 'Samoa',
  XK: 'Kosovo',
  YE: 'Yemen',
  YU: 'Yugoslavia',
  ZA: 'South Africa',
  ZM: 'Zambia',
  ZW: 'Zimbabwe',
};

/** `territory:XX` entries: code to canonical name. */
export const CANONICAL_TERRITORIES: Readonly<Record<string, string>> = {
  'AE-AJ': 'Ajman',
  'AE-AZ': 'Abu Dhabi',
  'AE-DU': 'Dubai',
  'AE-FU': 'Fujairah',
  'AE-RK': 'Ras al-Khaimah',
  'AE-SH': 'Sharjah',
  'AE-UQ': 'Umm al-Quwain',
  AI: 'Anguilla',
  AQ: 'Antarctica',
  AS: 'American Samoa',
  AW: 'Aruba',
  AX: 'Åland Islands',
  BAT: 'British Antarctic Territory',
  BL: 'Saint Barthélemy',
  BM: 'Bermuda',
  'BQ-BO': 'Bonaire',
  'BQ-SA': 'Saba',
  'BQ-SE': 'Sint Eustatius',
  BV: 'Bouvet Island',
  CC: 'Cocos (Keeling) Islands',
  CK: 'Cook Islands',
  CW: 'Curaçao',
  CX: 'Christmas Island',
  EH: 'Western Sahara',
  'ES-CE': 'Ceuta',
  'ES-ML': 'Melilla',
  FK: 'Falkland Islands',
  FO: 'Faroe Islands',
  GF: 'French Guiana',
  GG: 'Guernsey',
  GI: 'Gibraltar',
  GL: 'Greenland',
  GP: 'Guadeloupe',
  GS: 'South Georgia and South Sandwich Islands',
  GU: 'Guam',
  HK: 'Hong Kong',
  HM: 'Heard Island and McDonald Islands',
  IM: 'Isle of Man',
  IO: 'British Indian Ocean Territory',
  JE: 'Jersey',
  KY: 'Cayman Islands',
  MF: 'Saint-Martin (French part)',
  MO: 'Macao',
  MP: 'Northern Mariana Islands',
  MQ: 'Martinique',
  MS: 'Montserrat',
  NC: 'New Caledonia',
  NF: 'Norfolk Island',
  NU: 'Niue',
  PF: 'French Polynesia',
  PM: 'Saint Pierre and Miquelon',
  PN: 'Pitcairn, Henderson, Ducie and Oeno Islands',
  PR: 'Puerto Rico',
  PS: 'Occupied Palestinian Territories',
  RE: 'Réunion',
  'SH-AC': 'Ascension',
  'SH-HL': 'Saint Helena',
  'SH-TA': 'Tristan da Cunha',
  SJ: 'Svalbard and Jan Mayen',
  SX: 'Sint Maarten (Dutch part)',
  TC: 'Turks and Caicos Islands',
  TF: 'French Southern Territories',
  TK: 'Tokelau',
  TW: 'Taiwan',
  'UM-67': 'Johnston Atoll',
  'UM-71': 'Midway Islands',
  'UM-76': 'Navassa Island',
  'UM-79': 'Wake Island',
  'UM-81': 'Baker Island',
  'UM-84': 'Howland Island',
  'UM-86': 'Jarvis Island',
  'UM-89': 'Kingman Reef',
  'UM-95': 'Palmyra Atoll',
  VG: 'British Virgin Islands',
  VI: 'United States Virgin Islands',
  WF: 'Wallis and Futuna',
  XQZ: 'Akrotiri',
  XXD: 'Dhekelia',
  YT: 'Mayotte',
};

/** `uk:XXX` entries; their graph edge points at the United Kingdom. */
export const UK_NATIONS: Readonly<Record<string, string>> = {
  ENG: 'England',
  GBN: 'Great Britain',
  NIR: 'Northern Ireland',
  SCT: 'Scotland',
  WLS: 'Wales',
};

/** Every other entry of the graph, in file order: `name|target`. */
export const GRAPH_SYNONYMS = `AD|c:AD
AE|c:AE
AE-AJ|t:AE-AJ
AE-AZ|t:AE-AZ
AE-DU|t:AE-DU
AE-FU|t:AE-FU
AE-RK|t:AE-RK
AE-SH|t:AE-SH
AE-UQ|t:AE-UQ
AF|c:AF
AG|c:AG
AI|t:AI
AL|c:AL
AM|c:AM
AO|c:AO
AQ|t:AQ
AR|c:AR
AS|t:AS
AT|c:AT
AU|c:AU
AW|t:AW
AX|t:AX
AZ|c:AZ
Aaland|t:AX
Abyssinia|c:ET
Aeroes|t:FO
Afghanestan|c:AF
Aforika Borwa|c:ZA
Afrika Borwa|c:ZA
Afrika Dzonga|c:ZA
Afrika-Borwa|c:ZA
Afurika Tshipembe|c:ZA
Agawec|c:MR
Ahvenanmaa|t:AX
Al itihaad al islamiya|c:SO
Al-'Iraq|c:IQ
Al-Baḥrayn|c:BH
Al-Iraq|c:IQ
Al-Jazā'ir|c:DZ
Al-Mamlaka Al-‘Arabiyyah as Sa‘ūdiyyah|c:SA
Al-Yaman|c:YE
Al-itihaad al-islamiya|c:SO
Al-maɣréb|c:MA
Al-’Imārat Al-‘Arabiyyah Al-Muttaḥidah|c:AE
Al-’Urdun|c:JO
Aland|t:AX
Ameeri|c:US
Ameica|c:US
Amelika-hui-pu-'ia|c:US
Amerca|c:US
America|c:US
Ameria|c:US
American Virgin Islands|t:VI
Amerika Sāmoa|c:WS
Amerruk|c:MA
Amrica|c:US
An Rywvaneth Unys|c:GB
Anguilla|t:AI
Anmerica|c:US
Annam|c:VN
Antarctica|t:AQ
Antigua and Barbuda|c:AG
Aorōkin M̧ajeļ|c:MH
Aotearoa|c:NZ
Arab Republic of Egypt|c:EG
Argenina|c:AR
Argentine Republic|c:AR
Argentina|c:AR
Aruba|t:AW
As-Sudan|c:SD
Ascension Island|t:SH-AC
Ayiti|c:HT
Azerbaijani Republic|c:AZ
Azerbajdzhan|c:AZ
Azerbajdzhan Republic|c:AZ
Azərbaycan|c:AZ
B.V.I.|t:VG
BA|c:BA
BAT|t:BAT
BB|c:BB
BD|c:BD
BE|c:BE
BF|c:BF
BG|c:BG
BH|c:BH
BI|c:BI
BJ|c:BJ
BL|t:BL
BM|t:BM
BN|c:BN
BO|c:BO
BQ-BO|t:BQ-BO
BQ-SA|t:BQ-SA
BQ-SE|t:BQ-SE
BR|c:BR
BS|c:BS
BT|c:BT
BV|t:BV
BVI|t:VG
BW|c:BW
BY|c:BY
BZ|c:BZ
Bailiwick of Guernsey|t:GG
Bailiwick of Jersey|t:JE
Baker Island|t:UM-81
Bangla Desh|c:BD
Barbados|c:BB
Basutoland|c:LS
Belarus|c:BY
Belau|c:PW
Belgie|c:BE
Belgien|c:BE
Belgique|c:BE
België|c:BE
Belguim|c:BE
Belize|c:BZ
Bermuda|t:BM
Bermudas|t:BM
Bharat|c:IN
Bharôt|c:IN
Bharôtô|c:IN
Bhārat|c:IN
Bhārata|c:IN
Bhāratadēsam|c:IN
Bhāratam|c:IN
BiH|c:BA
Bielaruś|c:BY
Bitain|c:GB
Bolivarian Republic of Venezuela|c:VE
Bolivia|c:BO
Bonaire|t:BQ-BO
Bosna i Hercegovina|c:BA
Bosnia and Herzegovina|c:BA
Bosnia-Herzegovina|c:BA
Bouvet Island|t:BV
Brasil|c:BR
Brazzaville|c:CG
Briain|c:GB
Britain|c:GB
Britiain|c:GB
British Antarctic Territory|t:BAT
British Guiana|c:GY
British Honduras|c:BZ
Brtain|c:GB
Brunei Darussalam|c:BN
Bugaria|c:BG
Bukchosŏn|c:KP
Bulagar|c:BG
Bulgariya|c:BG
Buliwya|c:BO
Bundesrepublik|c:DE
Burkina Faso|c:BF
Burkina Fasoupper|c:BF
Byelarus|c:BY
Byelorussia|c:BY
Bārata|c:IN
Bălgarija|c:BG
CA|c:CA
CAR|c:CF
CC|t:CC
CD|c:CD
CF|c:CF
CG|c:CG
CH|c:CH
CI|c:CI
CK|t:CK
CL|c:CL
CM|c:CM
CN|c:CN
CO|c:CO
CR|c:CR
CS|c:CS
CU|c:CU
CV|c:CV
CW|t:CW
CX|t:CX
CY|c:CY
CZ|c:CZ
Cabo|c:CV
Cabo Verde|c:CV
Cameroon|c:CM
Cameroun|c:CM
Canada|c:CA
Canadaigua|c:CA
Candada|c:CA
Cathay|c:CN
Cayman Islands|t:KY
Central Africa|c:CF
Central African Republic|c:CF
Ceska|c:CZ
Ceuta|t:ES-CE
Ceylon|c:LK
Chinese Taipei|t:TW
Citta del Vaticano|c:VA
Co-operative Republic of Guyana|c:GY
Coasta Rica|c:CR
Collectivity of Saint Martin|t:MF
Commonwealth of Australia|c:AU
Commonwealth of Bahamas|c:BS
Commonwealth of Dominica|c:DM
Commonwealth of Puerto Rico|t:PR
Commonwealth of the Northern Mariana Islands|t:MP
Comores|c:KM
Congo-Brazzaville|c:CD
Cook Islands|t:CK
Costa Rico|c:CR
Cote D'Ivoire|c:CI
Cote dIvoire|c:CI
Country of Curaçao|t:CW
Crna Gora|c:ME
Curacao|t:CW
Curaçao|t:CW
Czech Republic|c:CZ
Czechoslav|c:CZ
Czechoslovak Republic|c:CS
DD|c:DD
DE|c:DE
DJ|c:DJ
DK|c:DK
DM|c:DM
DO|c:DO
DPRK|c:KP
DZ|c:DZ
Dahomey|c:BJ
Danmark|c:DK
Dawlat ul-Kuwayt|c:KW
Democratic People's Republic of Koread|c:KP
Democratic Republic of Sao Tome and Principe|c:ST
Democratic Republic of Timor-Lestetimor|c:TL
Democratic Republic of the Congo|c:CD
Democratic Socialist Republic of Sri Lanka|c:LK
Deutschland|c:DE
Dhivehi Raajje|c:MV
Djibouti|c:DJ
Dominican Republic|c:DO
Dominique|c:DM
Druk Yul|c:BT
Ducie and Oeno Islands|t:PN
Dutch East Indies|c:ID
Dzayer|c:DZ
E Civitate Vaticana|c:VA
EC|c:EC
EE|c:EE
EG|c:EG
EH|t:EH
ENG|u:ENG
ER|c:ER
ES|c:ES
ES-CE|t:ES-CE
ES-ML|t:ES-ML
ET|c:ET
East Pakistan|c:BD
Eastern Samoa|t:AS
Eesti|c:EE
Egpyt|c:EG
Egyot|c:EG
Egyt|c:EG
Eire|c:IE
Ellada|c:GR
Ellan Vannin|t:IM
Ellas|c:GR
Ellice Islands|c:TV
Elmeɣrib|c:MA
Emirate of Abu Dhabi|t:AE-AZ
Emirate of Ajman|t:AE-AJ
Emirate of Dubai|t:AE-DU
Emirate of Fujairah|t:AE-FU
Emirate of Ras al-Khaimah|t:AE-RK
Emirate of Sharjah|t:AE-SH
Emirate of Umm al-Quwain|t:AE-UQ
England|u:ENG
Englsnd|c:GB
Ertra|c:ER
Espainia|c:ES
Espanha|c:ES
Espanya|c:ES
España|c:ES
Estados Unidos|c:US
Esthonia|c:EE
Eswatini|c:SZ
Ethopi|c:ET
FI|c:FI
FJ|c:FJ
FK|t:FK
FM|c:FM
FO|t:FO
FR|c:FR
FRG|c:DE
Falkland Islands|t:FK
Faroe Islands|t:FO
Faroes|t:FO
Federal Democratic Republic of Ethiopia|c:ET
Federal Democratic Republic of Nepal|c:NP
Federal Islamic Republic of the Comoros|c:KM
Federal Republic of Germany|c:DE
Federal Republic of Nigeria|c:NG
Federal Republic of Somalia|c:SO
Federal Republic of Somaliaaiai|c:SO
Federated States of Micronesia|c:FM
Federation of Malaysia|c:MY
Federation of Saint Christopher and Nevis|c:KN
Federative Republic of Brazil|c:BR
Fiji|c:FJ
French Congo|c:CG
French Guiana|t:GF
French Guinea|c:GN
French Oceania|t:PF
French Polynesia|t:PF
French Republic|c:FR
French Southern Territories|t:TF
French Sudan|c:ML
Friendly islands|c:TO
Færøerne|t:FO
Føroyar|t:FO
GA|c:GA
GB|c:GB
GBN|u:GBN
GD|c:GD
GE|c:GE
GF|t:GF
GG|t:GG
GH|c:GH
GI|t:GI
GL|t:GL
GM|c:GM
GN|c:GN
GP|t:GP
GQ|c:GQ
GR|c:GR
GS|t:GS
GT|c:GT
GU|t:GU
GW|c:GW
GY|c:GY
Gabonese Republic|c:GA
Gabun|c:GA
Gabuuti|c:DJ
Genus Argentina|c:AR
Georgia|c:GE
Germany Democratic Republic|c:DD
Gibraltar|t:GI
Gine|c:GN
Gold Coast|c:GH
Grand Duchy of Luxembourg|c:LU
Great Britain|u:GBN
Great Britan|c:GB
Greenland|t:GL
Grenada|c:GD
Gret Britain|c:GB
Gronland|t:GL
Grønland|t:GL
Guadeloupe|t:GP
Guinea Ecuatorial|c:GQ
Guinée|c:GN
Guyane|t:GF
Guåhån|t:GU
HK|t:HK
HM|t:HM
HN|c:HN
HR|c:HR
HT|c:HT
HU|c:HU
Hanguk|c:KR
Hashemite Kingdom of Jordan|c:JO
Hayastan|c:AM
Hayastán|c:AM
Haïti|c:HT
Hellas|c:GR
Hellenic Republic|c:GR
Henderson|t:PN
Heung Gong|t:HK
Hindustan|c:IN
Holland|c:NL
Holy See|c:VA
Hong Kong Special Administrative Region|t:HK
Howland Island|t:UM-84
Hrvatska|c:HR
Hungary|c:HU
I.O.T.|t:IO
ID|c:ID
IE|c:IE
IL|c:IL
IM|t:IM
IN|c:IN
IO|t:IO
IOT|t:IO
IQ|c:IQ
IR|c:IR
IS|c:IS
IT|c:IT
Independent State of Papua New Guinea|c:PG
Independent State of Samoa|c:WS
Irak|c:IQ
Ireland|c:IE
Irelend|c:IE
Irish Republic|c:IE
Iritriya|c:ER
Islamic Republic of Afghanistan|c:AF
Islamic Republic of Gambia|c:GM
Islamic Republic of Iran|c:IR
Islamic Republic of Mauritania|c:MR
Islamic Republic of Pakistan|c:PK
Island|c:IS
Island of Guernsey|t:GG
Island of Jersey|t:JE
Isle of Man|t:IM
Israʼiyl|c:IL
Isreal|c:IL
Italia|c:IT
Italian Republic|c:IT
Itlay|c:IT
Ityop'ia|c:ET
JE|t:JE
JM|c:JM
JO|c:JO
JP|c:JP
Jabuuti|c:DJ
Jamaca|c:JM
Jamacia|c:JM
Jamahiriya|c:LY
Jamaica|c:JM
Japan|c:JP
Jarvis Island|t:UM-86
Johnston Atoll|t:UM-67
Jugoslavija|c:YU
Juzur al-Qamar|c:KM
Jèrri|c:TV
Jībūtī|c:DJ
KE|c:KE
KG|c:KG
KH|c:KH
KI|c:KI
KM|c:KM
KN|c:KN
KP|c:KP
KR|c:KR
KW|c:KW
KY|t:KY
KZ|c:KZ
Kalaallit Nunaat|t:GL
Kampuchea|c:KH
Katar|c:QA
Kazakh|c:KZ
Kazakhstán|c:KZ
Kazakhstan|c:KZ
Kingdom of Bahrain|c:BH
Kingdom of Belgium|c:BE
Kingdom of Bhutan|c:BT
Kingdom of Cambodia|c:KH
Kingdom of Denmark|c:DK
Kingdom of Eswatini|c:SZ
Kingdom of Lesotho|c:LS
Kingdom of Moroccoal-Magrib|c:MA
Kingdom of Norway|c:NO
Kingdom of Saudi Arabia|c:SA
Kingdom of Spain|c:ES
Kingdom of Swaziland|c:SZ
Kingdom of Sweden|c:SE
Kingdom of Thailand|c:TH
Kingdom of Tonga|c:TO
Kingdom of the Netherlands|c:NL
Kingman Reef|t:UM-89
Kirghizia|c:KG
Kirghizstan|c:KG
Kirgiz|c:KG
Kirgizia|c:KG
Kirgizija|c:KG
Kirgizstan|c:KG
Komori|c:KM
Kosova|c:XK
Koweit|c:KW
Kypros|c:CY
Kyrgyz Republic|c:KG
Kyrgyz Republickirghiz|c:KG
Kyrgyzstan|c:KG
Kòrsou|t:CW
Ködörösêse tî Bêafrîka|c:CF
Kýpros|c:CY
Kıbrıs|c:CY
LA|c:LA
LB|c:LB
LC|c:LC
LI|c:LI
LK|c:LK
LR|c:LR
LS|c:LS
LT|c:LT
LU|c:LU
LV|c:LV
LY|c:LY
Lao|c:LA
Lao People's Democratic Republic|c:LA
Las Malvinas|t:FK
Latvija|c:LV
Latvijaz|c:LV
Lebanese Republic|c:LB
Libya|c:LY
Lietuva|c:LT
Lubnān|c:LB
Luxemborg|c:LU
Luxemburg|c:LU
Lëtzebuerg|c:LU
Lībiyā|c:LY
MA|c:MA
MC|c:MC
MD|c:MD
ME|c:ME
MF|t:MF
MG|c:MG
MH|c:MH
MK|c:MK
ML|c:ML
MM|c:MM
MN|c:MN
MO|t:MO
MP|t:MP
MQ|t:MQ
MR|c:MR
MS|t:MS
MT|c:MT
MU|c:MU
MV|c:MV
MW|c:MW
MX|c:MX
MY|c:MY
MZ|c:MZ
Macao Special Administrative Region|t:MO
Macedon|c:MK
Madagascar|c:MG
Madagasikara|c:MG
Magyarorszag|c:HU
Magyarország|c:HU
Mainland china|c:CN
Makedonija|c:MK
Malagasy Republic|c:MG
Malaysia|c:MY
Malyasi|c:MY
Malēṣiyā|c:MY
Maroc|c:MA
Marruecos|c:MA
Martinique|t:MQ
Masr|c:EG
Maurice|c:MU
Mauritanie|c:MR
Mauritius|c:MU
Mayotte|t:YT
Melilla|t:ES-ML
Mexcio|c:MX
Mexicanos|c:MX
Mexixo|c:MX
Midway Islands|t:UM-71
Misr|c:EG
Mocambique|c:MZ
Moldavia|c:MD
Mongol Uls|c:MN
Mongolia|c:MN
Mongγol Ulus|c:MN
Mongγol ulus|c:MN
Montenegro|c:ME
Montserrat|t:MS
Moris|c:MU
Moçambique|c:MZ
Mueang Thai|c:TH
Muritan|c:MR
Muritaniya|c:MR
Muscat and Oman|c:OM
Myanma|c:MM
México|c:MX
Mēxihco|c:MX
Mūrītānyā|c:MR
Mǎláixīyà|c:MY
NA|c:NA
NC|t:NC
NE|c:NE
NF|t:NF
NG|c:NG
NI|c:NI
NIR|u:NIR
NL|c:NL
NO|c:NO
NP|c:NP
NR|c:NR
NU|t:NU
NZ|c:NZ
Namhan|c:KR
Namibië|c:NA
Naoero|c:NR
Navassa Island|t:UM-76
Naíjíríà|c:NG
Nederland|c:NL
Nederlân|c:NL
Nepāl|c:NP
New Caledonia|t:NC
New Hebrides|c:VU
New Zealand|c:NZ
Ngwane|c:SZ
Nihon|c:JP
Nijar|c:NE
Nijeriya|c:NG
Nippon|c:JP
Niue|t:NU
Niuē|t:NU
Noreg|c:NO
Norge|c:NO
North Korea|c:KP
Northern Ireland|u:NIR
Northern Marianas|t:MP
Northern Rhodesia|c:ZM
Nouvelle-Calédonie|t:NC
Nyasaland|c:MW
O'zbekstan|c:UZ
OM|c:OM
Occupied Palestinian Territories|t:PS
Oesterreich|c:AT
Oriental Republic of Uruguay|c:UY
Osterreich|c:AT
Outer Mongolia|c:MN
O‘zbekiston|c:UZ
O’zbekstan|c:UZ
PA|c:PA
PE|c:PE
PF|t:PF
PG|c:PG
PH|c:PH
PK|c:PK
PL|c:PL
PM|t:PM
PN|t:PN
PNG|c:PG
PR|t:PR
PRC|c:CN
PRK|c:KP
PS|t:PS
PT|c:PT
PW|c:PW
PY|c:PY
Palmyra Atoll|t:UM-95
Panamá|c:PA
Papua Niugini|c:PG
Paraguái|c:PY
Pelew|c:PW
People's Democratic Republic of Algeriaalgerie|c:DZ
People's Republic of Bangladesh|c:BD
People's Republic of China|c:CN
Peoples Republic|c:CN
Persia|c:IR
Perú|c:PE
Philippine Islands|c:PH
Phillippine|c:PH
Pilipinas|c:PH
Pinas|c:PH
Piruw|c:PE
Pitcairn|t:PN
Pitcairn, Henderson, Ducie and Oeno Islands|t:PN
Plurinational State of Bolivia|c:BO
Polska|c:PL
Polynésie Française|t:PF
Polynésie française|t:PF
Porto Rico|t:PR
Portuguesa|c:PT
Portuguese Guinea|c:GW
Portuguese Republic|c:PT
Prathet Thai|c:TH
Principality of Andorra|c:AD
Principality of Liechtenstein|c:LI
Principality of Monaco|c:MC
Puarto Rico|t:PR
QA|c:QA
Qazaqstan|c:KZ
RE|t:RE
RO|c:RO
RS|c:RS
RSA|c:ZA
RSM|c:SM
RU|c:RU
RW|c:RW
Rastafari|c:JM
Rastas|c:JM
Ratcha-anachak Thai|c:TH
Repubblica|c:SM
Repubilika ya Kongo|c:CD
Republic of Albania|c:AL
Republic of Angola|c:AO
Republic of Armenia|c:AM
Republic of Austria|c:AT
Republic of Azerbaijan|c:AZ
Republic of Belarusbelorussia|c:BY
Republic of Benin|c:BJ
Republic of Bosnia and Herzegovina|c:BA
Republic of Botswana|c:BW
Republic of Bulgaria|c:BG
Republic of Burundi|c:BI
Republic of Cabo Verde|c:CV
Republic of Cameroon|c:CM
Republic of Chad|c:TD
Republic of Chile|c:CL
Republic of Colombia|c:CO
Republic of Costa Rica|c:CR
Republic of Cote D'Ivoire|c:CI
Republic of Croatia|c:HR
Republic of Cuba|c:CU
Republic of Cyprus|c:CY
Republic of Djibouti|c:DJ
Republic of Ecuador|c:EC
Republic of El Salvador|c:SV
Republic of Equatorial Guinea|c:GQ
Republic of Estonia|c:EE
Republic of Fiji|c:FJ
Republic of Finland|c:FI
Republic of Ghana|c:GH
Republic of Guatemala|c:GT
Republic of Guinea|c:GN
Republic of Guinea-Bissau|c:GW
Republic of Haiti|c:HT
Republic of Honduras|c:HN
Republic of Iceland|c:IS
Republic of India|c:IN
Republic of Indonesia|c:ID
Republic of Iraq|c:IQ
Republic of Ireland|c:IE
Republic of Kazakhstankazak|c:KZ
Republic of Kenya|c:KE
Republic of Kiribati|c:KI
Republic of Korea|c:KR
Republic of Kosovo|c:XK
Republic of Latvia|c:LV
Republic of Liberia|c:LR
Republic of Lithuanialietuva|c:LT
Republic of Macedonia|c:MK
Republic of Madagascar|c:MG
Republic of Malawi|c:MW
Republic of Maldives|c:MV
Republic of Mali|c:ML
Republic of Malta|c:MT
Republic of Mauritius|c:MU
Republic of Moldova|c:MD
Republic of Mozambique|c:MZ
Republic of Namibia|c:NA
Republic of Nauru|c:NR
Republic of Nicaragua|c:NI
Republic of Niger|c:NE
Republic of Palau|c:PW
Republic of Panama|c:PA
Republic of Paraguay|c:PY
Republic of Peru|c:PE
Republic of Poland|c:PL
Republic of Rwandaruanda|c:RW
Republic of San Marino|c:SM
Republic of Senegal|c:SN
Republic of Serbia|c:RS
Republic of Seychelles|c:SC
Republic of Sierra Leone|c:SL
Republic of Singapore|c:SG
Republic of Slovenia|c:SI
Republic of South Africa|c:ZA
Republic of South Sudan|c:SS
Republic of Suriname|c:SR
Republic of Tajikistantadjik|c:TJ
Republic of Trinidad and Tobago|c:TT
Republic of Turkey|c:TR
Republic of Uganda|c:UG
Republic of Uzbekistan|c:UZ
Republic of Vanuatu|c:VU
Republic of Yemen|c:YE
Republic of Zambia|c:ZM
Republic of Zimbabwe|c:ZW
Republic of the Congo|c:CG
Republic of the Marshall Islands|c:MH
Republic of the Philippines|c:PH
Republic of the Sudan|c:SD
Republic of the Union of Myanmar|c:MM
República Dominicana|c:DO
República Oriental del Uruguay|c:UY
Reunion|t:RE
Rgypt|c:EG
Rhodesia|c:ZW
Romania|c:RO
România|c:RO
Rossiya|c:RU
Rossiâ|c:RU
Roumania|c:RO
Rumania|c:RO
Russian Federation|c:RU
Rwandese Republic|c:RW
République Centrafricaine|c:CF
République Française|c:FR
République Gabonaise|c:GA
République du Congo|c:CG
République démocratique du Congo|c:CD
République française|c:FR
République gabonaise|c:GA
Réunion|t:RE
Rìoghachd Aonaichte|c:GB
Ríocht Aontaithe|c:GB
SA|c:SA
SB|c:SB
SC|c:SC
SCT|u:SCT
SD|c:SD
SE|c:SE
SG|c:SG
SH-AC|t:SH-AC
SH-HL|t:SH-HL
SH-TA|t:SH-TA
SI|c:SI
SJ|t:SJ
SK|c:SK
SL|c:SL
SM|c:SM
SN|c:SN
SO|c:SO
SR|c:SR
SS|c:SS
ST|c:ST
SU|c:SU
SV|c:SV
SX|t:SX
SY|c:SY
SZ|c:SZ
Saba|t:BQ-SA
Saint Barthélemy|t:BL
Saint Helena|t:SH-HL
Saint Lucia|c:LC
Saint Pierre and Miquelon|t:PM
Saint Vincent and the Grenadines|c:VC
Saint-Pierre et Miquelon|t:PM
Sak'art'velo|c:GE
Sakartvelo|c:GE
Salvador|c:SV
Samo|c:WS
Samoa i Sisifo|c:WS
Sao Thome e Principe|c:ST
Sao Tome e Principe|c:ST
Sarnam|c:SR
Sarnam Sranangron|c:SR
Schweiz|c:CH
Scotland|u:SCT
Scottland|c:GB
Sesel|c:SC
Shqipëria|c:AL
Siam|c:TH
Singapur|c:SG
Singapura|c:SG
Sint Eustatius|t:BQ-SE
Sint Maarten|t:SX
Sion|c:IL
Slovak Republic|c:SK
Slovenija|c:SI
Slovensko|c:SK
Slovenská|c:SK
Socialist Federal Republic of Yugoslavia|c:YU
Socialist People's Libyan Arab|c:LY
Socialist Republic of Vietnam|c:VN
Solomon Aelan|c:SB
Solomon Islands|c:SB
Solomons|c:SB
Soomaaliya|c:SO
Soudan|c:SD
South Georgia and the South Sandwich Islands|t:GS
South Korea|c:KR
South west africa|c:NA
Sovereign Base Areas of Akrotiri and Dhekelia|t:XXD
Spanish Guinea|c:GQ
Sranangron|c:SR
Srbija|c:RS
Sri Lankā|c:LK
St Barth|t:BL
St. Barthelemy|t:BL
St. Kitts and Nevis|c:KN
St. Lucia|c:LC
St. Thomas and Principe|c:ST
St. Vincent|c:VC
State of Bahrain|c:BH
State of Eritrea|c:ER
State of Israel|c:IL
State of Kuwait|c:KW
State of Qatar|c:QA
Suid-Afrika|c:ZA
Suisse|c:CH
Sultanate of Oman|c:OM
Suomi|c:FI
Suriyah|c:SY
Svalbard and Jan Mayen|t:SJ
Sverige|c:SE
Svizra|c:CH
Svizzera|c:CH
Swatini|c:SZ
Swiss Confederation|c:CH
Switerland|c:CH
Syria|c:SY
Syrian Arab Republic|c:SY
São Tomé e Príncipe|c:ST
Sénégal|c:SN
TC|t:TC
TD|c:TD
TF|t:TF
TG|c:TG
TH|c:TH
TJ|c:TJ
TK|t:TK
TL|c:TL
TM|c:TM
TN|c:TN
TO|c:TO
TR|c:TR
TT|c:TT
TV|c:TV
TW|t:TW
TZ|c:TZ
Tadzhik|c:TJ
Tadzhikistan|c:TJ
Taiwan|t:TW
Tajik|c:TJ
Tchad|c:TD
Territory of American Samoa|t:AS
Territory of Christmas Island|t:CX
Territory of Guam|t:GU
Territory of Heard Island and McDonald Islands|t:HM
Territory of Norfolk Island|t:NF
Territory of the Cocos (Keeling) Islands|t:CC
Territory of the Wallis and Futuna Islands|t:WF
The Arab Republic of Egypt|c:EG
The Argentine Republic|c:AR
The Bolivarian Republic of Venezuela|c:VE
The British Indian Ocean Territory|t:IO
The Central African Republic|c:CF
The Co-operative Republic of Guyana|c:GY
The Commonwealth of Australia|c:AU
The Commonwealth of Dominica|c:DM
The Commonwealth of The Bahamas|c:BS
The Czech Republic|c:CZ
The Democratic People's Republic of Korea|c:KP
The Democratic Republic of Sao Tome and Principe|c:ST
The Democratic Republic of Timor-Leste|c:TL
The Democratic Republic of the Congo|c:CD
The Democratic Socialist Republic of Sri Lanka|c:LK
The Dominican Republic|c:DO
The Federal Democratic Republic of Ethiopia|c:ET
The Federal Democratic Republic of Nepal|c:NP
The Federal Republic of Germany|c:DE
The Federal Republic of Nigeria|c:NG
The Federated States of Micronesia|c:FM
The Federation of Saint Christopher and Nevis|c:KN
The Federative Republic of Brazil|c:BR
The French Republic|c:FR
The Gabonese Republic|c:GA
The Grand Duchy of Luxembourg|c:LU
The Hashemite Kingdom of Jordan|c:JO
The Hellenic Republic|c:GR
The Independent State of Papua New Guinea|c:PG
The Independent State of Samoa|c:WS
The Islamic Republic of Afghanistan|c:AF
The Islamic Republic of Iran|c:IR
The Islamic Republic of Mauritania|c:MR
The Islamic Republic of Pakistan|c:PK
The Italian Republic|c:IT
The Kingdom of Bahrain|c:BH
The Kingdom of Belgium|c:BE
The Kingdom of Bhutan|c:BT
The Kingdom of Cambodia|c:KH
The Kingdom of Denmark|c:DK
The Kingdom of Lesotho|c:LS
The Kingdom of Morocco|c:MA
The Kingdom of Norway|c:NO
The Kingdom of Saudi Arabia|c:SA
The Kingdom of Spain|c:ES
The Kingdom of Swaziland|c:SZ
The Kingdom of Sweden|c:SE
The Kingdom of Thailand|c:TH
The Kingdom of Tonga|c:TO
The Kingdom of the Netherlands|c:NL
The Kyrgyz Republic|c:KG
The Lao People's Democratic Republic|c:LA
The Lebanese Republic|c:LB
The Occupied Palestinian Territories|t:PS
The Oriental Republic of Uruguay|c:UY
The People's Democratic Republic of Algeria|c:DZ
The People's Republic of Bangladesh|c:BD
The People's Republic of China|c:CN
The Plurinational State of Bolivia|c:BO
The Portuguese Republic|c:PT
The Principality of Andorra|c:AD
The Principality of Liechtenstein|c:LI
The Principality of Monaco|c:MC
The Republic of Albania|c:AL
The Republic of Angola|c:AO
The Republic of Armenia|c:AM
The Republic of Austria|c:AT
The Republic of Azerbaijan|c:AZ
The Republic of Belarus|c:BY
The Republic of Benin|c:BJ
The Republic of Botswana|c:BW
The Republic of Bulgaria|c:BG
The Republic of Burundi|c:BI
The Republic of Cabo Verde|c:CV
The Republic of Cameroon|c:CM
The Republic of Chad|c:TD
The Republic of Chile|c:CL
The Republic of Colombia|c:CO
The Republic of Costa Rica|c:CR
The Republic of Cote D'Ivoire|c:CI
The Republic of Croatia|c:HR
The Republic of Cuba|c:CU
The Republic of Cyprus|c:CY
The Republic of Djibouti|c:DJ
The Republic of Ecuador|c:EC
The Republic of El Salvador|c:SV
The Republic of Equatorial Guinea|c:GQ
The Republic of Estonia|c:EE
The Republic of Fiji|c:FJ
The Republic of Finland|c:FI
The Republic of Ghana|c:GH
The Republic of Guatemala|c:GT
The Republic of Guinea|c:GN
The Republic of Guinea-Bissau|c:GW
The Republic of Haiti|c:HT
The Republic of Honduras|c:HN
The Republic of Iceland|c:IS
The Republic of India|c:IN
The Republic of Indonesia|c:ID
The Republic of Iraq|c:IQ
The Republic of Kazakhstan|c:KZ
The Republic of Kenya|c:KE
The Republic of Kiribati|c:KI
The Republic of Korea|c:KR
The Republic of Kosovo|c:XK
The Republic of Latvia|c:LV
The Republic of Liberia|c:LR
The Republic of Lithuania|c:LT
The Republic of Macedonia|c:MK
The Republic of Madagascar|c:MG
The Republic of Malawi|c:MW
The Republic of Maldives|c:MV
The Republic of Mali|c:ML
The Republic of Malta|c:MT
The Republic of Mauritius|c:MU
The Republic of Moldova|c:MD
The Republic of Mozambique|c:MZ
The Republic of Namibia|c:NA
The Republic of Nauru|c:NR
The Republic of Nicaragua|c:NI
The Republic of Niger|c:NE
The Republic of Palau|c:PW
The Republic of Panama|c:PA
The Republic of Paraguay|c:PY
The Republic of Peru|c:PE
The Republic of Poland|c:PL
The Republic of Rwanda|c:RW
The Republic of San Marino|c:SM
The Republic of Senegal|c:SN
The Republic of Serbia|c:RS
The Republic of Seychelles|c:SC
The Republic of Sierra Leone|c:SL
The Republic of Singapore|c:SG
The Republic of Slovenia|c:SI
The Republic of South Africa|c:ZA
The Republic of South Sudan|c:SS
The Republic of Suriname|c:SR
The Republic of Tajikistan|c:TJ
The Republic of The Gambia|c:GM
The Republic of Trinidad and Tobago|c:TT
The Republic of Turkey|c:TR
The Republic of Uganda|c:UG
The Republic of Uzbekistan|c:UZ
The Republic of Vanuatu|c:VU
The Republic of Yemen|c:YE
The Republic of Zambia|c:ZM
The Republic of Zimbabwe|c:ZW
The Republic of the Congo|c:CG
The Republic of the Marshall Islands|c:MH
The Republic of the Philippines|c:PH
The Republic of the Sudan|c:SD
The Republic of the Union of Myanmar|c:MM
The Russian Federation|c:RU
The Slovak Republic|c:SK
The Socialist Republic of Vietnam|c:VN
The State of Eritrea|c:ER
The State of Israel|c:IL
The State of Kuwait|c:KW
The State of Qatar|c:QA
The States|c:US
The Sultanate of Oman|c:OM
The Swiss Confederation|c:CH
The Syrian Arab Republic|c:SY
The Togolese Republic|c:TG
The Tunisian Republic|c:TN
The Union of the Comoros|c:KM
The United Arab Emirates|c:AE
The United Kingdom of Great Britain and Northern Ireland|c:GB
The United Mexican States|c:MX
The United Republic of Tanzania|c:TZ
The United States of America|c:US
The Virgin Islands|t:VG
Timor Lorosa'e|c:TL
Timor-Leste|c:TL
Togolese|c:TG
Togolese Republic|c:TG
Tojikistan|c:TJ
Tokelau|t:TK
Toçikiston|c:TJ
Tristan da Cunha|t:SH-TA
Tunes|c:TN
Tunisian Republic|c:TN
Turkiye|c:TR
Turkmen|c:TM
Turkmenia|c:TM
Turkmenistan|c:TM
Turkomen|c:TM
Turks and Caicos Islands|t:TC
Tuvalu|c:TV
Táiwān|t:TW
Türkiye|c:TR
Türkmenistan|c:TM
Tšād|c:TD
Tūns|c:TN
U.K.|c:GB
U.S.|c:US
U.S.A.|c:US
UA|c:UA
UAE|c:AE
UG|c:UG
UK|c:GB
UM-67|t:UM-67
UM-71|t:UM-71
UM-76|t:UM-76
UM-81|t:UM-81
UM-84|t:UM-84
UM-86|t:UM-86
UM-89|t:UM-89
UM-95|t:UM-95
US|c:US
USA|c:US
UY|c:UY
UZ|c:UZ
Ukraine|c:UA
Ukrayina|c:UA
Ukraїna|c:UA
Umbuso weSwatini|c:SZ
Union of Soviet Socialist Republics|c:SU
Union of the Comoros|c:KM
Unit States|c:US
Unite States|c:US
United Arab Emirates|c:AE
United Arab Republic|c:EG
United Kingdom of Great Britain and Northern Ireland|c:GB
United Mexican States|c:MX
United Republic of Tanzania|c:TZ
United Sat|c:US
United Staes|c:US
United Stated|c:US
United States of America|c:US
United Stats|c:US
United Sttes|c:US
Unites States|c:US
Unitit Kinrick|c:GB
Untied State|c:US
Uvea mo Futuna|t:WF
Uzbek|c:UZ
VA|c:VA
VC|c:VC
VE|c:VE
VG|t:VG
VI|t:VI
VN|c:VN
VU|c:VU
Vatican City State|c:VA
Veitnam|c:VN
Venezuela|c:VE
Venezula|c:VE
Vietman|c:VN
Virgin Islands|t:VG
Virgin Islands of the United States|t:VI
Virgina Islands|t:VG
Viti|c:FJ
Việt Nam|c:VN
Volta|c:BF
Volívia|c:BO
WF|t:WF
WLS|u:WLS
WS|c:WS
Wales|u:WLS
Wallis-et-Futuna|t:WF
West Pakistan|c:PK
Western Sahara|t:EH
Western samoa|c:WS
White Russia|c:BY
Wuliwya|c:BO
XK|c:XK
XQZ|t:XQZ
XXD|t:XXD
Xīnjiāpō|c:SG
Y Deyrnas Unedig|c:GB
YE|c:YE
YT|t:YT
YU|c:YU
Yaltopya|c:ET
Yisra'el|c:IL
Yisrael|c:IL
Yugosav|c:YU
ZA|c:ZA
ZM|c:ZM
ZW|c:ZW
Zealnd|c:NZ
Zeland|c:NZ
Zhongguo|c:CN
Zhonghua|c:CN
Zhonghua Peoples Republic|c:CN
Zhōngguó|c:CN
Zhōnghuá Mínguó|t:TW
Zion|c:IL
Ztate of Katar|c:QA
afganastan|c:AF
afganestan|c:AF
afghanistan|c:AF
afghanlstan|c:AF
afghistan|c:AF
aigeria|c:DZ
alabnia|c:AL
albana|c:AL
albania|c:AL
albanian|c:AL
albanija|c:AL
albenia|c:AL
albiana|c:AL
alegeria|c:DZ
algeir|c:DZ
algeirs|c:DZ
algeria|c:DZ
algers|c:DZ
algieria|c:DZ
algiers|c:DZ
alibania|c:AL
americia|c:US
angolo|c:AO
arab emir ates|c:AE
arab emirates|c:AE
argentiha|c:AR
argentina|c:AR
argentine|c:AR
argentna|c:AR
arima|c:AM
armenia|c:AM
arminia|c:AM
ausralia|c:AU
austalia|c:AU
austraila|c:AU
australia|c:AU
australa|c:AU
australla|c:AU
austrilia|c:AU
austrlia|c:AU
autralia|c:AU
avstralia|c:AU
avstria|c:AU
azebaijan|c:AZ
azeraijan|c:AZ
azerbaijan|c:AZ
azerbaijann|c:AZ
azerbaisan|c:AZ
azerbaizan|c:AZ
azerbajan|c:AZ
azerbaycan|c:AZ
azerbayjan|c:AZ
azerbeyjan|c:AZ
azerbpijan|c:AZ
aş-Şūmāl|c:SO
iNingizimu Afrika|c:ZA
iSewula Afrika|c:ZA
il-ikwet|c:KW
kaNgwane|c:SZ
uMzantsi Afrika|c:ZA
weSwatini|c:SZ
weSwatini Swatini Ngwane|c:SZ
Åland|t:AX
Åland Islands|t:AX
Éire|c:IE
États-Unis|c:US
Ísland|c:IS
Îraq|c:IQ
Österreich|c:AT
Česko|c:CZ
Česká|c:CZ
Česká republika|c:CZ
Īrān|c:IR
Ελλάδα|c:GR
Ελλάς|c:GR
Κύπρος|c:CY
Ўзбекистон|c:UZ
Беларусь|c:BY
Босна и Херцеговина|c:BA
България|c:BG
Казахстан|c:KZ
Киргизия|c:KG
Косово|c:XK
Кыргызстан|c:KG
Македонија|c:MK
Монгол Улс|c:MN
Монгол улс|c:MN
Российская|c:RU
Россия|c:RU
Россия1|c:RU
Союз Советских Социалистических Республик|c:SU
Србија|c:RS
Србија Srbija|c:RS
Тоҷикистон|c:TJ
Україна|c:UA
Црна Гора|c:ME
Қазақстан|c:KZ
Հայաստան|c:AM
ישראל|c:IL
إرتريا|c:ER
إسرائيل|c:IL
إسرائيل ישראל|c:IL
افغانستان|c:AF
الأردن|c:JO
الإمارات|c:AE
الإمارات العربيّة المتّحدة|c:AE
البحرين|c:BH
الجزائر|c:DZ
السعودية|c:SA
السودان|c:SD
الصومال|c:SO
العراق|c:IQ
العراق\u200e|c:IQ
\u200e|c:IQ
الكويت|c:KW
المغرب|c:MA
المملكة العربية السعودية|c:SA
الموريتانية|c:MR
اليمن|c:YE
ایران|c:IR
بروني|c:BN
تشاد|c:TD
تشاد\u200e|c:TD
تونس|c:TN
جز القمر|c:KM
جزر القمر|c:KM
جيبوتي|c:DJ
جيبوتي\u200e|c:DJ
دولة الكويت|c:KW
سورية|c:SY
عمان|c:OM
عُمان|c:OM
فلسطين|t:PS
قازاقستان|c:KZ
قطر|c:QA
لبنان|c:LB
لصحراء الغربية|t:EH
ليبيا|c:LY
مصر|c:EG
موريتانيا|c:MR
پاکستان|c:PK
नेपाल|c:NP
फ़िजी|c:FJ
भारत|c:IN
भारत गणराज्य|c:IN
भारतम्|c:IN
भूटान|c:BT
शर्नम्|c:SR
বাংলাদেশ|c:BD
ভারত|c:IN
ভাৰত|c:IN
ਭਾਰਤ|c:IN
ભારત|c:IN
ଭାରତ|c:IN
இலங்கை|c:LK
சிங்கப்பூர்|c:SG
சிங்கப்பூர் குடியரசு|c:SG
சிங்கப்பூர்கு|c:SG
டியரசு|c:SG
பாரதம்|c:IN
மலேசியா|c:MY
భారత దేశం|c:IN
ಭಾರತ|c:IN
ഭാരതം|c:IN
ශ්රී ලංකා|c:LK
ශ්රී ලංකා இலங்கை|c:LK
ශ්රී ලංකාව|c:LK
ประเทศไทย|c:TH
ราชอาณาจักรไทย|c:TH
เมืองไทย|c:TH
ປະເທດລາວ|c:LA
འབྲུག་ཡུལ|c:BT
မြန်မာ|c:MM
საქართველო|c:GE
ኢትዮጵያ|c:ET
ኤርትራ|c:ER
កម្ពុជា|c:KH
ᠮᠤᠩᠭᠤᠯ ᠤᠯᠤᠰ|c:MN
‘Umān|c:OM
ⴰⴳⴰⵡⵛ|c:MR
ⴰⵎⵔⵔⵓⴽ|c:MA
ⴷⵣⴰⵢⴻⵔ|c:DZ
ⵍⵉⴱⵢⴰ|c:LY
ⵍⵎⵖⵔⵉⴱ|c:MA
ⵎⵓⵔⵉⵜⴰⵏ|c:MR
ⵜⵓⵏⵙ|c:TN
中华|c:CN
中国|c:CN
中国/中华|c:CN
中華民國|t:TW
台灣|t:TW
新加坡|c:SG
新加坡共和国|c:SG
日本|c:JP
臺灣|t:TW
臺灣/台灣|t:TW
香港|t:HK
马来西亚|c:MY
남한|c:KR
북조선|c:KP
조선 / 朝鮮|c:KP
한국 / 韓國|c:KR`;

/** `ended-countries.json`: a country that no longer exists, and its successor (null: none). */
export const ENDED_COUNTRIES: Readonly<Record<string, string | null>> = {
  Yugoslavia: null,
  USSR: null,
  'East Germany': 'Germany',
  Czechoslovakia: 'Czechia',
};

/** `uk-islands.txt`: posted as UK letters. */
export const UK_ISLANDS: readonly string[] = [
  'Alderney',
  'Brecqhou',
  'Guernsey',
  'Herm',
  'Isle of Man',
  'Jersey',
  'Jethou',
  'Sark',
];

/** `european-islands.txt`: each is its own canonical name. */
export const EUROPEAN_ISLANDS: readonly string[] = [
  'Azores',
  'Balearic Islands',
  'Canary Islands',
  'Corsica',
  'Madeira',
];

/** `welsh-names.json`. */
export const WELSH_NAMES: readonly (readonly [string, string])[] = [
  ['Affganistan', 'Afghanistan'],
  ['Antigwa a Barbiwda', 'Antigua and Barbuda'],
  ['Yr Ariannin', 'Argentina'],
  ['Awstralia', 'Australia'],
  ['Awstria', 'Austria'],
  ['Aserbaijan', 'Azerbaijan'],
  ['Y Bahamas', 'The Bahamas'],
  ['Belarws', 'Belarus'],
  ['Gwlad Belg', 'Belgium'],
  ['Bhwtan', 'Bhutan'],
  ['Bolifia', 'Bolivia'],
  ['Bosnia a Hercegovina', 'Bosnia and Herzegovina'],
  ['Brasil', 'Brazil'],
  ['Bwlgaria', 'Bulgaria'],
  ['Bwrwndi', 'Burundi'],
  ['Camerŵn', 'Cameroon'],
  ['Cabo Verde', 'Cape Verde'],
  ['Gweriniaeth Canolbarth Affrica', 'Central African Republic'],
  ['Tchad', 'Chad'],
  ['Tsieina', 'China'],
  ['Y Comoros', 'Comoros'],
  ['Ciwba', 'Cuba'],
  ['Y Weriniaeth Tsiec', 'Czechia'],
  ['Gweriniaeth Ddemocrataidd Congo', 'Congo (Democratic Republic)'],
  ['Denmarc', 'Denmark'],
  ['Gweriniaeth Dominica', 'Dominican Republic'],
  ['Dwyrain Timor', 'East Timor'],
  ['Ecwador', 'Ecuador'],
  ['Yr Aifft', 'Egypt'],
  ['Gini Gyhydeddol', 'Equatorial Guinea'],
  ['Ffiji', 'Fiji'],
  ['Y Ffindir', 'Finland'],
  ['Ffrainc', 'France'],
  ['Y Gambia', 'The Gambia'],
  ['Yr Alban', 'United Kingdom'],
  ['Yr Almaen', 'Germany'],
  ['Gwlad Groeg', 'Greece'],
  ['Gini', 'Guinea'],
  ['Guiné-Bissau', 'Guinea-Bissau'],
  ['Gaiana', 'Guyana'],
  ['Hondwras', 'Honduras'],
  ['Hwngari', 'Hungary'],
  ['Gwlad yr Iâ', 'Iceland'],
  ['Irac', 'Iraq'],
  ['Iwerddon', 'Ireland'],
  ['Yr Eidal', 'Italy'],
  ['Iorddonen', 'Jordan'],
  ['Kazakhstan', 'Kazakhstan'],
  ['Latfia', 'Latvia'],
  ['Libanus', 'Lebanon'],
  ['Libia', 'Libya'],
  ['Lithwania', 'Lithuania'],
  ['Lwcsembwrg', 'Luxembourg'],
  ['Madagasgar', 'Madagascar'],
  ['Ynysoedd Marshall', 'Marshall Islands'],
  ['Mecsico', 'Mexico'],
  ['Moldofa', 'Moldova'],
  ['Moroco', 'Morocco'],
  ['Mosambic', 'Mozambique'],
  ['Yr Iseldiroedd', 'Netherlands'],
  ['Seland Newydd', 'New Zealand'],
  ['Nicaragwa', 'Nicaragua'],
  ['Gogledd Corea', 'North Korea'],
  ['Norwy', 'Norway'],
  ['Papua Guinea Newydd', 'Papua New Guinea'],
  ['Paragwâi', 'Paraguay'],
  ['Periw', 'Peru'],
  ['Pilipinas', 'Philippines'],
  ['Gwlad Pwyl', 'Poland'],
  ['Portiwgal', 'Portugal'],
  ['Gweriniaeth y Congo', 'Congo'],
  ['Gweriniaeth Macedonia', 'North Macedonia'],
  ['Gogledd Macedonia', 'North Macedonia'],
  ['Rwmania', 'Romania'],
  ['Rwsia', 'Russia'],
  ['Saint Kitts a Nevis', 'St Kitts and Nevis'],
  ['St Kitts a Nevis', 'St Kitts and Nevis'],
  ['Saint Vincent a’r Grenadines', 'St Vincent'],
  ['São Tomé a Príncipe', 'Sao Tome and Principe'],
  ['Sénégal', 'Senegal'],
  ['Slofacia', 'Slovakia'],
  ['Slofenia', 'Slovenia'],
  ['Ynysoedd Solomon', 'Solomon Islands'],
  ['De Affrica', 'South Africa'],
  ['De Corea', 'South Korea'],
  ['De Sudan', 'South Sudan'],
  ['Sbaen', 'Spain'],
  ['Swrinam', 'Suriname'],
  ['Gwlad Swazi', 'Eswatini'],
  ['Y Swistir', 'Switzerland'],
  ['Gwlad Thai', 'Thailand'],
  ['Trinidad a Thobago', 'Trinidad and Tobago'],
  ['Twrci', 'Turkey'],
  ['Twfalw', 'Tuvalu'],
  ['Wcráin', 'Ukraine'],
  ['Yr Emiradau Arabaidd Unedig', 'United Arab Emirates'],
  ['Y Deyrnas Unedig', 'United Kingdom'],
  ['Unol Daleithiau America', 'United States'],
  ['Wrwgwái', 'Uruguay'],
  ['Feneswela', 'Venezuela'],
  ['Fietnam', 'Vietnam'],
];

/** `synonyms.json` (ADDITIONAL_SYNONYMS), in file order, then `NAMES_NOTIFY_ACCEPTS` not already mapped. */
export const ADDITIONAL_SYNONYMS: readonly (readonly [string, string])[] = [
  ['England', 'United Kingdom'],
  ['Northern Ireland', 'United Kingdom'],
  ['Scotland', 'United Kingdom'],
  ['Wales', 'United Kingdom'],
  ['Cymru', 'United Kingdom'],
  ['ROI', 'Ireland'],
  ['Irish Republic', 'Ireland'],
  ['Rep of Ireland', 'Ireland'],
  ['South Ireland', 'Ireland'],
  ['Southern Ireland', 'Ireland'],
  ['N Ireland', 'United Kingdom'],
  ['North Ireland', 'United Kingdom'],
  ['GBR', 'United Kingdom'],
  ['Channel Islands', 'United Kingdom'],
  ['United States America', 'United States'],
  ['United States Amercia', 'United States'],
  ['United States of Amercia', 'United States'],
  ['America', 'United States'],
  ['Amercia', 'United States'],
  ['Macedonia', 'North Macedonia'],
  ['Autonomous Region of the Azores', 'Azores'],
  ['Islas Canarias', 'Canary Islands'],
  ['Canaries', 'Canary Islands'],
  ['El Hierro', 'Canary Islands'],
  ['La Palma', 'Canary Islands'],
  ['La Gomera', 'Canary Islands'],
  ['Tenerife', 'Canary Islands'],
  ['Gran Canaria', 'Canary Islands'],
  ['Fuerteventura', 'Canary Islands'],
  ['Lanzarote ', 'Canary Islands'],
  ['La Graciosa', 'Canary Islands'],
  ['Autonomous Region of Madeira', 'Madeira'],
  ['Região Autónoma da Madeira', 'Madeira'],
  ['Islas Baleares', 'Balearic Islands'],
  ['Illes Balears', 'Balearic Islands'],
  ['Corse', 'Corsica'],
  ['Burma', 'Myanmar (Burma)'],
  ['Czechoslovakia', 'Czechia'],
  ['East Germany', 'Germany'],
  ['Easter Island', 'Easter Island'],
  ['Falkland', 'Falkland Islands'],
  ['The Falklands', 'Falkland Islands'],
  ['The Falkland Islands', 'Falkland Islands'],
  ['Hawaii', 'United States'],
  ['Khazakhstan', 'Kazakhstan'],
  ['Korea', 'South Korea'],
  ['Macau', 'Macao'],
  ['Myanmar', 'Myanmar (Burma)'],
  ['New Zeeland', 'New Zealand'],
  ['NI', 'United Kingdom'],
  ['Pitcairn Island', 'Pitcairn, Henderson, Ducie and Oeno Islands'],
  ['Henderson Island', 'Pitcairn, Henderson, Ducie and Oeno Islands'],
  ['Ducie Island', 'Pitcairn, Henderson, Ducie and Oeno Islands'],
  ['Oeno Island', 'Pitcairn, Henderson, Ducie and Oeno Islands'],
  ['Republic of China', 'Taiwan'],
  ['Republik Österreich', 'Austria'],
  ['République Islamique de Mauritanie', 'Mauritania'],
  ['Saint Helena', 'Saint Helena'],
  ['St Helena', 'Saint Helena'],
  ['Swaziland', 'Eswatini'],
  ['the south sandwich islands', 'South Georgia and the South Sandwich Islands'],
  ['the sandwich islands', 'South Georgia and the South Sandwich Islands'],
  ['South Georgia', 'South Georgia and the South Sandwich Islands'],
  ['Tristan', 'Tristan da Cunha'],
  ['Vatican', 'Vatican City'],
  ['West Germany', 'Germany'],
  ['Saint Kitts and Nevis', 'St Kitts and Nevis'],
  ['Saint Kitts', 'St Kitts and Nevis'],
  ['St Kitts', 'St Kitts and Nevis'],
  ['Virgin Islands, British', 'British Virgin Islands'],
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
  ['the united states of amercia', 'United States'],
  ['Dubai UAE', 'Dubai'],
  ['Austrailia', 'Australia'],
  ['Argentinia', 'Argentina'],
  ['ශ්\u200dරී ලංකා', 'Sri Lanka'],
  ['ශ්\u200dරී ලංකා இலங்கை', 'Sri Lanka'],
  ['ශ්\u200dරී ලංකාව', 'Sri Lanka'],
];

/** `europe.txt`: Royal Mail's Europe zone, using the canonical names. */
export const ROYAL_MAIL_EUROPEAN: readonly string[] = [
  'Albania',
  'Andorra',
  'Armenia',
  'Austria',
  'Azerbaijan',
  'Azores',
  'Balearic Islands',
  'Belarus',
  'Belgium',
  'Bosnia and Herzegovina',
  'Bulgaria',
  'Canary Islands',
  'Corsica',
  'Croatia',
  'Cyprus',
  'Czechia',
  'Denmark',
  'Estonia',
  'Faroe Islands',
  'Finland',
  'France',
  'Georgia',
  'Germany',
  'Gibraltar',
  'Greece',
  'Greenland',
  'Hungary',
  'Iceland',
  'Ireland',
  'Italy',
  'Kazakhstan',
  'Kosovo',
  'Kyrgyzstan',
  'Latvia',
  'Liechtenstein',
  'Lithuania',
  'Luxembourg',
  'North Macedonia',
  'Madeira',
  'Malta',
  'Moldova',
  'Monaco',
  'Montenegro',
  'Netherlands',
  'Norway',
  'Poland',
  'Portugal',
  'Romania',
  'Russia',
  'San Marino',
  'Serbia',
  'Slovakia',
  'Slovenia',
  'Spain',
  'Sweden',
  'Switzerland',
  'Tajikistan',
  'Turkey',
  'Turkmenistan',
  'Ukraine',
  'Uzbekistan',
  'Vatican City',
];

/** `uk-postcode-zones.txt`, in file order. */
export const UK_POSTCODE_ZONES: readonly string[] = [
  'AB',
  'AL',
  'B',
  'BA',
  'BB',
  'BD',
  'BF',
  'BH',
  'BL',
  'BN',
  'BR',
  'BS',
  'BT',
  'BX',
  'CA',
  'CB',
  'CF',
  'CH',
  'CM',
  'CO',
  'CR',
  'CT',
  'CV',
  'CW',
  'DA',
  'DD',
  'DE',
  'DG',
  'DH',
  'DL',
  'DN',
  'DT',
  'DY',
  'E',
  'EC',
  'EH',
  'EN',
  'EX',
  'FK',
  'FY',
  'G',
  'GL',
  'GU',
  'GY',
  'HA',
  'HD',
  'HG',
  'HP',
  'HR',
  'HS',
  'HU',
  'HX',
  'IG',
  'IM',
  'IP',
  'IV',
  'JE',
  'KA',
  'KT',
  'KW',
  'KY',
  'L',
  'GIR',
  'LA',
  'LD',
  'LE',
  'LL',
  'LN',
  'LS',
  'LU',
  'M',
  'ME',
  'MK',
  'ML',
  'N',
  'NE',
  'NG',
  'NN',
  'NP',
  'NR',
  'NW',
  'OL',
  'OX',
  'PA',
  'PE',
  'PH',
  'PL',
  'PO',
  'PR',
  'RG',
  'RH',
  'RM',
  'S',
  'SA',
  'SE',
  'SG',
  'SK',
  'SL',
  'SM',
  'SN',
  'SO',
  'SP',
  'SR',
  'SS',
  'ST',
  'SW',
  'SY',
  'TA',
  'TD',
  'TF',
  'TN',
  'TQ',
  'TR',
  'TS',
  'TW',
  'UB',
  'W',
  'WA',
  'WC',
  'WD',
  'WF',
  'WN',
  'WR',
  'WS',
  'WV',
  'YO',
  'ZE',
];
