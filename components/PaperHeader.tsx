import type { HeaderModel } from '@/lib/notes/header';

export interface PaperHeaderProps {
  /** What to show: see `headerModel`. */
  model: HeaderModel;
  /** Opens this panel pinned to the tab in a window of its own; absent when already pinned. */
  onPopOut?: () => void;
}

/** Title, venue and year, topic, authors, affiliations, tags, award, identifiers and links of a paper. */
export function PaperHeader({ model, onPopOut }: PaperHeaderProps) {
  return (
    <header class="paper" data-testid="paper-header">
      <div class="paper-kicker">
        {model.venue && <span data-testid="paper-venue">{model.venue}</span>}
        {model.topic && <span data-testid="paper-topic">· {model.topic}</span>}
        {model.isPdf && <span class="chip">PDF</span>}
        {onPopOut && (
          <button type="button" class="link-button" onClick={onPopOut} title="Open this panel in its own window">
            Pop out
          </button>
        )}
      </div>
      <h1 data-testid="paper-title">{model.title}</h1>
      {model.award && (
        <p>
          <span class="chip award" data-testid="paper-award">
            {model.award}
          </span>
        </p>
      )}
      {!!model.authors.length && (
        <p class="authors" data-testid="paper-authors">
          {model.authors.join(', ')}
        </p>
      )}
      {model.affiliations && (
        <p class="authors" data-testid="paper-affiliations">
          {model.affiliations}
        </p>
      )}
      {!!model.tags.length && (
        <p class="toolbar" data-testid="paper-tags">
          {model.tags.map((tag) => (
            <span key={tag} class="chip">
              #{tag}
            </span>
          ))}
        </p>
      )}
      <dl class="identifiers">
        {model.identifiers.map(({ label, value }) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd data-testid={`id-${label}`}>{value}</dd>
          </div>
        ))}
      </dl>
      <nav class="links" aria-label="Paper links">
        {model.links.map((link, i) =>
          link.url ? (
            <a key={i} href={link.url} target="_blank" rel="noopener noreferrer">
              {link.label}
            </a>
          ) : (
            <span key={i} class="unlinked" title="The address of this link is not known">
              {link.label}
            </span>
          ),
        )}
      </nav>
    </header>
  );
}
