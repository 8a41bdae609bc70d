import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { programmeText } from '@/lib/vocabulary';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '@/api/errors';
import { AttachmentsSection } from '@/components/attachments/attachments-section';
import { Badge, BadgeList } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { SelectField } from '@/components/ui/form-fields';
import { Pagination } from '@/components/ui/pagination';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { useToast } from '@/components/ui/toast';
import { DEFAULT_PAGE_SIZE } from '@/lib/constants';
import { countryName } from '@/lib/format';
import { useIdempotencyKey } from '@/lib/idempotency';
import { useProgrammeOutlet } from '@/lib/programme-context';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { usePageParam } from '@/lib/use-page-param';
import { useOrganisationOptions } from '@/components/organisations/use-organisations';
import { useAdaptations, usePublishedPractices } from '../api/adaptations';
import { useCreateNewProduct, useNewProducts, useUpdateNewProduct } from '../api/products';
import type { NewProduct, NewProductStatus } from '../api/types';
import { NEW_PRODUCT_STATUSES } from './frame-vocabulary';
import { ProductForm } from './product-form';

const STATUS_TONES: Record<NewProductStatus, 'neutral' | 'info' | 'success'> = { idea: 'neutral', in_development: 'info', available: 'success' };

/** The register of new products and services that came out of the exchange. */
export function ProductsPage() {
  const { t, i18n } = useTranslation('exchange');
  const { programme, canCoordinate } = useProgrammeOutlet();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status = (NEW_PRODUCT_STATUSES as readonly string[]).includes(statusParam ?? '') ? (statusParam as NewProductStatus) : undefined;
  const [page, setPage] = usePageParam();
  const list = useNewProducts(programme.id, status, page, DEFAULT_PAGE_SIZE);
  const practices = usePublishedPractices(programme.id);
  const adaptations = useAdaptations(programme.id, {}, 1, 100);
  const organisations = useOrganisationOptions();
  const [editing, setEditing] = useState<NewProduct | 'new' | null>(null);
  const { t: tc } = useTranslation();
  // Each product's files are read when its "Files" is opened, not for the whole page at once.
  const [openFiles, setOpenFiles] = useState<ReadonlySet<string>>(new Set());
  const toggleFiles = (id: string) =>
    setOpenFiles((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const canRegister = canCoordinate || programme.my_roles.includes('partner');
  useDocumentTitle(`${t('newProducts.title')} — ${programmeText(programme, i18n.language).name}`);

  const practiceTitle = new Map((practices.data?.items ?? []).map((p) => [p.id, p.title]));
  const adaptationById = new Map((adaptations.data?.items ?? []).map((a) => [a.id, a]));
  const orgName = new Map((organisations.data?.items ?? []).map((o) => [o.id, o.name]));
  const canEdit = (p: NewProduct) => canCoordinate || (programme.my_roles.includes('partner') && !!user?.organisation_id && p.organisation_ids.includes(user.organisation_id));

  return (
    <div className="products-page">
      <div className="section-header">
        <div>
          <h2>{t('newProducts.title')}</h2>
          <p className="muted">{t('newProducts.lead')}</p>
        </div>
        {canRegister && (
          <Button variant="primary" onClick={() => setEditing('new')}>
            <span aria-hidden="true">+ </span>
            {t('newProducts.new')}
          </Button>
        )}
      </div>
      <div className="tracker-filters">
        <SelectField
          label={t('newProducts.filterStatus')}
          className="filter-field"
          value={status ?? ''}
          onChange={(e) =>
            setParams((prev) => {
              const next = new URLSearchParams(prev);
              next.delete('page');
              if (e.target.value) next.set('status', e.target.value);
              else next.delete('status');
              return next;
            })
          }
        >
          <option value="">{t('newProducts.allStatuses')}</option>
          {NEW_PRODUCT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`newProducts.statuses.${s}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={t('newProducts.emptyTitle')}>{status ? t('newProducts.noMatch') : t('newProducts.empty')}</EmptyState>
      ) : (
        <>
          <ul className="new-product-list" aria-busy={list.isFetching || undefined}>
            {list.data.items.map((p) => (
              <li key={p.id}>
                <article className="card new-product-card" aria-labelledby={`np-${p.id}`}>
                  <div className="new-product-head">
                    <h3 id={`np-${p.id}`} className="card-title">
                      {p.link ? (
                        <a href={p.link} target="_blank" rel="noreferrer noopener">
                          {p.title}
                          <span className="visually-hidden"> {t('newProducts.opensNewTab')}</span>
                        </a>
                      ) : (
                        p.title
                      )}
                    </h3>
                    <BadgeList>
                      <Badge tone={STATUS_TONES[p.status]}>
                        <span className="visually-hidden">{t('newProducts.fields.status')}: </span>
                        {t(`newProducts.statuses.${p.status}`)}
                      </Badge>
                      <Badge>{t(`productKinds.${p.kind}`)}</Badge>
                    </BadgeList>
                  </div>
                  {p.description && <p className="card-text">{p.description}</p>}
                  <dl className="new-product-meta">
                    <div>
                      <dt>{t('newProducts.fields.countries')}</dt>
                      <dd>{p.countries.length ? p.countries.map((c) => countryName(c, i18n.language)).join(', ') : '—'}</dd>
                    </div>
                    <div>
                      <dt>{t('newProducts.fields.organisation_ids')}</dt>
                      <dd>{p.organisation_ids.map((id) => orgName.get(id) ?? t('newProducts.unknownOrganisation')).join(', ') || '—'}</dd>
                    </div>
                    {p.inspired_by_practice_ids.length > 0 && (
                      <div>
                        <dt>{t('newProducts.inspiredBy')}</dt>
                        <dd>
                          <ul className="inline-list">
                            {p.inspired_by_practice_ids.map((id) => (
                              <li key={id}>
                                <Link to={`/practices/${id}`}>{practiceTitle.get(id) ?? t('newProducts.unknownPractice')}</Link>
                              </li>
                            ))}
                          </ul>
                        </dd>
                      </div>
                    )}
                    {p.derived_from_adaptation_ids.length > 0 && (
                      <div>
                        <dt>{t('newProducts.derivedFrom')}</dt>
                        <dd>
                          <ul className="inline-list">
                            {p.derived_from_adaptation_ids.map((id) => {
                              const a = adaptationById.get(id);
                              return (
                                <li key={id}>
                                  <Link to={`/adaptations/${id}`}>{a ? `${a.title} (${a.country})` : t('newProducts.unknownAdaptation')}</Link>
                                </li>
                              );
                            })}
                          </ul>
                        </dd>
                      </div>
                    )}
                  </dl>
                  <div className="card-footer">
                    <Button
                      size="sm"
                      aria-expanded={openFiles.has(p.id)}
                      aria-controls={`np-files-${p.id}`}
                      onClick={() => toggleFiles(p.id)}
                      aria-label={tc('attachments.filesOf', { title: p.title })}
                    >
                      {tc('attachments.title')}
                    </Button>
                    {canEdit(p) && (
                      <Button size="sm" onClick={() => setEditing(p)} aria-label={t('newProducts.editNamed', { title: p.title })}>
                        {t('newProducts.edit')}
                      </Button>
                    )}
                  </div>
                  {openFiles.has(p.id) && (
                    <div id={`np-files-${p.id}`}>
                      <AttachmentsSection subject={{ type: 'product', id: p.id }} canUpload={canEdit(p)} headingLevel={4} />
                    </div>
                  )}
                </article>
              </li>
            ))}
          </ul>
          <Pagination page={list.data.page} pageSize={list.data.page_size || DEFAULT_PAGE_SIZE} total={list.data.total} totalIsEstimate={list.data.total_is_estimate} onPageChange={setPage} />
        </>
      )}
      {editing && (
        <ProductDialog
          programmeId={programme.id}
          product={editing === 'new' ? undefined : editing}
          ownOrganisation={user?.organisation_id}
          practices={practices.data?.items ?? []}
          adaptations={adaptations.data?.items ?? []}
          organisations={organisations.data?.items ?? []}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}

function ProductDialog({
  programmeId,
  product,
  ownOrganisation,
  practices,
  adaptations,
  organisations,
  onClose,
}: {
  programmeId: string;
  product?: NewProduct;
  ownOrganisation?: string;
  practices: Parameters<typeof ProductForm>[0]['practices'];
  adaptations: Parameters<typeof ProductForm>[0]['adaptations'];
  organisations: Parameters<typeof ProductForm>[0]['organisations'];
  onClose: () => void;
}) {
  const { t } = useTranslation('exchange');
  const toast = useToast();
  const create = useCreateNewProduct(programmeId);
  const update = useUpdateNewProduct();
  const idempotency = useIdempotencyKey();
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={product ? t('newProducts.editTitle') : t('newProducts.new')} size="lg">
      <ProductForm
        product={product}
        ownOrganisation={ownOrganisation}
        practices={practices}
        adaptations={adaptations}
        organisations={organisations}
        pending={create.isPending || update.isPending}
        submitLabel={product ? t('actions.saveChanges') : t('newProducts.create')}
        onCancel={onClose}
        describeFailure={(error) => (isApiError(error) && (error.status === 412 || error.status === 428) ? t('newProducts.stale') : undefined)}
        onSubmit={async (body) => {
          if (product) {
            await update.mutateAsync({ product, body });
            toast.show(t('newProducts.saved'));
          } else {
            const created = await create.mutateAsync({ body, idempotencyKey: idempotency.forBody(body) });
            idempotency.reset();
            toast.show(t('newProducts.created', { title: created.title }));
          }
          onClose();
        }}
      />
    </Dialog>
  );
}
