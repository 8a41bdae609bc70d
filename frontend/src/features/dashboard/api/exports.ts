import { api, unwrap } from '@/api/client';
import type { LanguageCode } from '@/i18n';
import type { ExportKind } from './types';
import { saveBlob } from '@/lib/save-blob';

/** The file name the server gives (Content-Disposition), else a sensible default. */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  const match = disposition?.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i);
  return match ? decodeURIComponent(match[1]) : fallback;
}

/**
 * Downloads an export. The API needs the bearer token, so a plain link would not do: the file is
 * fetched through the API client (with its refresh on 401), kept as a Blob and saved through a
 * temporary object URL.
 */
/** What the coordinator chose for a CSV: the language of headers and labels, and a BOM for Excel. */
export interface CsvOptions {
  lang: LanguageCode;
  bom: boolean;
}

export async function downloadExport(programmeId: string, kind: ExportKind, includeIdentities: boolean, csv: CsvOptions): Promise<string> {
  const pending =
    kind === 'export.json'
      ? api.GET('/api/v1/programmes/{id}/export.json', {
          params: { path: { id: programmeId }, query: { include_identities: includeIdentities } },
          parseAs: 'blob',
        })
      : api.GET('/api/v1/programmes/{id}/exports/{kind}', {
          params: {
            path: { id: programmeId, kind },
            query: { ...(kind === 'reviews.csv' ? { include_identities: includeIdentities } : {}), lang: csv.lang, ...(csv.bom ? { bom: true } : {}) },
          },
          parseAs: 'blob',
        });
  let disposition: string | null = null;
  const data = await unwrap(
    pending.then((result) => {
      disposition = result.response.headers.get('Content-Disposition');
      return result;
    }),
  );
  const blob = data as unknown as Blob;
  const name = fileNameFrom(disposition, kind === 'export.json' ? `programme-${programmeId}.json` : kind);
  saveBlob(blob, name);
  return name;
}
