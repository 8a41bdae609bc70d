import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '@/lib/session';
import { useProgrammeDetail } from '../api/adaptations';

export interface AdaptPracticeButtonProps {
  programmeId: string;
  practiceId: string;
  /** Adapt one product of the practice rather than the practice as a whole. */
  productId?: string;
  /** Names the product in the label ("Adapt “Rentree-begeleidingstraject”"). */
  productName?: string;
  /** The practice's organisation: one adapts what others do, so its own people are not offered it. */
  ownerOrganisationId?: string;
  /** Only published practices can be adapted; the button is not shown otherwise. */
  published?: boolean;
  size?: 'md' | 'sm';
  variant?: 'primary' | 'secondary';
}

/**
 * "Adapt this practice": opens the adaptation form with the practice (and product) chosen.
 * Shown to partners of the programme and administrators, for published practices of another
 * organisation than their own.
 */
export function AdaptPracticeButton({
  programmeId,
  practiceId,
  productId,
  productName,
  ownerOrganisationId,
  published = true,
  size = 'md',
  variant = 'primary',
}: AdaptPracticeButtonProps) {
  const { t } = useTranslation('exchange');
  const { user } = useSession();
  const programme = useProgrammeDetail(programmeId);
  const roles = programme.data?.data.my_roles ?? [];
  if (!published || !(user?.is_admin || roles.includes('partner'))) return null;
  if (ownerOrganisationId && user?.organisation_id === ownerOrganisationId) return null;
  const query = new URLSearchParams({ practice: practiceId, ...(productId ? { product: productId } : {}) });
  return (
    <Link
      to={`/programmes/${programmeId}/adaptations/new?${query.toString()}`}
      className={`btn btn-${variant}${size === 'sm' ? ' btn-sm' : ''}`}
    >
      {productName ? t('adapt.product', { name: productName }) : t('adapt.practice')}
    </Link>
  );
}
