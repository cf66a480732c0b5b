import type { FixtureServer } from './fixture-server';

/** Where each fixture page is served (see tests/fixtures/pages/README.md). */
export const PAGES = {
  usenixSarathi: 'https://www.usenix.org/conference/osdi24/presentation/agrawal',
  usenixServerlessLlm: 'https://www.usenix.org/conference/osdi24/presentation/fu',
  usenixQuokka: 'https://www.usenix.org/conference/nsdi23/presentation/quokka',
  usenixOld: 'https://www.usenix.org/conference/osdi14/technical-sessions/presentation/chilimbi',
  usenixWorkshop: 'https://www.usenix.org/conference/hotcloud16/workshop-program/presentation/burns',
  usenixNoMeta: 'https://www.usenix.org/conference/atc23/presentation/zhai',
  usenixTalk: 'https://www.usenix.org/conference/enigma2024/presentation/riley',
  arxivAbs: 'https://arxiv.org/abs/2403.02310v2',
  arxivHtml: 'https://arxiv.org/html/2403.02310v2',
  arxivPdf: 'https://arxiv.org/pdf/2403.02310v2',
  arxivFormat: 'https://arxiv.org/format/2403.02310v2',
  arxivListing: 'https://arxiv.org/list/cs.DC/recent',
  arxivNotFound: 'https://arxiv.org/abs/2412.99999',
  hostile: 'https://arxiv.org/abs/2401.00001',
  example: 'https://example.com/',
} as const;

export function serveFixtures(server: FixtureServer): void {
  server
    .route(PAGES.usenixSarathi, { file: 'usenix-osdi24-agrawal.html' })
    .route(PAGES.usenixServerlessLlm, { file: 'usenix-osdi24-fu.html' })
    .route(PAGES.usenixQuokka, { file: 'usenix-nsdi23-fixture-paper.html' })
    .route(PAGES.usenixOld, { file: 'usenix-osdi14-chilimbi.html' })
    .route(PAGES.usenixWorkshop, { file: 'usenix-hotcloud16-burns.html' })
    .route(PAGES.usenixNoMeta, { file: 'usenix-no-meta.html' })
    .route(PAGES.usenixTalk, { file: 'usenix-talk-enigma.html' })
    .route(PAGES.arxivAbs, { file: 'arxiv-abs-2403.02310v2.html' })
    .route(PAGES.arxivHtml, { file: 'arxiv-html-2403.02310v2.html' })
    .route(PAGES.arxivPdf, { file: 'arxiv-2403.02310v2.pdf' })
    .route(PAGES.arxivFormat, { file: 'arxiv-format-2403.02310v2.html' })
    .route(PAGES.arxivListing, { file: 'arxiv-listing.html' })
    .route(PAGES.arxivNotFound, { file: 'arxiv-abs-not-found.html' })
    .route(PAGES.hostile, { file: 'hostile.html' })
    .route(PAGES.example, { file: 'example-com.html' });
}
