import type { Resolution } from '@/lib/import/apply';
import type { ImportPlan } from '@/lib/import/plan';

export interface ImportPreviewProps {
  plan: ImportPlan;
  /** By plan item index; conflicts not listed keep the user's note. */
  resolutions: Map<number, Resolution>;
  onResolve: (index: number, resolution: Resolution) => void;
  /** Whether the user agreed to import without the files that have errors. */
  skipInvalid: boolean;
  onSkipInvalid: (skip: boolean) => void;
  onApply: () => void;
  onCancel: () => void;
  busy: boolean;
}

const where = (p: { file: string; line: number }) => `${p.file}${p.line ? `:${p.line}` : ''}`;

/** What an import would do, before anything is written: counts, conflicts to decide, errors by file and line. */
export function ImportPreview({ plan, resolutions, onResolve, skipInvalid, onSkipInvalid, onApply, onCancel, busy }: ImportPreviewProps) {
  const conflicts = plan.items.map((item, index) => ({ item, index })).filter(({ item }) => item.action === 'conflict');
  const blocked = plan.errors.length > 0 && !skipInvalid;
  return (
    <section data-testid="import-preview">
      <h2>Import preview</h2>
      <ul class="counts" data-testid="import-counts">
        <li>
          <strong>{plan.counts.new}</strong> new
        </li>
        <li>
          <strong>{plan.counts.update}</strong> updated (notes you never edited)
        </li>
        <li>
          <strong>{plan.counts.conflict}</strong> conflicting with notes you edited
        </li>
        <li>
          <strong>{plan.counts.same}</strong> already the same
        </li>
        {plan.removals.length > 0 && (
          <li data-testid="import-removals">
            <strong>{plan.removals.length}</strong> deleted: catalog notes deleted in the backup, which you never edited here
          </li>
        )}
      </ul>
      {plan.removals.length > 0 && (
        <details>
          <summary>Notes the import deletes (kept in its snapshot, restorable below)</summary>
          <ul class="small">
            {plan.removals.map((r) => (
              <li key={r.id}>
                {r.title} <span class="muted">{r.venue}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {plan.errors.length > 0 && (
        <div class="notice error" role="alert" data-testid="import-errors">
          <p>
            <strong>{plan.errors.length}</strong> {plan.errors.length === 1 ? 'file' : 'files'} could not be read; nothing of them
            will be imported:
          </p>
          <ul>
            {plan.errors.map((e, i) => (
              <li key={i}>
                <code>{where(e)}</code> {e.message}
              </li>
            ))}
          </ul>
          <label>
            <input type="checkbox" checked={skipInvalid} onChange={(e) => onSkipInvalid(e.currentTarget.checked)} data-testid="skip-invalid" /> Import
            the rest without them
          </label>
        </div>
      )}
      {conflicts.length > 0 && (
        <div data-testid="import-conflicts">
          <h3>Notes you edited</h3>
          <p class="small muted">Nothing you wrote is overwritten unless you choose so here.</p>
          <ul class="results">
            {conflicts.map(({ item, index }) => (
              <li key={index}>
                <div>{item.incoming.title}</div>
                <div class="meta">{item.incoming.venue}</div>
                <select
                  value={resolutions.get(index) ?? 'keep'}
                  onChange={(e) => onResolve(index, e.currentTarget.value as Resolution)}
                  aria-label={`What to do with ${item.incoming.title}`}
                >
                  <option value="keep">Keep mine</option>
                  <option value="merge">Keep both notes</option>
                  <option value="replace">Replace with the imported one</option>
                </select>
              </li>
            ))}
          </ul>
        </div>
      )}
      {plan.warnings.length > 0 && (
        <details>
          <summary>{plan.warnings.length} lines skipped</summary>
          <ul class="small">
            {plan.warnings.slice(0, 500).map((w, i) => (
              <li key={i}>
                <code>{where(w)}</code> {w.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      <div class="toolbar">
        <button type="button" class="button primary" disabled={busy || blocked} onClick={onApply} data-testid="import-apply">
          {busy ? 'Importing…' : 'Import'}
        </button>
        <button type="button" class="button" onClick={onCancel} disabled={busy} data-testid="import-cancel">
          Cancel
        </button>
      </div>
    </section>
  );
}
