import { matchPage } from '../db/matching';
import type { PaperNotesDB } from '../db/schema';
import type { DetectedPaper } from '../paper';
import type { NoteState } from './badge';

/** Whether a detected paper has a note, recording the page's identifiers on an exact match. */
export async function noteStateOf(db: PaperNotesDB, paper: DetectedPaper): Promise<NoteState> {
  const match = await matchPage(db, paper);
  return !match ? 'none' : match.by === 'fuzzy' ? 'maybe' : 'note';
}
