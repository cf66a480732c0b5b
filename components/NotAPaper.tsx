export interface NotAPaperProps {
  /** One line above the library, rather than the whole explanation. */
  compact?: boolean;
}

/** What the panel says when the tab it follows is not a paper page. */
export function NotAPaper({ compact }: NotAPaperProps) {
  if (compact) {
    return (
      <p class="small muted" data-testid="not-a-paper">
        This tab is not a paper page. Your library:
      </p>
    );
  }
  return (
    <section class="empty" data-testid="not-a-paper">
      <h1>Not a paper page</h1>
      <p>
        Open a paper on <strong>arxiv.org</strong> (abstract, HTML or PDF) or a <strong>usenix.org</strong> presentation
        page, and its notes show here.
      </p>
    </section>
  );
}
