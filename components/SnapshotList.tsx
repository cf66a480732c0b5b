import type { SnapshotSummary } from '@/lib/db/snapshots';

export interface SnapshotListProps {
  snapshots: SnapshotSummary[];
  /** Restores one snapshot; the caller asks for confirmation first. */
  onRestore: (id: number) => void;
  busy: boolean;
}

/** The last catalog syncs, imports and deletions, each restorable to how the notes were before it. */
export function SnapshotList({ snapshots, onRestore, busy }: SnapshotListProps) {
  if (!snapshots.length) return <p class="small muted">No snapshot yet: one is taken before each catalog sync, import and deletion.</p>;
  return (
    <ul class="results" data-testid="snapshots">
      {snapshots.map((s) => (
        <li key={s.id}>
          <div>
            <strong>{s.reason}</strong> <span class="muted small">{new Date(s.createdAt).toLocaleString()}</span>
          </div>
          <div class="meta">
            {s.changed} notes changed, {s.added} added
          </div>
          <button type="button" class="button" disabled={busy} onClick={() => onRestore(s.id)} data-testid="restore-snapshot">
            Restore notes as they were before
          </button>
        </li>
      ))}
    </ul>
  );
}
