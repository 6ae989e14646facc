/**
 * Nationality reference data. Inside the gateway every nationality is an ISO 3166-1 alpha-3
 * code (brief: "nationalities are ISO 3166 alpha-3 once inside the gateway"). Legacy sources
 * hold free text ("Nigerian", "NIGERIA"), alpha-2 codes or their own code lists; adapters turn
 * them into alpha-3 with `parseNationality`, and report what they cannot parse.
 *
 * EEA membership matters to the rules: EEA nationals have an initial right to reside of three
 * months (001 fn 9) and are outside the non-EEA referral and Bournemouth rules (004 §5.11, §6.32).
 */

export interface Country {
  /** ISO 3166-1 alpha-3 */
  readonly alpha3: string;
  /** ISO 3166-1 alpha-2 */
  readonly alpha2: string;
  readonly name: string;
  /** Adjective used for nationals, as written in custody free text. */
  readonly demonym: string;
  /** Member of the European Economic Area (or Switzerland, treated alike by the guidance). */
  readonly eea: boolean;
}

const C = (alpha3: string, alpha2: string, name: string, demonym: string, eea = false): Country =>
  Object.freeze({ alpha3, alpha2, name, demonym, eea });

export const COUNTRIES: readonly Country[] = Object.freeze([
  C('GBR', 'GB', 'United Kingdom', 'British'),
  C('IRL', 'IE', 'Ireland', 'Irish', true),
  C('POL', 'PL', 'Poland', 'Polish', true),
  C('ROU', 'RO', 'Romania', 'Romanian', true),
  C('LTU', 'LT', 'Lithuania', 'Lithuanian', true),
  C('LVA', 'LV', 'Latvia', 'Latvian', true),
  C('BGR', 'BG', 'Bulgaria', 'Bulgarian', true),
  C('PRT', 'PT', 'Portugal', 'Portuguese', true),
  C('ITA', 'IT', 'Italy', 'Italian', true),
  C('ESP', 'ES', 'Spain', 'Spanish', true),
  C('FRA', 'FR', 'France', 'French', true),
  C('DEU', 'DE', 'Germany', 'German', true),
  C('NLD', 'NL', 'Netherlands', 'Dutch', true),
  C('SVK', 'SK', 'Slovakia', 'Slovak', true),
  C('CZE', 'CZ', 'Czechia', 'Czech', true),
  C('HUN', 'HU', 'Hungary', 'Hungarian', true),
  C('GRC', 'GR', 'Greece', 'Greek', true),
  C('CHE', 'CH', 'Switzerland', 'Swiss', true),
  C('NOR', 'NO', 'Norway', 'Norwegian', true),
  C('ALB', 'AL', 'Albania', 'Albanian'),
  C('NGA', 'NG', 'Nigeria', 'Nigerian'),
  C('GHA', 'GH', 'Ghana', 'Ghanaian'),
  C('JAM', 'JM', 'Jamaica', 'Jamaican'),
  C('PAK', 'PK', 'Pakistan', 'Pakistani'),
  C('IND', 'IN', 'India', 'Indian'),
  C('BGD', 'BD', 'Bangladesh', 'Bangladeshi'),
  C('AFG', 'AF', 'Afghanistan', 'Afghan'),
  C('IRN', 'IR', 'Iran', 'Iranian'),
  C('IRQ', 'IQ', 'Iraq', 'Iraqi'),
  C('SYR', 'SY', 'Syria', 'Syrian'),
  C('SOM', 'SO', 'Somalia', 'Somali'),
  C('ERI', 'ER', 'Eritrea', 'Eritrean'),
  C('SDN', 'SD', 'Sudan', 'Sudanese'),
  C('ETH', 'ET', 'Ethiopia', 'Ethiopian'),
  C('ZWE', 'ZW', 'Zimbabwe', 'Zimbabwean'),
  C('VNM', 'VN', 'Viet Nam', 'Vietnamese'),
  C('CHN', 'CN', 'China', 'Chinese'),
  C('LKA', 'LK', 'Sri Lanka', 'Sri Lankan'),
  C('TUR', 'TR', 'Turkey', 'Turkish'),
  C('EGY', 'EG', 'Egypt', 'Egyptian'),
  C('DZA', 'DZ', 'Algeria', 'Algerian'),
  C('MAR', 'MA', 'Morocco', 'Moroccan'),
  C('LBY', 'LY', 'Libya', 'Libyan'),
  C('RUS', 'RU', 'Russia', 'Russian'),
  C('UKR', 'UA', 'Ukraine', 'Ukrainian'),
  C('BRA', 'BR', 'Brazil', 'Brazilian'),
  C('COL', 'CO', 'Colombia', 'Colombian'),
  C('USA', 'US', 'United States', 'American'),
  C('KEN', 'KE', 'Kenya', 'Kenyan'),
  C('UGA', 'UG', 'Uganda', 'Ugandan'),
  C('COD', 'CD', 'Congo (Democratic Republic)', 'Congolese'),
  C('SLE', 'SL', 'Sierra Leone', 'Sierra Leonean'),
  C('GMB', 'GM', 'Gambia', 'Gambian'),
  C('KWT', 'KW', 'Kuwait', 'Kuwaiti'),
  C('MYS', 'MY', 'Malaysia', 'Malaysian'),
  C('PHL', 'PH', 'Philippines', 'Filipino'),
  C('TTO', 'TT', 'Trinidad and Tobago', 'Trinidadian'),
  C('XXA', 'XA', 'Stateless', 'Stateless'),
]);

const byAlpha3 = new Map(COUNTRIES.map((c) => [c.alpha3, c]));
const byAlpha2 = new Map(COUNTRIES.map((c) => [c.alpha2, c]));
const byText = new Map<string, Country>();
for (const c of COUNTRIES) {
  for (const t of [c.name, c.demonym, c.alpha3, c.alpha2]) byText.set(normaliseText(t), c);
}
// Common free-text spellings seen in custody records.
const EXTRA: Record<string, string> = {
  UK: 'GBR', 'GREAT BRITAIN': 'GBR', ENGLISH: 'GBR', SCOTTISH: 'GBR', WELSH: 'GBR', BRITAIN: 'GBR',
  'UNITED KINGDOM OF GREAT BRITAIN': 'GBR', ENGLAND: 'GBR', NIGERIEN: 'NGA', 'VIET NAM': 'VNM',
  VIETNAM: 'VNM', 'SRI LANKAN': 'LKA', SRILANKAN: 'LKA', 'DR CONGO': 'COD', CONGOLESE: 'COD',
  PHILIPINO: 'PHL', FILIPINA: 'PHL', HOLLAND: 'NLD', USA: 'USA', AMERICA: 'USA', 'CZECH REPUBLIC': 'CZE',
  TURKIYE: 'TUR', PERSIAN: 'IRN', STATELESS: 'XXA', KOSOVAN: 'ALB',
};
for (const [t, a3] of Object.entries(EXTRA)) byText.set(normaliseText(t), byAlpha3.get(a3)!);

function normaliseText(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toUpperCase().replace(/[^A-Z ]/g, '').replace(/\s+/g, ' ').trim();
}

export function countryByAlpha3(alpha3: string): Country | undefined {
  return byAlpha3.get(alpha3.toUpperCase());
}

export function countryByAlpha2(alpha2: string): Country | undefined {
  return byAlpha2.get(alpha2.toUpperCase());
}

/**
 * Parse a nationality as a legacy source writes it: alpha-3, alpha-2, country name or demonym,
 * any case, stray punctuation. Returns the alpha-3 code, or null when it cannot be read
 * (the caller records a data-quality issue with the raw value).
 */
export function parseNationality(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const key = normaliseText(raw);
  if (!key) return null;
  return byText.get(key)?.alpha3 ?? null;
}

export function isEea(alpha3: string): boolean {
  return byAlpha3.get(alpha3)?.eea ?? false;
}
