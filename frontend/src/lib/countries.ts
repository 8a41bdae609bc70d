/**
 * Countries offered in country pickers: the EU and EEA, candidate and neighbouring countries.
 * Any other ISO 3166-1 code already stored is still shown (see CountrySelect).
 */
export const EUROPEAN_COUNTRIES = [
  'AL', 'AD', 'AT', 'BA', 'BE', 'BG', 'CH', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GB',
  'GE', 'GR', 'HR', 'HU', 'IE', 'IS', 'IT', 'LI', 'LT', 'LU', 'LV', 'MC', 'MD', 'ME', 'MK', 'MT',
  'NL', 'NO', 'PL', 'PT', 'RO', 'RS', 'SE', 'SI', 'SK', 'SM', 'TR', 'UA', 'XK',
] as const;
