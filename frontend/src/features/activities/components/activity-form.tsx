import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity, ActivityInput, ActivityKind, ActivityStatus, OrganisationRef } from '@/api/types';
import { Button } from '@/components/ui/button';
import { CountrySelect } from '@/components/ui/country-select';
import { CheckboxGroup, FormActions, FormAlert, FormNotice, RequiredNote, SelectField, TextAreaField, TextField } from '@/components/ui/form-fields';
import { useFormErrors } from '@/lib/use-form-errors';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES, PARTICIPANT_ROLES, fromLocalInput, toLocalInput } from './activity-format';

type Role = (typeof PARTICIPANT_ROLES)[number];

interface ParticipantRow {
  organisation_id: string;
  role: Role;
  people: string;
}

interface AgendaRow {
  at: string;
  title: string;
}

interface FollowUpRow {
  id?: string;
  title: string;
  owner_organisation_id: string;
  due_on: string;
  status: 'open' | 'done';
}

const BASE_FIELDS = ['kind', 'title', 'description', 'host_organisation_id', 'country', 'city', 'online_url', 'starts_at', 'ends_at', 'status', 'minutes', 'practice_ids', 'participants', 'agenda', 'follow_ups'] as const;

/** The field names a server error may name, one per input of every row. */
function fieldNames(participants: number, agenda: number, followUps: number): string[] {
  const out: string[] = [...BASE_FIELDS];
  for (let i = 0; i < participants; i++) out.push(`participants[${i}].organisation_id`, `participants[${i}].role`, `participants[${i}].people`);
  for (let i = 0; i < agenda; i++) out.push(`agenda[${i}].at`, `agenda[${i}].title`);
  for (let i = 0; i < followUps; i++) out.push(`follow_ups[${i}].title`, `follow_ups[${i}].owner_organisation_id`, `follow_ups[${i}].due_on`, `follow_ups[${i}].id`);
  return out;
}

export interface ActivityFormProps {
  /** The programme's organisations (those with a member) and its practices past their draft. */
  organisations: readonly OrganisationRef[];
  practices: readonly { id: string; title: string }[];
  initial?: Activity;
  notice?: string | null;
  submitLabel: string;
  pending: boolean;
  onSubmit: (body: ActivityInput) => Promise<unknown>;
  onCancel: () => void;
  /** A sentence for a failure the form handles itself (e.g. a 412), else undefined. */
  describeFailure?: (error: unknown) => string | undefined;
}

/**
 * Planning or changing an exchange activity: what and when, where (or online), who hosts and
 * who takes part, the agenda, the practices presented, the minutes and the follow-ups. Times are
 * entered in the reader's time zone and sent in UTC.
 */
export function ActivityForm({ organisations, practices, initial, notice, submitLabel, pending, onSubmit, onCancel, describeFailure }: ActivityFormProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ActivityKind>(initial?.kind ?? 'study_visit');
  const [title, setTitle] = useState(initial?.title ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [host, setHost] = useState(initial?.host_organisation_id ?? '');
  const [country, setCountry] = useState(initial?.country ?? '');
  const [city, setCity] = useState(initial?.city ?? '');
  const [onlineUrl, setOnlineUrl] = useState(initial?.online_url ?? '');
  const [starts, setStarts] = useState(initial ? toLocalInput(initial.starts_at) : '');
  const [ends, setEnds] = useState(initial ? toLocalInput(initial.ends_at) : '');
  const [status, setStatus] = useState<ActivityStatus>(initial?.status ?? 'planned');
  const [minutes, setMinutes] = useState(initial?.minutes ?? '');
  const [practiceIds, setPracticeIds] = useState<string[]>(initial?.practice_ids ?? []);
  const [participants, setParticipants] = useState<ParticipantRow[]>(
    initial?.participants.map((p) => ({ organisation_id: p.organisation_id, role: p.role, people: String(p.people) })) ?? [],
  );
  const [agenda, setAgenda] = useState<AgendaRow[]>(initial?.agenda.map((a) => ({ at: toLocalInput(a.at), title: a.title })) ?? []);
  const [followUps, setFollowUps] = useState<FollowUpRow[]>(
    initial?.follow_ups.map((f) => ({ id: f.id, title: f.title, owner_organisation_id: f.owner_organisation_id, due_on: f.due_on ?? '', status: f.status })) ?? [],
  );
  const names = useMemo(() => fieldNames(participants.length, agenda.length, followUps.length), [participants.length, agenda.length, followUps.length]);
  const form = useFormErrors<string>(names);
  // Practices already presented stay choosable even when the list no longer offers them.
  const practiceOptions = useMemo(() => {
    const known = new Map(practices.map((p) => [p.id, p.title]));
    for (const p of initial?.practices ?? []) if (!known.has(p.id)) known.set(p.id, p.title);
    return [...known].map(([value, label]) => ({ value, label }));
  }, [practices, initial]);

  const organisationOptions = (
    <>
      <option value="">{t('forms.choose')}</option>
      {organisations.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name} ({o.country})
        </option>
      ))}
    </>
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!title.trim()) found.title = t('validation.required');
    if (!host) found.host_organisation_id = t('validation.required');
    if (!starts) found.starts_at = t('validation.required');
    if (!ends) found.ends_at = t('validation.required');
    else if (starts && fromLocalInput(ends) < fromLocalInput(starts)) found.ends_at = t('activities.form.endsAfterStarts');
    participants.forEach((p, i) => {
      if (!p.organisation_id) found[`participants[${i}].organisation_id`] = t('validation.required');
      if (!(Number(p.people) >= 1)) found[`participants[${i}].people`] = t('validation.required');
    });
    agenda.forEach((a, i) => {
      if (!a.at) found[`agenda[${i}].at`] = t('validation.required');
      if (!a.title.trim()) found[`agenda[${i}].title`] = t('validation.required');
    });
    followUps.forEach((f, i) => {
      if (!f.title.trim()) found[`follow_ups[${i}].title`] = t('validation.required');
      if (!f.owner_organisation_id) found[`follow_ups[${i}].owner_organisation_id`] = t('validation.required');
    });
    if (!form.validate(found)) return;
    const body: ActivityInput = {
      kind,
      title: title.trim(),
      description: description.trim(),
      host_organisation_id: host,
      city: city.trim(),
      starts_at: fromLocalInput(starts),
      ends_at: fromLocalInput(ends),
      status,
      minutes: minutes.trim(),
      practice_ids: practiceIds,
      participants: participants.map((p) => ({ organisation_id: p.organisation_id, role: p.role, people: Number(p.people) })),
      agenda: agenda.map((a) => ({ at: fromLocalInput(a.at), title: a.title.trim() })),
      follow_ups: followUps.map((f) => ({
        ...(f.id ? { id: f.id } : {}),
        title: f.title.trim(),
        owner_organisation_id: f.owner_organisation_id,
        due_on: f.due_on || null,
        status: f.status,
      })),
    };
    if (country) body.country = country;
    if (onlineUrl.trim()) body.online_url = onlineUrl.trim();
    try {
      await onSubmit(body);
    } catch (error) {
      form.showServerError(error, describeFailure?.(error));
    }
  };

  const setRow = <R,>(setter: (f: (rows: R[]) => R[]) => void, i: number, patch: Partial<R>, field?: string) => {
    setter((rows) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
    if (field) form.clearError(field);
  };

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="form activity-form">
      <FormNotice message={notice} />
      <FormAlert message={form.formError} />
      <RequiredNote />
      <div className="field-row">
        <SelectField label={t('activities.form.kind')} required value={kind} error={form.errors.kind} onChange={(e) => setKind(e.target.value as ActivityKind)}>
          {ACTIVITY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`activities.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('activities.form.status')} required value={status} error={form.errors.status} onChange={(e) => setStatus(e.target.value as ActivityStatus)}>
          {ACTIVITY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`activities.statuses.${s}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextField
        label={t('activities.form.title')}
        required
        maxLength={200}
        value={title}
        error={form.errors.title}
        onChange={(e) => {
          setTitle(e.target.value);
          form.clearError('title');
        }}
      />
      <TextAreaField label={t('activities.form.description')} rows={3} maxLength={10000} value={description} error={form.errors.description} onChange={(e) => setDescription(e.target.value)} />
      <div className="field-row">
        <TextField
          type="datetime-local"
          label={t('activities.form.starts')}
          required
          value={starts}
          error={form.errors.starts_at}
          onChange={(e) => {
            setStarts(e.target.value);
            form.clearError('starts_at');
          }}
        />
        <TextField
          type="datetime-local"
          label={t('activities.form.ends')}
          required
          value={ends}
          error={form.errors.ends_at}
          onChange={(e) => {
            setEnds(e.target.value);
            form.clearError('ends_at');
          }}
        />
      </div>
      <SelectField
        label={t('activities.form.host')}
        hint={t('activities.form.hostHint')}
        required
        value={host}
        error={form.errors.host_organisation_id}
        onChange={(e) => {
          setHost(e.target.value);
          form.clearError('host_organisation_id');
        }}
      >
        {organisationOptions}
      </SelectField>
      <div className="field-row">
        <CountrySelect label={t('activities.form.country')} hint={t('activities.form.countryHint')} value={country} error={form.errors.country} onChange={(e) => setCountry(e.target.value)} />
        <TextField label={t('activities.form.city')} maxLength={120} value={city} error={form.errors.city} onChange={(e) => setCity(e.target.value)} />
      </div>
      <TextField
        type="url"
        label={t('activities.form.onlineUrl')}
        hint={t('activities.form.onlineUrlHint')}
        maxLength={500}
        value={onlineUrl}
        error={form.errors.online_url}
        onChange={(e) => {
          setOnlineUrl(e.target.value);
          form.clearError('online_url');
        }}
      />

      <fieldset className="fieldset">
        <legend>{t('activities.form.participants')}</legend>
        {kind === 'peer_review_meeting' && <p className="field-hint">{t('activities.form.peerReviewHint')}</p>}
        {form.errors.participants && <p className="field-error">{form.errors.participants}</p>}
        {participants.map((p, i) => (
          <div className="field-row row-with-remove" key={i}>
            <SelectField
              label={t('activities.form.organisation')}
              required
              value={p.organisation_id}
              error={form.errors[`participants[${i}].organisation_id`]}
              onChange={(e) => setRow(setParticipants, i, { organisation_id: e.target.value }, `participants[${i}].organisation_id`)}
            >
              {organisationOptions}
            </SelectField>
            <SelectField label={t('activities.form.role')} required value={p.role} error={form.errors[`participants[${i}].role`]} onChange={(e) => setRow(setParticipants, i, { role: e.target.value as Role })}>
              {PARTICIPANT_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`activities.roles.${r}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              type="number"
              min={1}
              max={10000}
              label={t('activities.form.people')}
              required
              value={p.people}
              error={form.errors[`participants[${i}].people`]}
              onChange={(e) => setRow(setParticipants, i, { people: e.target.value }, `participants[${i}].people`)}
            />
            <Button onClick={() => setParticipants((rows) => rows.filter((_, j) => j !== i))} aria-label={t('activities.form.removeParticipant', { number: i + 1 })}>
              ×
            </Button>
          </div>
        ))}
        <Button onClick={() => setParticipants((rows) => [...rows, { organisation_id: rows.length === 0 ? host : '', role: rows.length === 0 ? 'host' : 'peer', people: '1' }])}>
          {t('activities.form.addParticipant')}
        </Button>
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('activities.form.agenda')}</legend>
        {agenda.map((a, i) => (
          <div className="field-row row-with-remove" key={i}>
            <TextField
              type="datetime-local"
              label={t('activities.form.at')}
              required
              value={a.at}
              error={form.errors[`agenda[${i}].at`]}
              onChange={(e) => setRow(setAgenda, i, { at: e.target.value }, `agenda[${i}].at`)}
            />
            <TextField
              label={t('activities.form.itemTitle')}
              required
              maxLength={300}
              value={a.title}
              error={form.errors[`agenda[${i}].title`]}
              onChange={(e) => setRow(setAgenda, i, { title: e.target.value }, `agenda[${i}].title`)}
            />
            <Button onClick={() => setAgenda((rows) => rows.filter((_, j) => j !== i))} aria-label={t('activities.form.removeAgendaItem', { number: i + 1 })}>
              ×
            </Button>
          </div>
        ))}
        <Button onClick={() => setAgenda((rows) => [...rows, { at: rows.at(-1)?.at ?? starts, title: '' }])}>{t('activities.form.addAgendaItem')}</Button>
      </fieldset>

      {practiceOptions.length > 0 && (
        <CheckboxGroup name="practice_ids" label={t('activities.form.practices')} options={practiceOptions} value={practiceIds} error={form.errors.practice_ids} onChange={setPracticeIds} />
      )}

      <TextAreaField label={t('activities.form.minutes')} hint={t('activities.form.minutesHint')} rows={5} maxLength={50000} value={minutes} error={form.errors.minutes} onChange={(e) => setMinutes(e.target.value)} />

      <fieldset className="fieldset">
        <legend>{t('activities.form.followUps')}</legend>
        {form.errors.follow_ups && <p className="field-error">{form.errors.follow_ups}</p>}
        {followUps.map((f, i) => (
          <div className="field-row row-with-remove" key={f.id ?? `new-${i}`}>
            <TextField
              label={t('activities.form.followUpTitle')}
              required
              maxLength={300}
              value={f.title}
              error={form.errors[`follow_ups[${i}].title`] ?? form.errors[`follow_ups[${i}].id`]}
              onChange={(e) => setRow(setFollowUps, i, { title: e.target.value }, `follow_ups[${i}].title`)}
            />
            <SelectField
              label={t('activities.form.owner')}
              required
              value={f.owner_organisation_id}
              error={form.errors[`follow_ups[${i}].owner_organisation_id`]}
              onChange={(e) => setRow(setFollowUps, i, { owner_organisation_id: e.target.value }, `follow_ups[${i}].owner_organisation_id`)}
            >
              {organisationOptions}
            </SelectField>
            <TextField
              type="date"
              label={t('activities.form.dueOn')}
              value={f.due_on}
              error={form.errors[`follow_ups[${i}].due_on`]}
              onChange={(e) => setRow(setFollowUps, i, { due_on: e.target.value }, `follow_ups[${i}].due_on`)}
            />
            <Button onClick={() => setFollowUps((rows) => rows.filter((_, j) => j !== i))} aria-label={t('activities.form.removeFollowUp', { number: i + 1 })}>
              ×
            </Button>
          </div>
        ))}
        <Button onClick={() => setFollowUps((rows) => [...rows, { title: '', owner_organisation_id: '', due_on: '', status: 'open' }])}>{t('activities.form.addFollowUp')}</Button>
      </fieldset>

      <FormActions>
        <Button type="submit" variant="primary" pending={pending} pendingLabel={t('actions.saving')}>
          {submitLabel}
        </Button>
        <Button onClick={onCancel}>{t('actions.cancel')}</Button>
      </FormActions>
    </form>
  );
}
