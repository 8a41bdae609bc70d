import { useTranslation } from 'react-i18next';
import type { PracticeStatus } from '@/api/types';
import { Badge } from '@/components/ui/badge';
import { statusTone } from './practice-vocabulary';

export function PracticeStatusBadge({ status }: { status: PracticeStatus }) {
  const { t } = useTranslation();
  return (
    <Badge tone={statusTone(status)}>
      <span className="visually-hidden">{t('fields.status')}: </span>
      {t(`practices.status.${status}`)}
    </Badge>
  );
}
