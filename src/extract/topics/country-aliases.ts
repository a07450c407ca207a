// Extra country surface forms the installed gazetteers lack, and phrases that must NOT count as a country.

/**
 * Surface form → ISO 3166-1 alpha-2. Only what world-countries, i18n-iso-countries and
 * i18n-nationality miss: colloquial names, plural demonyms the packages do not derive, and
 * historic names mapped to the successor state so an archive spanning decades keeps one topic.
 */
export const EXTRA_COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  Britain: 'GB',
  Briton: 'GB',
  Britons: 'GB',
  English: 'GB',
  Scottish: 'GB',
  Turkey: 'TR',
  Korean: 'KR',
  'South Korea': 'KR',
  'North Korea': 'KP',
  Kiwi: 'NZ',
  Filipino: 'PH',
  Filipinos: 'PH',
  Holland: 'NL',
  Emirates: 'AE',
  Emirati: 'AE',
  Palestinian: 'PS',
  Palestinians: 'PS',
  Syrian: 'SY',
  Saudi: 'SA',
  Saudis: 'SA',
  'Soviet Union': 'RU',
  Soviet: 'RU',
  Soviets: 'RU',
  USSR: 'RU',
  'West Germany': 'DE',
  'West German': 'DE',
  'West Germans': 'DE',
  'East Germany': 'DE',
  'East German': 'DE',
  Zaire: 'CD',
  Zairean: 'CD',
  Kampuchea: 'KH',
  Ceylon: 'LK',
  Burma: 'MM',
  'Ivory Coast': 'CI',
  Czechia: 'CZ',
  'Czech Republic': 'CZ',
  'Congo-Kinshasa': 'CD',
  'Congo-Brazzaville': 'CG',
};

/**
 * Phrases that contain a country form but name something else (US states, oceans, regions).
 * They are matched like countries so the longest match wins, then dropped.
 */
export const COUNTRY_BLOCKERS: readonly string[] = [
  'New Mexico',
  'New Jersey',
  'New Guinea',
  'New South Wales',
  'New England',
  'Indian Ocean',
  'Latin American',
  'Latin America',
  'South American',
  'South America',
  'North American',
  'North America',
  'Central American',
  'Central America',
  'Georgia Tech',
  'British Columbia',
  'Gulf of Mexico',
];

/** Short upper-case codes that are safe to read as countries in running text. */
export const COUNTRY_CODE_FORMS: Readonly<Record<string, string>> = {
  US: 'US',
  'U.S.': 'US',
  USA: 'US',
  'U.S.A.': 'US',
  UK: 'GB',
  'U.K.': 'GB',
  UAE: 'AE',
  'U.A.E.': 'AE',
  DRC: 'CD',
  DPRK: 'KP',
};
