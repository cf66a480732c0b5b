import { highlight } from './highlight';

/** How many authors a hit lists before the rest, which are listed only where the query marks them. */
const AUTHORS_SHOWN = 3;

const marks = (text: string, tokens: string[]) => highlight(text, tokens).some((segment) => segment.hit);

/**
 * The authors a hit lists: the first three, then those after them that the query marks, with
 * "…" where authors are left out ("A, B, C … F …").
 */
function authorsShown(authors: string[], tokens: string[]): string {
  const shown = authors.flatMap((author, i) => (i < AUTHORS_SHOWN || marks(author, tokens) ? [i] : []));
  let text = '';
  shown.forEach((i, k) => {
    if (k) text += i === shown[k - 1]! + 1 ? ', ' : ' … ';
    text += authors[i];
  });
  return shown.length && shown.at(-1)! < authors.length - 1 && shown.length > AUTHORS_SHOWN ? `${text} …` : text;
}

/**
 * A hit's details line: venue, topic, its first authors, tags; and what else the query found there
 * (a later author, the affiliations), so that a paper found by them shows why.
 */
export function hitDetails(paper: { venue: string; topic: string; authors: string[]; affiliations: string; tags: string[] }, tokens: string[]): string {
  return [
    paper.venue,
    paper.topic,
    authorsShown(paper.authors, tokens),
    marks(paper.affiliations, tokens) ? paper.affiliations : '',
    paper.tags.map((tag) => `#${tag}`).join(' '),
  ]
    .filter(Boolean)
    .join(' · ');
}
