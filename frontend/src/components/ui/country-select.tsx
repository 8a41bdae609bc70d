import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EUROPEAN_COUNTRIES } from '@/lib/countries';
import { countryName } from '@/lib/format';
import { SelectField, type SelectFieldProps } from './form-fields';

/**
 * A select of countries by name in the interface language; the value is the ISO code. The empty
 * option reads "Choose…" unless `emptyLabel` says otherwise ("All countries" in a filter).
 */
export function CountrySelect({ emptyLabel, ...props }: Omit<SelectFieldProps, 'children'> & { value: string; emptyLabel?: string }) {
  const { t, i18n } = useTranslation();
  const options = useMemo(() => {
    const codes = new Set<string>(EUROPEAN_COUNTRIES);
    if (props.value) codes.add(props.value);
    const collator = new Intl.Collator(i18n.language);
    return [...codes]
      .map((code) => ({ code, name: countryName(code, i18n.language) }))
      .sort((a, b) => collator.compare(a.name, b.name));
  }, [i18n.language, props.value]);
  return (
    <SelectField {...props}>
      <option value="">{emptyLabel ?? t('forms.choose')}</option>
      {options.map((o) => (
        <option key={o.code} value={o.code}>
          {o.name} ({o.code})
        </option>
      ))}
    </SelectField>
  );
}
