import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '@/lib/validation';
import { Button } from './button';

/** A labelled search box that applies on submit (Enter) and can be cleared. */
export function SearchForm({ value, onSearch, label }: { value: string; onSearch: (q: string) => void; label: string }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch(draft.trim());
  };
  return (
    <form role="search" className="search-form" onSubmit={submit}>
      <label htmlFor="search-q" className="visually-hidden">
        {label}
      </label>
      <input
        id="search-q"
        type="search"
        className="input"
        value={draft}
        maxLength={limits.searchMax}
        placeholder={label}
        onChange={(e) => setDraft(e.target.value)}
      />
      <Button type="submit">{t('actions.search')}</Button>
      {value && (
        <Button
          variant="ghost"
          onClick={() => {
            setDraft('');
            onSearch('');
          }}
        >
          {t('actions.clearSearch')}
        </Button>
      )}
    </form>
  );
}
