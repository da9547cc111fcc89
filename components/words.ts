import type { BadgeTone } from './ui/badge';

/**
 * The one word (and badge tone) for each state a record can be in, on every page: a membership
 * is Invited until it is accepted, then Active, never "Member" on one page and "Active" on the
 * next. Codes appear only in detail views.
 */
export const stateWords = {
  membership: { active: ['Active', 'green'], invited: ['Invited', 'amber'] },
  user: { active: ['Active', 'green'], disabled: ['Disabled', 'red'] },
  organization: { active: ['Active', 'green'], archive: ['Archived', 'neutral'] },
  location: {
    active: ['Active', 'green'],
    inactive: ['Inactive', 'amber'],
    archive: ['Archived', 'neutral'],
  },
  report: {
    pending: ['Queued', 'blue'],
    rendering: ['Rendering', 'blue'],
    ready: ['Ready', 'green'],
    failed: ['Failed', 'red'],
    void: ['Void', 'neutral'],
  },
  tfa: {
    active: ['Active', 'green'],
    pending: ['Not confirmed', 'amber'],
    disabled: ['Disabled', 'neutral'],
  },
} satisfies Record<string, Record<string, readonly [string, BadgeTone]>>;

export type StateKind = keyof typeof stateWords;
export type StateOf<K extends StateKind> = keyof (typeof stateWords)[K] & string;

export function stateWord<K extends StateKind>(kind: K, state: StateOf<K>): string {
  return (stateWords[kind] as Record<string, readonly [string, BadgeTone]>)[state]?.[0] ?? state;
}

/** Filter options for a state column, in the same words as its badges. */
export function stateOptions<K extends StateKind>(kind: K): { value: StateOf<K>; label: string }[] {
  return Object.entries(stateWords[kind]).map(([value, [label]]) => ({ value: value as StateOf<K>, label }));
}
