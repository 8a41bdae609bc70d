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

/** A page of a list endpoint: `{items, page, page_size, total}`. */
export type Page<T> = PageMeta & { items: T[] };

/** An object read together with the `ETag` to send back in `If-Match`. */
export interface Versioned<T> {
  data: T;
  etag: string;
}
