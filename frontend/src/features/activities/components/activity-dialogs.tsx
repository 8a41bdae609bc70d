import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/errors';
import type { Activity, ActivityPatch } from '@/api/types';
import { Dialog } from '@/components/ui/dialog';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { useToast } from '@/components/ui/toast';
import { useIdempotencyKey } from '@/lib/idempotency';
import { useActivity, useActivityChoices, useCreateActivity, useUpdateActivity } from '../api/activities';
import { ActivityForm } from './activity-form';

/** Planning a new activity (coordinators). */
export function NewActivityDialog({ programmeId, onClose, onCreated }: { programmeId: string; onClose: () => void; onCreated?: (a: Activity) => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const choices = useActivityChoices(programmeId);
  const create = useCreateActivity(programmeId);
  const idempotency = useIdempotencyKey();
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={t('activities.newTitle')} size="lg">
      {choices.isPending ? (
        <LoadingState />
      ) : choices.isError ? (
        <ErrorState error={choices.error} onRetry={() => void choices.refetch()} />
      ) : (
        <ActivityForm
          organisations={choices.data.organisations}
          practices={choices.data.practices}
          submitLabel={t('activities.create')}
          pending={create.isPending}
          onCancel={onClose}
          onSubmit={async (body) => {
            const result = await create.mutateAsync({ body, idempotencyKey: idempotency.forBody(body) });
            idempotency.reset();
            toast.show(t('activities.created', { title: result.data.title }));
            onCreated?.(result.data);
            onClose();
          }}
        />
      )}
    </Dialog>
  );
}

/** Changing an activity (coordinators, partners of the host organisation). */
export function EditActivityDialog({ id, programmeId, title, onClose }: { id: string; programmeId: string; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const activity = useActivity(id);
  const choices = useActivityChoices(programmeId);
  const update = useUpdateActivity(id);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={t('activities.editTitle', { title })} size="lg">
      {activity.isPending || choices.isPending ? (
        <LoadingState />
      ) : activity.isError ? (
        <ErrorState error={activity.error} onRetry={() => void activity.refetch()} />
      ) : choices.isError ? (
        <ErrorState error={choices.error} onRetry={() => void choices.refetch()} />
      ) : (
        // A new version (after someone else's change) re-initialises the form with fresh values.
        <ActivityForm
          key={activity.data.data.version}
          organisations={choices.data.organisations}
          practices={choices.data.practices}
          initial={activity.data.data}
          notice={notice}
          submitLabel={t('actions.saveChanges')}
          pending={update.isPending}
          onCancel={onClose}
          onSubmit={async (input) => {
            // An emptied online address is cleared.
            const body: ActivityPatch = { ...input, online_url: input.online_url ?? null };
            await update.mutateAsync({ body, etag: activity.data.etag });
            toast.show(t('activities.saved'));
            onClose();
          }}
          describeFailure={(error) => {
            if (isApiError(error) && (error.status === 412 || error.status === 428)) {
              setNotice(t('activities.stale'));
              void activity.refetch();
              return t('activities.stale');
            }
            return undefined;
          }}
        />
      )}
    </Dialog>
  );
}
