import type { DraftRecord } from './records';
import type { PaperNotesDB } from './schema';
import { inTransaction } from './transaction-promise';

export const draftKey = (paperId: string, editorId: string) => `${paperId}|${editorId}`;

/** The newest unsaved draft of a paper, from any editor. */
export async function latestDraft(db: PaperNotesDB, paperId: string): Promise<DraftRecord | null> {
  const drafts = await db.drafts.where('paperId').equals(paperId).toArray();
  return drafts.sort((a, b) => b.updatedAt - a.updatedAt)[0] ?? null;
}

/** Which of these papers have an unsaved draft. */
export const papersWithDrafts = inTransaction(async function papersWithDrafts(db: PaperNotesDB, paperIds: string[]): Promise<Set<string>> {
  if (!paperIds.length) return new Set<string>();
  return new Set((await db.drafts.where('paperId').anyOf(paperIds).toArray()).map((d) => d.paperId));
});

export async function saveDraft(db: PaperNotesDB, editorId: string, draft: Omit<DraftRecord, 'key' | 'updatedAt'>): Promise<void> {
  await db.drafts.put({ ...draft, key: draftKey(draft.paperId, editorId), updatedAt: Date.now() });
}

export async function dropDraft(db: PaperNotesDB, paperId: string, editorId: string): Promise<void> {
  await db.drafts.delete(draftKey(paperId, editorId));
}

/** Takes over another editor's draft (a panel closed with unsaved work): it becomes this editor's. */
export async function adoptDraft(db: PaperNotesDB, draft: DraftRecord, editorId: string): Promise<DraftRecord> {
  const adopted = { ...draft, key: draftKey(draft.paperId, editorId), updatedAt: Date.now() };
  await db.transaction('rw', db.drafts, async () => {
    await db.drafts.delete(draft.key);
    await db.drafts.put(adopted);
  });
  return adopted;
}
