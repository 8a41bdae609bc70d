import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { CheckboxField, SelectField } from '@/components/ui/form-fields';
import { SUPPORTED_LANGUAGES, type LanguageCode } from '@/i18n';
import { describeError } from '@/lib/describe-error';
import { downloadExport } from '../api/exports';
import type { ExportKind } from '../api/types';
import { DASHBOARD_NAMESPACES } from '../dashboard-namespaces';

const KINDS: readonly ExportKind[] = ['practices.csv', 'reviews.csv', 'adaptations.csv', 'activities.csv', 'export.json'];
const KEYS: Record<ExportKind, string> = {
  'practices.csv': 'practices',
  'reviews.csv': 'reviews',
  'adaptations.csv': 'adaptations',
  'activities.csv': 'activities',
  'export.json': 'json',
};

/**
 * Exports for funders and evaluators. Reviewer identities of blind rounds stay hidden unless the
 * coordinator asks for them explicitly.
 */
export function ExportsPanel({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation(DASHBOARD_NAMESPACES, { nsMode: 'fallback' });
  const { t: tc, i18n } = useTranslation();
  const [identities, setIdentities] = useState(false);
  const uiLanguage = (i18n.resolvedLanguage ?? i18n.language ?? 'en').split('-')[0];
  const [lang, setLang] = useState<LanguageCode>(
    SUPPORTED_LANGUAGES.find((l) => l.code === uiLanguage)?.code ?? 'en',
  );
  const [bom, setBom] = useState(false);
  const [busy, setBusy] = useState<ExportKind | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);

  const run = async (kind: ExportKind) => {
    setBusy(kind);
    setError(null);
    setStatus(t('exports.preparing'));
    try {
      const name = await downloadExport(programmeId, kind, identities, { lang, bom });
      setStatus(t('exports.done', { name }));
    } catch (e) {
      setStatus('');
      setError(describeError(e, tc));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="dashboard-section exports-panel" aria-labelledby="exports-title">
      <h3 id="exports-title">{t('exports.title')}</h3>
      <p className="muted">{t('exports.lead')}</p>
      <CheckboxField
        id="export-identities"
        label={t('exports.identities')}
        hint={t('exports.identitiesHint')}
        checked={identities}
        onChange={(e) => setIdentities(e.target.checked)}
      />
      <SelectField
        id="export-language"
        label={t('exports.language')}
        hint={t('exports.languageHint')}
        value={lang}
        onChange={(e) => setLang(e.target.value as LanguageCode)}
      >
        {SUPPORTED_LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.label}
          </option>
        ))}
      </SelectField>
      <CheckboxField
        id="export-bom"
        label={t('exports.bom')}
        hint={t('exports.bomHint')}
        checked={bom}
        onChange={(e) => setBom(e.target.checked)}
      />
      <ul className="export-list">
        {KINDS.map((kind) => (
          <li key={kind} className="export-item">
            <div>
              <p className="export-name">{t(`exports.kinds.${KEYS[kind]}.label`)}</p>
              <p className="export-file">{kind}</p>
              <p className="muted export-desc">{t(`exports.kinds.${KEYS[kind]}.description`)}</p>
            </div>
            <Button
              onClick={() => void run(kind)}
              pending={busy === kind}
              pendingLabel={t('exports.downloading')}
              disabled={!!busy && busy !== kind}
            >
              {t('exports.downloadShort')}
              <span className="visually-hidden"> {kind}</span>
            </Button>
          </li>
        ))}
      </ul>
      <p role="status" aria-live="polite" className="export-status">
        {status}
      </p>
      {error && (
        <p role="alert" className="alert alert-error">
          {error}
        </p>
      )}
    </section>
  );
}
