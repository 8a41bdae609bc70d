import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, etagFor, unwrap, unwrapVersioned } from '@/api/client';
import type { NewProduct, NewProductInput, NewProductStatus } from './types';
import { queryKeys } from '@/api/query-keys';

/** A page of the programme's register of new products and services. */
export function useNewProducts(programmeId: string, status: NewProductStatus | undefined, page: number, pageSize: number) {
  return useQuery({
    queryKey: queryKeys.products.list(programmeId, { status, page, pageSize }),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/programmes/{id}/products', {
          params: { path: { id: programmeId }, query: { page, page_size: pageSize, ...(status ? { status } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useCreateNewProduct(programmeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: NewProductInput; idempotencyKey: string }) =>
      unwrap(
        api.POST('/api/v1/programmes/{id}/products', {
          params: { path: { id: programmeId }, header: { 'Idempotency-Key': idempotencyKey } },
          body,
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.products.all() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.lineage.all() });
    },
  });
}

/** Changes a new product with If-Match (the version the user edited). */
export function useUpdateNewProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ product, body }: { product: NewProduct; body: NewProductInput }) =>
      unwrapVersioned(
        api.PATCH('/api/v1/products/{id}', {
          params: { path: { id: product.id }, header: { 'If-Match': etagFor(product.version) } },
          body,
        }),
      ),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.products.all() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.lineage.all() });
    },
  });
}
