import { describe, expect, it } from 'vitest';
import { HOSTS, PAPER_PAGES } from '@/lib/sources/match-patterns';
import { ARXIV_HITS, USENIX_HITS } from './url-cases';

const escape = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** Whether a manifest match pattern matches a URL, as Chrome reads one (`*` in the path matches anything, query included). */
function matches(pattern: string, url: string): boolean {
  const [, scheme, host, path] = /^(\*|https?):\/\/(\*|\*\.[^/*]+|[^/*]+)(\/.*)$/.exec(pattern)!;
  const u = new URL(url);
  if (scheme === '*' ? !/^https?:$/.test(u.protocol) : u.protocol !== `${scheme}:`) return false;
  if (host!.startsWith('*.')) {
    const base = host!.slice(2);
    if (u.hostname !== base && !u.hostname.endsWith(`.${base}`)) return false;
  } else if (host !== '*' && u.hostname !== host) return false;
  return new RegExp(`^${path!.split('*').map(escape).join('.*')}$`).test(u.pathname + u.search);
}

const runsOn = (url: string) => PAPER_PAGES.some((pattern) => matches(pattern, url));

describe('where the content script runs', () => {
  it('runs on every page detection reads a paper from (PDFs are known by URL)', () => {
    const pages = [...ARXIV_HITS, ...USENIX_HITS].filter(([, , kind]) => kind !== 'pdf').map(([url]) => url);
    expect(pages.length).toBeGreaterThan(20);
    expect(pages.filter((url) => !runsOn(url))).toEqual([]);
  });

  it('does not run on the other pages of arXiv and USENIX', () => {
    const others = [
      'https://arxiv.org/',
      'https://arxiv.org/list/cs.DC/recent',
      'https://arxiv.org/list/cs.DC/2403',
      'https://arxiv.org/search/?query=llm+serving&searchtype=all',
      'https://arxiv.org/a/agrawal_a_1',
      'https://arxiv.org/help/api',
      'https://info.arxiv.org/help/submit.html',
      'https://www.usenix.org/',
      'https://www.usenix.org/conference/osdi24',
      'https://www.usenix.org/conference/osdi24/technical-sessions',
      'https://www.usenix.org/conference/osdi24/program',
      'https://www.usenix.org/publications/login',
      'https://example.com/conference/osdi24/presentation/agrawal',
      'https://arxiv.org.evil.example/abs/2403.02310',
    ];
    expect(others.filter(runsOn)).toEqual([]);
  });

  it('runs only within the hosts the extension may read', () => {
    const within = (pattern: string) => HOSTS.some((host) => pattern.startsWith(host.slice(0, -1)));
    expect(PAPER_PAGES.filter((pattern) => !within(pattern))).toEqual([]);
  });
});
