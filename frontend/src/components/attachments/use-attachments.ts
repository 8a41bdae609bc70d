import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, etagFor, refreshSession, unwrap } from '@/api/client';
import { networkError, toApiError } from '@/api/errors';
import { sessionStore } from '@/api/session-store';
import type { Attachment, AttachmentRole } from '@/api/types';
import { saveBlob } from '@/lib/save-blob';

/** What files belong to: a practice, an adaptation, a new product or an exchange activity. */
export interface AttachmentSubject {
  type: 'practice' | 'adaptation' | 'product' | 'activity';
  id: string;
}

/** What an activity's file is, in the order the upload offers them. */
export const ATTACHMENT_ROLES: readonly AttachmentRole[] = ['discussion_paper', 'comment_paper', 'minutes', 'other'];

/** The server's limit, checked before a byte is sent: 20 MB. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** A hint for the file picker; the server decides the type from the content. */
export const ATTACHMENT_ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.png,.jpg,.jpeg,.txt,.csv,.tsv';

const collection = { practice: 'practices', adaptation: 'adaptations', product: 'products', activity: 'activities' } as const;

export const attachmentKeys = {
  list: (subject: AttachmentSubject) => ['attachments', subject.type, subject.id] as const,
};

function fetchAttachments(subject: AttachmentSubject) {
  const params = { params: { path: { id: subject.id } } };
  switch (subject.type) {
    case 'practice':
      return unwrap(api.GET('/api/v1/practices/{id}/attachments', params));
    case 'adaptation':
      return unwrap(api.GET('/api/v1/adaptations/{id}/attachments', params));
    case 'product':
      return unwrap(api.GET('/api/v1/products/{id}/attachments', params));
    case 'activity':
      return unwrap(api.GET('/api/v1/activities/{id}/attachments', params));
  }
}

export function useAttachments(subject: AttachmentSubject) {
  return useQuery({ queryKey: attachmentKeys.list(subject), queryFn: async () => (await fetchAttachments(subject)).items });
}

/**
 * One POST of the file as multipart/form-data, reporting progress (0–1) as it is sent. An
 * activity's file may carry its role, which the server reads only before the file.
 */
function sendFile(
  subject: AttachmentSubject,
  file: File,
  role: AttachmentRole | undefined,
  onProgress: (share: number) => void,
): Promise<{ status: number; body: unknown; headers: Headers }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/${collection[subject.type]}/${subject.id}/attachments`);
    const token = sessionStore.getAccessToken();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown = xhr.responseText;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON: kept as text for the error.
      }
      const headers = new Headers();
      const retryAfter = xhr.getResponseHeader('Retry-After');
      if (retryAfter) headers.set('Retry-After', retryAfter);
      resolve({ status: xhr.status, body, headers });
    };
    xhr.onerror = () => reject(networkError(new Error('upload failed')));
    xhr.onabort = () => reject(networkError(new Error('upload aborted')));
    const form = new FormData();
    if (role) form.append('role', role);
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/**
 * Uploads a file with XMLHttpRequest, whose upload events give a progress bar (fetch has none),
 * under the API client's session: an expired access token is refreshed once and the file sent
 * again.
 */
export async function uploadAttachment(
  subject: AttachmentSubject,
  file: File,
  onProgress: (share: number) => void,
  role?: AttachmentRole,
): Promise<Attachment> {
  let answer = await sendFile(subject, file, role, onProgress);
  if (answer.status === 401 && sessionStore.getRefreshToken() && (await refreshSession())) {
    onProgress(0);
    answer = await sendFile(subject, file, role, onProgress);
  }
  if (answer.status >= 200 && answer.status < 300) return answer.body as Attachment;
  throw toApiError(new Response(null, { status: answer.status, headers: answer.headers }), answer.body);
}

export function useUploadAttachment(subject: AttachmentSubject) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, onProgress, role }: { file: File; onProgress: (share: number) => void; role?: AttachmentRole }) =>
      uploadAttachment(subject, file, onProgress, role),
    onSettled: () => queryClient.invalidateQueries({ queryKey: attachmentKeys.list(subject) }),
  });
}

/**
 * Says what an activity's file is (null: not said), with If-Match on the version the list showed:
 * a file someone else changed meanwhile is a 412, and the list is read again either way.
 */
export function useChangeAttachmentRole(subject: AttachmentSubject) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ attachment, role }: { attachment: Attachment; role: AttachmentRole | null }) =>
      unwrap(
        api.PATCH('/api/v1/attachments/{id}', {
          params: { path: { id: attachment.id }, header: { 'If-Match': etagFor(attachment.version) } },
          body: { role },
        }),
      ),
    onSuccess: (updated) =>
      queryClient.setQueryData<Attachment[]>(attachmentKeys.list(subject), (list) => list?.map((a) => (a.id === updated.id ? updated : a))),
    onSettled: () => queryClient.invalidateQueries({ queryKey: attachmentKeys.list(subject) }),
  });
}

export function useDeleteAttachment(subject: AttachmentSubject) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (attachment: Attachment) => unwrap(api.DELETE('/api/v1/attachments/{id}', { params: { path: { id: attachment.id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: attachmentKeys.list(subject) }),
  });
}

/**
 * Downloads a file through the API client (the download needs the bearer token, so a plain link
 * cannot fetch it) and hands it to the browser to save under its name.
 */
export async function downloadAttachment(attachment: Attachment): Promise<void> {
  const blob = await unwrap(api.GET('/api/v1/attachments/{id}', { params: { path: { id: attachment.id } }, parseAs: 'blob' }));
  saveBlob(blob as Blob, attachment.file_name);
}
