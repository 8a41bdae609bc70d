import { useTranslation } from 'react-i18next';
import type { ActivityKind, ActivityStatus } from '@/api/types';
import { Badge } from '@/components/ui/badge';

const STATUS_TONE = { planned: 'info', held: 'success', cancelled: 'danger' } as const;

export function ActivityStatusBadge({ status }: { status: ActivityStatus }) {
  const { t } = useTranslation();
  return <Badge tone={STATUS_TONE[status]}>{t(`activities.statuses.${status}`)}</Badge>;
}

export function ActivityKindBadge({ kind }: { kind: ActivityKind }) {
  const { t } = useTranslation();
  return <Badge tone="accent">{t(`activities.kinds.${kind}`)}</Badge>;
}
