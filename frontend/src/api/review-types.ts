import type { components, operations } from './schema';

/** Types of the peer-review part of the API (tag "review"), generated from api/openapi.yaml. */
type Schemas = components['schemas'];

export type Level = Schemas['Level'];
export type Criterion = Schemas['Criterion'];
export type CriterionTier = Criterion['tier'];
export type Rubric = Schemas['Rubric'];
export type RubricInput = Schemas['RubricInput'];
export type RubricPatch = Schemas['RubricPatch'];
export type Round = Schemas['Round'];
export type RoundStatus = Round['status'];
export type RoundInput = Schemas['RoundInput'];
export type RoundPatch = Schemas['RoundPatch'];
export type Assignment = Schemas['Assignment'];
export type AssignmentStatus = Assignment['status'];
export type AutoAssignResult = Schemas['AutoAssignResult'];
export type AutoAssignProposal = AutoAssignResult['assignments'][number];
export type Unstaffed = AutoAssignResult['unstaffed'][number];
export type BidLevel = Schemas['BidLevel'];
export type BiddingPractice = Schemas['BiddingPractice'];
export type BiddingRound = Schemas['BiddingRound'];
export type BidCounts = Schemas['BidCounts'];
export const BID_LEVELS: readonly BidLevel[] = ['eager', 'willing', 'neutral', 'reluctant', 'conflict'];
export type Score = Schemas['Score'];
export type ReviewInput = Schemas['ReviewInput'];
export type Review = Schemas['Review'];
export type ReviewResponse = Schemas['ReviewResponse'];
export type PracticeReviews = Schemas['PracticeReviews'];
export type PracticeDecision = PracticeReviews['decisions'][number];
export type RoundResults = Schemas['RoundResults'];
export type PracticeResult = RoundResults['practices'][number];
export type ScoreSummary = Schemas['Summary'];
export type DiscussionPost = Schemas['DiscussionPost'];
export type ReminderResult = Schemas['ReminderResult'];
export type ReminderRecipient = Schemas['ReminderRecipient'];
export type Notification = Schemas['Notification'];
export type NotificationKind = Notification['kind'];
export type NotificationPreferences = Schemas['NotificationPreferences'];
export type EmailPreference = NotificationPreferences['email'];
export type NotificationsPage = operations['myNotifications']['responses'][200]['content']['application/json'];
export type DecisionOutcome = operations['decidePractice']['requestBody']['content']['application/json']['outcome'];

export const DECISION_OUTCOMES: readonly DecisionOutcome[] = [
  'good_practice',
  'promising_practice',
  'revision_requested',
  'not_retained',
];

export const TIERS: readonly CriterionTier[] = ['gate', 'core', 'qualifier'];
