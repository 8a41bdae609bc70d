import { useTranslation } from 'react-i18next';
import type { CallState } from '@/api/types';
import { Badge } from '@/components/ui/badge';

const TONES: Record<CallState, 'info' | 'success' | 'warning'> = {
  upcoming: 'info',
  open: 'success',
  closed: 'warning',
};

/** Where a call stands by the server's clock: upcoming, open or closed. */
export function CallStateBadge({ state }: { state: CallState }) {
  const { t } = useTranslation();
  return <Badge tone={TONES[state]}>{t(`calls.state.${state}`)}</Badge>;
}
