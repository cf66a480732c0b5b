import { describe, expect, it } from 'vitest';
import type { VenueRecord } from '@/lib/db/records';
import { defaultVenue } from '@/lib/library/types';
import { venueInfo } from '@/lib/notes/venue-info';

const venue = (fields: Partial<VenueRecord>): VenueRecord => ({ ...defaultVenue('OSDI 2024'), ...fields });

describe('venueInfo', () => {
  it('gives the acceptance rate, homepage, paper list and references of a venue page', () => {
    expect(
      venueInfo(
        venue({
          homepage: 'https://www.usenix.org/conference/osdi24',
          paperList: ' https://www.usenix.org/conference/osdi24/technical-sessions ',
          acceptanceRate: '19.2% (= 53 / 276)\n',
          references: '* Notes from SJTU IPADS\n',
        }),
      ),
    ).toEqual({
      label: 'OSDI 2024',
      links: [
        { label: 'Homepage', url: 'https://www.usenix.org/conference/osdi24' },
        { label: 'Paper list', url: 'https://www.usenix.org/conference/osdi24/technical-sessions' },
      ],
      acceptanceRate: '19.2% (= 53 / 276)',
      references: '* Notes from SJTU IPADS',
    });
  });

  it('leaves out addresses that are not web pages', () => {
    const info = venueInfo(venue({ homepage: 'javascript:alert(1)', paperList: 'data:text/html,<b>x</b>', acceptanceRate: '20%' }));
    expect(info).toEqual({ label: 'OSDI 2024', links: [], acceptanceRate: '20%' });
  });

  it('is null for no venue, or a venue whose page said nothing about it', () => {
    expect(venueInfo(undefined)).toBeNull();
    expect(venueInfo(venue({ homepage: ' ', paperList: 'ftp://x', references: '\n' }))).toBeNull();
  });
});
