import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductKind } from '@/api/types';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/form-fields';
import { CountedTextArea, CountedTextField } from '@/components/ui/counted-fields';
import { LockIcon } from '@/components/practice/practice-content';
import { newProduct, newRowId, PRACTICE_LIMITS, type LinkRow, type ListItem, type ProductDraft } from './practice-draft';
import { PRODUCT_KINDS } from './practice-vocabulary';

/** Moves focus to an element once it has been rendered (after adding, removing or moving a row). */
export type RequestFocus = (id: string) => void;

/** A group of the editor: heading, a short plain-language guidance, its fields. */
export function EditorSection({ id, title, guidance, children }: { id: string; title: string; guidance: string; children: ReactNode }) {
  return (
    <fieldset className="editor-section card" id={id} aria-describedby={`${id}-guidance`}>
      <legend className="editor-section-legend">
        <h2>{title}</h2>
      </legend>
      <p id={`${id}-guidance`} className="section-guidance">
        {guidance}
      </p>
      <div className="editor-section-fields">{children}</div>
    </fieldset>
  );
}

function GroupError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={id} className="field-error">
      <span aria-hidden="true">⚠ </span>
      {error}
    </p>
  );
}

interface StringListFieldProps {
  /** The id of the list's fieldset; each line is `${id}-${index}`. */
  id: string;
  legend: ReactNode;
  hint?: string;
  items: ListItem[];
  onChange: (items: ListItem[]) => void;
  maxItems: number;
  maxLength: number;
  itemLabel: (index: number) => string;
  addLabel: string;
  /** Errors by line; `error` is about the whole list. */
  itemErrors: (index: number) => string | undefined;
  error?: string;
  requestFocus: RequestFocus;
  multiline?: boolean;
  className?: string;
}

/** A list of short texts (indicators, learning questions, core elements) with add and remove. */
export function StringListField({
  id,
  legend,
  hint,
  items,
  onChange,
  maxItems,
  maxLength,
  itemLabel,
  addLabel,
  itemErrors,
  error,
  requestFocus,
  multiline,
  className,
}: StringListFieldProps) {
  const { t } = useTranslation();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const remove = (index: number) => {
    onChange(items.filter((_, i) => i !== index));
    const next = items.length - 1 === 0 ? `${id}-add` : `${id}-${Math.min(index, items.length - 2)}`;
    requestFocus(next);
  };
  return (
    <fieldset
      id={id}
      className={`field fieldset string-list ${className ?? ''}`}
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
      tabIndex={-1}
    >
      <legend className="field-label">{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {items.length > 0 && (
        <ol className="string-list-items">
          {items.map((item, index) => {
            const common = {
              id: `${id}-${index}`,
              label: itemLabel(index),
              value: item.value,
              max: maxLength,
              error: itemErrors(index),
              className: 'string-list-field',
            };
            return (
              <li key={item.rowId} className="string-list-item">
                {multiline ? (
                  <CountedTextArea
                    {...common}
                    rows={2}
                    onChange={(e) => onChange(items.map((x, i) => (i === index ? { ...x, value: e.target.value } : x)))}
                  />
                ) : (
                  <CountedTextField
                    {...common}
                    onChange={(e) => onChange(items.map((x, i) => (i === index ? { ...x, value: e.target.value } : x)))}
                  />
                )}
                <Button variant="ghost" size="sm" className="row-remove" aria-label={t('practices.editor.removeItem', { item: itemLabel(index) })} onClick={() => remove(index)}>
                  {t('actions.remove')}
                </Button>
              </li>
            );
          })}
        </ol>
      )}
      <GroupError id={`${id}-error`} error={error} />
      <Button
        id={`${id}-add`}
        size="sm"
        disabled={items.length >= maxItems}
        onClick={() => {
          onChange([...items, { rowId: newRowId(), value: '' }]);
          requestFocus(`${id}-${items.length}`);
        }}
      >
        <span aria-hidden="true">+ </span>
        {addLabel}
      </Button>
      {items.length >= maxItems && <p className="field-hint">{t('validation.maxItems', { max: maxItems })}</p>}
    </fieldset>
  );
}

interface LinksFieldProps {
  id: string;
  links: LinkRow[];
  onChange: (links: LinkRow[]) => void;
  errorFor: (path: string) => string | undefined;
  requestFocus: RequestFocus;
}

export function LinksField({ id, links, onChange, errorFor, requestFocus }: LinksFieldProps) {
  const { t } = useTranslation();
  const L = PRACTICE_LIMITS;
  const update = (index: number, patch: Partial<LinkRow>) => onChange(links.map((l, i) => (i === index ? { ...l, ...patch } : l)));
  const error = errorFor('links');
  return (
    <div id={id} className="links-field" tabIndex={-1}>
      {links.length === 0 && <p className="muted">{t('practices.editor.noLinks')}</p>}
      <ol className="row-list">
        {links.map((link, index) => {
          const label = t('practices.fields.linkN', { n: index + 1 });
          return (
            <li key={link.rowId}>
              <fieldset className="row-fields row-fields-link">
                <legend className="visually-hidden">{label}</legend>
                <CountedTextField
                  id={`${id}-${index}-title`}
                  label={t('practices.fields.linkTitle')}
                  value={link.title}
                  max={L.linkTitle}
                  error={errorFor(`links[${index}].title`)}
                  onChange={(e) => update(index, { title: e.target.value })}
                />
                <CountedTextField
                  id={`${id}-${index}-url`}
                  label={t('practices.fields.url')}
                  type="url"
                  inputMode="url"
                  placeholder="https://"
                  spellCheck={false}
                  value={link.url}
                  max={L.url}
                  error={errorFor(`links[${index}].url`)}
                  onChange={(e) => update(index, { url: e.target.value })}
                />
                <Button
                  variant="ghost"
                  size="sm"
                  className="row-remove"
                  aria-label={t('practices.editor.removeItem', { item: label })}
                  onClick={() => {
                    onChange(links.filter((_, i) => i !== index));
                    requestFocus(links.length === 1 ? `${id}-add` : `${id}-${Math.min(index, links.length - 2)}-title`);
                  }}
                >
                  {t('actions.remove')}
                </Button>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <GroupError id={`${id}-error`} error={error} />
      <Button
        id={`${id}-add`}
        size="sm"
        disabled={links.length >= L.links}
        onClick={() => {
          onChange([...links, { rowId: newRowId(), title: '', url: '' }]);
          requestFocus(`${id}-${links.length}-title`);
        }}
      >
        <span aria-hidden="true">+ </span>
        {t('practices.editor.addLink')}
      </Button>
    </div>
  );
}

interface ProductsEditorProps {
  id: string;
  products: ProductDraft[];
  onChange: (products: ProductDraft[]) => void;
  errorFor: (path: string) => string | undefined;
  requestFocus: RequestFocus;
  announce: (message: string) => void;
}

/** Products and services: add, remove, reorder; each with its kind and its core elements. */
export function ProductsEditor({ id, products, onChange, errorFor, requestFocus, announce }: ProductsEditorProps) {
  const { t } = useTranslation();
  const L = PRACTICE_LIMITS;
  const update = (index: number, patch: Partial<ProductDraft>) => onChange(products.map((p, i) => (i === index ? { ...p, ...patch } : p)));
  const name = (p: ProductDraft, index: number) => p.name.trim() || t('practices.fields.productN', { n: index + 1 });
  const move = (index: number, delta: -1 | 1) => {
    const target = index + delta;
    if (target < 0 || target >= products.length) return;
    const next = [...products];
    [next[index], next[target]] = [next[target], next[index]];
    onChange(next);
    // Stay on the same button of the moved product, unless it can no longer move that way.
    const stillMovable = delta === -1 ? target > 0 : target < products.length - 1;
    requestFocus(`practice-product-${target}-${stillMovable ? (delta === -1 ? 'up' : 'down') : delta === -1 ? 'down' : 'up'}`);
    announce(t('practices.editor.productMoved', { name: name(products[index], index), position: target + 1, total: products.length }));
  };

  return (
    <div id={id} className="products-editor" tabIndex={-1}>
      {products.length === 0 && <p className="muted">{t('practices.editor.noProducts')}</p>}
      <ol className="product-editor-list">
        {products.map((product, index) => {
          const base = `practice-product-${index}`;
          const label = name(product, index);
          return (
            <li key={product.rowId}>
              <fieldset className="product-editor" id={base} aria-labelledby={`${base}-legend`}>
                <legend id={`${base}-legend`} className="product-editor-legend">
                  <span className="product-editor-number">{t('practices.fields.productN', { n: index + 1 })}</span>
                  {product.name.trim() && <span className="product-editor-name">: {product.name.trim()}</span>}
                </legend>
                <div className="product-editor-tools">
                  <Button
                    id={`${base}-up`}
                    size="sm"
                    variant="ghost"
                    disabled={index === 0}
                    aria-label={t('practices.editor.moveUp', { name: label })}
                    onClick={() => move(index, -1)}
                  >
                    <span aria-hidden="true">↑</span> {t('practices.editor.up')}
                  </Button>
                  <Button
                    id={`${base}-down`}
                    size="sm"
                    variant="ghost"
                    disabled={index === products.length - 1}
                    aria-label={t('practices.editor.moveDown', { name: label })}
                    onClick={() => move(index, 1)}
                  >
                    <span aria-hidden="true">↓</span> {t('practices.editor.down')}
                  </Button>
                  <Button
                    size="sm"
                    variant="danger"
                    aria-label={t('practices.editor.removeItem', { item: label })}
                    onClick={() => {
                      onChange(products.filter((_, i) => i !== index));
                      announce(t('practices.editor.productRemoved', { name: label }));
                      requestFocus(products.length === 1 ? `${id}-add` : `practice-product-${Math.min(index, products.length - 2)}-name`);
                    }}
                  >
                    {t('actions.remove')}
                  </Button>
                </div>
                <div className="field-row">
                  <CountedTextField
                    id={`${base}-name`}
                    label={t('fields.name')}
                    required
                    value={product.name}
                    max={L.productName}
                    error={errorFor(`products[${index}].name`)}
                    onChange={(e) => update(index, { name: e.target.value })}
                  />
                  <SelectField
                    id={`${base}-kind`}
                    label={t('fields.kind')}
                    required
                    value={product.kind}
                    error={errorFor(`products[${index}].kind`)}
                    onChange={(e) => update(index, { kind: e.target.value as ProductKind | '' })}
                  >
                    <option value="">{t('forms.choose')}</option>
                    {PRODUCT_KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {t(`practices.productKinds.${kind}`)}
                      </option>
                    ))}
                  </SelectField>
                </div>
                <CountedTextArea
                  id={`${base}-description`}
                  label={t('fields.description')}
                  rows={3}
                  value={product.description}
                  max={L.productDescription}
                  error={errorFor(`products[${index}].description`)}
                  onChange={(e) => update(index, { description: e.target.value })}
                />
                <StringListField
                  id={`${base}-core`}
                  className="core-elements-field"
                  legend={
                    <>
                      <LockIcon /> {t('practices.view.coreElements')}
                    </>
                  }
                  hint={t('practices.editor.coreElementsHint')}
                  items={product.core_elements}
                  onChange={(core_elements) => update(index, { core_elements })}
                  maxItems={L.coreElements}
                  maxLength={L.coreElement}
                  itemLabel={(i) => t('practices.fields.coreElementN', { n: i + 1 })}
                  addLabel={t('practices.editor.addCoreElement')}
                  itemErrors={(i) => errorFor(`products[${index}].core_elements[${i}]`)}
                  error={errorFor(`products[${index}].core_elements`)}
                  requestFocus={requestFocus}
                />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <GroupError id={`${id}-error`} error={errorFor('products')} />
      <Button
        id={`${id}-add`}
        disabled={products.length >= L.products}
        onClick={() => {
          onChange([...products, newProduct()]);
          requestFocus(`practice-product-${products.length}-name`);
        }}
      >
        <span aria-hidden="true">+ </span>
        {t('practices.editor.addProduct')}
      </Button>
    </div>
  );
}
