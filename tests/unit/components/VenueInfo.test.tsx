// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { VenueInfo } from '@/components/VenueInfo';

afterEach(cleanup);

describe('VenueInfo', () => {
  it('shows the rate and links as text and links, and references as sanitised Markdown', () => {
    render(
      <VenueInfo
        info={{
          label: 'OSDI 2024 <img src=x onerror=alert(1)>',
          links: [{ label: 'Homepage', url: 'https://www.usenix.org/conference/osdi24' }],
          acceptanceRate: '19.2% <b>(= 53 / 276)</b>',
          references: '* [IPADS notes](https://example.com/ipads) <img src=x onerror=alert(1)>',
        }}
      />,
    );
    const section = screen.getByTestId('venue-info');
    expect(section.querySelector('h2')?.textContent).toBe('OSDI 2024 <img src=x onerror=alert(1)>');
    expect(screen.getByTestId('venue-acceptance').textContent).toBe('Acceptance rate: 19.2% <b>(= 53 / 276)</b>');
    const homepage = screen.getByRole('link', { name: 'Homepage' });
    expect(homepage.getAttribute('href')).toBe('https://www.usenix.org/conference/osdi24');
    expect(homepage.getAttribute('rel')).toBe('noopener noreferrer');
    const references = screen.getByTestId('venue-references');
    expect(references.querySelector('a')?.getAttribute('href')).toBe('https://example.com/ipads');
    expect(section.querySelector('img[onerror], b')).toBeNull();
  });

  it('shows only what the venue page gave', () => {
    render(<VenueInfo info={{ label: 'NSDI 2024', links: [] }} />);
    expect(screen.queryByTestId('venue-acceptance')).toBeNull();
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.queryByText('References')).toBeNull();
  });
});
