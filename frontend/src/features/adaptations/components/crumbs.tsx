import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The way back up: a breadcrumb trail of links. */
export function Crumbs({ items }: { items: readonly { to: string; label: string }[] }) {
  const { t } = useTranslation('exchange');
  return (
    <nav aria-label={t('breadcrumb')} className="breadcrumb">
      <ol>
        {items.map((item) => (
          <li key={item.to}>
            <Link to={item.to}>{item.label}</Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
