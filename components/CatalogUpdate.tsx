import { fieldChanges, lineDiff } from '@/lib/catalog/diff';
import type { CatalogText } from '@/lib/catalog/types';
import { Notice } from './Notice';

export interface CatalogUpdateProps {
  /** The note as the user has it. */
  mine: CatalogText;
  /** The newer text the catalog ships. */
  theirs: CatalogText;
  onAccept: () => void;
  onDismiss: () => void;
}

/** "Catalog update available": what the new catalog text would change, with Accept and Dismiss. */
export function CatalogUpdate({ mine, theirs, onAccept, onDismiss }: CatalogUpdateProps) {
  const fields = fieldChanges(mine, theirs);
  const lines = lineDiff(mine.note ?? '', theirs.note ?? '');
  return (
    <Notice
      kind="info"
      testId="catalog-update"
      actions={
        <>
          <button type="button" class="button primary" onClick={onAccept} data-testid="catalog-accept">
            Accept
          </button>
          <button type="button" class="button" onClick={onDismiss} data-testid="catalog-dismiss">
            Dismiss
          </button>
        </>
      }
    >
      <strong>Catalog update available.</strong> The reading-notes catalog changed this paper after you edited it. Your
      version is kept; accept to take the catalog’s instead.
      {fields.map((c) => (
        <p key={c.field} class="small">
          <strong>{c.field}</strong>: <del>{c.mine || '(empty)'}</del> → <ins>{c.theirs || '(empty)'}</ins>
        </p>
      ))}
      {lines.some((l) => l.kind !== 'same') && (
        <div class="diff" data-testid="catalog-diff">
          {lines.map((line, i) =>
            line.kind === 'added' ? (
              <ins key={i}>+ {line.text}{'\n'}</ins>
            ) : line.kind === 'removed' ? (
              <del key={i}>- {line.text}{'\n'}</del>
            ) : (
              <span key={i}>  {line.text}{'\n'}</span>
            ),
          )}
        </div>
      )}
    </Notice>
  );
}
