import { useTranslation } from 'react-i18next';
import { SelectField } from '@/components/ui/form-fields';
import { formatDate } from '@/lib/format';
import { useProgrammeCalls } from '../api/practices';
import { EDITOR_FIELD_IDS as ids } from './field-names';

export interface CallChoiceProps {
  programmeId: string;
  /** The chosen call's id, '' for none. */
  value: string;
  /** A practice answers its call from its first submission on: only a draft may change it. */
  editable: boolean;
  error?: string;
  onChange: (callId: string) => void;
}

/**
 * The call a practice answers. Only calls that are open or still to open are offered; a call the
 * practice already names stays shown even once it has closed.
 */
export function CallChoice({ programmeId, value, editable, error, onChange }: CallChoiceProps) {
  const { t, i18n } = useTranslation();
  const calls = useProgrammeCalls(programmeId);
  const items = calls.data?.items ?? [];
  const offered = items.filter((c) => c.state !== 'closed' || c.id === value);
  // Without calls to choose from (none published, or they could not be read) the field stays out of the way.
  if (offered.length === 0 && !value) return null;
  const describe = (c: (typeof items)[number]) =>
    t('practices.call.option', {
      title: c.title,
      state: t(`practices.call.state.${c.state}`),
      from: formatDate(c.opens_at, i18n.language),
      to: formatDate(c.closes_at, i18n.language),
    });
  return (
    <SelectField
      id={ids.call_id}
      label={t('practices.call.label')}
      hint={editable ? t('practices.call.hint') : t('practices.call.lockedHint')}
      disabled={!editable}
      value={value}
      error={error}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">{t('practices.call.none')}</option>
      {offered.map((c) => (
        <option key={c.id} value={c.id}>
          {describe(c)}
        </option>
      ))}
      {value && !offered.some((c) => c.id === value) && <option value={value}>{t('practices.call.unknown')}</option>}
    </SelectField>
  );
}
