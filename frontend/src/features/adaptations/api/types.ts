import type { components } from '@/api/schema';

type Schemas = components['schemas'];

export type Adaptation = Schemas['Adaptation'];
/** An adaptation as a list gives it: its latest follow-up instead of all, without its free text. */
export type AdaptationSummary = Schemas['AdaptationSummary'];
export type AdaptationInput = Schemas['AdaptationInput'];
export type AdaptationPatch = Schemas['AdaptationPatch'];
export type Frame = Schemas['Frame'];
export type Outcome = Schemas['Outcome'];
export type OutcomeInput = Schemas['OutcomeInput'];
export type NewProduct = Schemas['NewProduct'];
export type NewProductInput = Schemas['NewProductInput'];
export type Lineage = Schemas['Lineage'];
export type LineageAdaptation = Lineage['adaptations'][number];
export type Practice = Schemas['Practice'];
export type PracticeSummary = Schemas['PracticeSummary'];
export type Product = Schemas['Product'];
export type ProductKind = Schemas['ProductKind'];
export type Programme = Schemas['Programme'];
export type Organisation = Schemas['Organisation'];
export type Comment = Schemas['Comment'];
export type CommentInput = Schemas['CommentInput'];

export type Stage = Adaptation['stage'];
export type Fidelity = Frame['fidelity'];
export type NewProductStatus = NewProduct['status'];
