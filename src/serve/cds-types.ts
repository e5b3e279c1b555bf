/**
 * CDS Hooks 2.0 response shapes backplan sends (optional fields omitted, never empty). What it
 * receives, requests and feedback, has schemas: schemas/cds-*.schema.json.
 */
import type { CdsCoding as SchemaCoding } from "../core/generated/types.js";

/**
 * CDS Hooks' own Coding (system and code required), as the feedback schema defines it: the
 * override reasons a card offers are the codings its feedback sends back.
 */
export type CdsCoding = Readonly<SchemaCoding>;

export interface CdsAction {
  /** `update` revises a resource the record holds (same id): the active CarePlan at a follow-up. */
  readonly type: "create" | "update";
  readonly description: string;
  readonly resource: unknown;
}

export interface CdsSuggestion {
  readonly label: string;
  readonly uuid: string;
  readonly isRecommended?: boolean;
  readonly actions: readonly CdsAction[];
}

export interface CdsSource {
  readonly label: string;
  readonly url?: string;
  readonly topic?: CdsCoding;
}

export type CdsIndicator = "info" | "warning" | "critical";

export interface CdsCard {
  readonly uuid: string;
  /** Fewer than 140 characters. */
  readonly summary: string;
  readonly detail?: string;
  readonly indicator: CdsIndicator;
  readonly source: CdsSource;
  readonly suggestions?: readonly CdsSuggestion[];
  readonly selectionBehavior?: "at-most-one" | "any";
  readonly overrideReasons?: readonly CdsCoding[];
}

export interface CdsResponse {
  readonly cards: readonly CdsCard[];
}
