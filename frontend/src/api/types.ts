import type { components } from './schema';

type Schemas = components['schemas'];

export type Problem = Schemas['Problem'];
export type User = Schemas['User'];
export type Organisation = Schemas['Organisation'];
export type OrganisationCreate = Schemas['OrganisationCreate'];
export type OrganisationUpdate = Schemas['OrganisationUpdate'];
export type OrganisationKind = Schemas['OrganisationKind'];
export type UserCreate = Schemas['UserCreate'];
export type UserUpdate = Schemas['UserUpdate'];
export type MeUpdate = Schemas['MeUpdate'];
export type TokenPair = Schemas['TokenPair'];
export type Programme = Schemas['Programme'];
export type ProgrammeCreate = Schemas['ProgrammeCreate'];
export type ProgrammeUpdate = Schemas['ProgrammeUpdate'];
export type Keyed = Schemas['Keyed'];
export type Member = Schemas['Member'];
export type Role = Schemas['Role'];
export type Invitation = Schemas['Invitation'];
export type InvitationCreate = Schemas['InvitationCreate'];
export type InvitationPreview = Schemas['InvitationPreview'];
export type PageMeta = Schemas['PageMeta'];
export type OrganisationRef = Schemas['OrganisationRef'];
export type Practice = Schemas['Practice'];
export type Call = Schemas['Call'];
export type CallInput = Schemas['CallInput'];
export type CallPatch = Schemas['CallPatch'];
export type CallState = Call['state'];
export type Activity = Schemas['Activity'];
export type ActivitySummary = Schemas['ActivitySummary'];
export type ActivityInput = Schemas['ActivityInput'];
export type ActivityPatch = Schemas['ActivityPatch'];
export type ActivityKind = Schemas['ActivityKind'];
export type ActivityStatus = Schemas['ActivityStatus'];
export type FollowUp = Activity['follow_ups'][number];
export type ActivityParticipant = Activity['participants'][number];
export type CalendarToken = Schemas['CalendarToken'];
export type LearningProfile = Schemas['LearningProfile'];
export type LearningTheme = Schemas['LearningTheme'];
export type LearningProfileInput = Schemas['LearningProfileInput'];
export type WantLevel = LearningTheme['wants'];
export type Matches = Schemas['Matches'];
export type Suggestion = Schemas['Suggestion'];
export type MatchReason = Schemas['MatchReason'];
export type LearningMap = Schemas['LearningMap'];
export type PracticeSummary = Schemas['PracticeSummary'];
export type PublicPracticeSummary = Schemas['PublicPracticeSummary'];
export type PublicPractice = Schemas['PublicPractice'];
export type PublicProgramme = Schemas['PublicProgramme'];
export type PublicLabel = Schemas['PublicLabel'];
export type Recognition = Schemas['Recognition'];
export type PracticeInput = Schemas['PracticeInput'];
export type PracticePatch = Schemas['PracticePatch'];
export type PracticeStatus = Schemas['PracticeStatus'];
export type PracticeAction = Schemas['PracticeAction'];
export type PracticeSubmitField = Schemas['PracticeSubmitField'];
export type EvidenceLevel = Schemas['EvidenceLevel'];
export type ProductKind = Schemas['ProductKind'];
export type Product = Schemas['Product'];
export type ProductInput = Schemas['ProductInput'];
export type Decision = Schemas['Decision'];
export type Translation = Schemas['Translation'];
export type TranslationInput = Schemas['TranslationInput'];
export type RevisionSummary = Schemas['RevisionSummary'];
export type Revision = Schemas['Revision'];
export type Change = Schemas['Change'];
export type Comment = Schemas['Comment'];
export type Attachment = Schemas['Attachment'];
export type AttachmentRole = Schemas['AttachmentRole'];
export type CommentInput = Schemas['CommentInput'];

/** A page of a list endpoint: `{items, page, page_size, total}`. */
export type Page<T> = PageMeta & { items: T[] };

/** An object read together with the `ETag` to send back in `If-Match`. */
export interface Versioned<T> {
  data: T;
  etag: string;
}
