import type { Match } from '../db/lookup';
import type { NoteState } from './badge';

/** What a lookup says for the badge: a note, a close title to confirm, or none. */
export function noteStateOf(match: Match | null): NoteState {
  return !match ? 'none' : match.by === 'fuzzy' ? 'maybe' : 'note';
}
