import type { VenueInfo as Info } from '@/lib/notes/venue-info';
import { Markdown } from './Markdown';

/** A note's venue as its page describes it: acceptance rate, homepage, paper list, references. */
export function VenueInfo({ info }: { info: Info }) {
  return (
    <section class="venue-info" data-testid="venue-info" aria-label={`About ${info.label}`}>
      <h2>{info.label}</h2>
      {info.acceptanceRate && <p data-testid="venue-acceptance">Acceptance rate: {info.acceptanceRate}</p>}
      {!!info.links.length && (
        <nav class="links" aria-label={`${info.label} links`}>
          {info.links.map((link) => (
            <a key={link.label} href={link.url} target="_blank" rel="noopener noreferrer">
              {link.label}
            </a>
          ))}
        </nav>
      )}
      {info.references && (
        <details>
          <summary>References</summary>
          <Markdown markdown={info.references} testId="venue-references" />
        </details>
      )}
    </section>
  );
}
