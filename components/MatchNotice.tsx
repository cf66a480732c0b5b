import { Notice } from './Notice';

export interface MatchNoticeProps {
  /** The title of the note the page was matched to. */
  noteTitle: string;
  onConfirm: () => void;
  onReject: () => void;
}

/** A note found by a close title only: the user says whether it is this paper. */
export function MatchNotice({ noteTitle, onConfirm, onReject }: MatchNoticeProps) {
  return (
    <Notice
      kind="warn"
      testId="match-notice"
      actions={
        <>
          <button type="button" class="button primary" onClick={onConfirm} data-testid="match-confirm">
            Confirm
          </button>
          <button type="button" class="button" onClick={onReject} data-testid="match-reject">
            Not this paper
          </button>
        </>
      }
    >
      <strong>Matched by title.</strong> This page’s title is close to your note “{noteTitle}”. Is it the same paper?
    </Notice>
  );
}
