import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const NAME = 'seeds/000_e430beb58c5fbd7d.txt';
const CANDIDATES = [
  process.env.PAPER_NOTES_SEED,
  resolve(import.meta.dirname, '..', '..', '..', 'shared', NAME),
  `/work/shared/${NAME}`,
].filter((p): p is string => !!p);

/** The text capture of the reading-notes site that the catalog transcribes (../shared/seeds). */
export function readSeed(): string {
  const path = CANDIDATES.find((p) => existsSync(p));
  if (!path) throw new Error(`The seed capture is needed to check the catalog; looked in ${CANDIDATES.join(', ')} (set PAPER_NOTES_SEED).`);
  return readFileSync(path, 'utf8');
}

export interface SeedNode {
  title: string;
  children: SeedNode[];
}

/** The navigation tree of the capture ("  • Title", two spaces a level). */
export function seedNavigation(seed: string): SeedNode[] {
  const text = seed.slice(seed.indexOf('  • Introduction'), seed.indexOf('Powered by GitBook'));
  const roots: SeedNode[] = [];
  const stack: { depth: number; node: SeedNode }[] = [];
  for (const line of text.split('\n')) {
    const match = /^( *)• (.*)$/.exec(line);
    if (!match) continue;
    const node = { title: match[2]!.trim(), children: [] };
    while (stack.length && stack.at(-1)!.depth >= match[1]!.length) stack.pop();
    (stack.length ? stack.at(-1)!.node.children : roots).push(node);
    stack.push({ depth: match[1]!.length, node });
  }
  return roots;
}

/** One topic of the OSDI 2024 page as the capture shows it. */
export interface SeedTopic {
  topic: string;
  /** Titles shown in place (the capture moved link titles to the bottom of the page). */
  titles: string[];
  /** Every bullet under the topic's papers, in order: depth 0 is a paper's first level. */
  bullets: { depth: number; text: string }[];
}

/** The OSDI 2024 page's topics, and the titles the capture moved to the bottom, in order. */
export function seedOsdi2024(seed: string): { topics: SeedTopic[]; movedTitles: string[] } {
  const start = seed.indexOf('Large Language Models (LLMs)\n\n  •');
  const body = seed.slice(start, seed.indexOf('References\n\n  • Notes'));
  const topics: SeedTopic[] = [];
  for (const line of body.split('\n')) {
    const bullet = /^( *)• (.*)$/.exec(line);
    if (!bullet) {
      if (line.trim()) topics.push({ topic: line.trim(), titles: [], bullets: [] });
      continue;
    }
    const depth = (bullet[1]!.length - 2) / 2;
    const text = bullet[2]!.trim();
    if (depth === 0) topics.at(-1)!.titles.push(text.replace(/( \[\])+$/, ''));
    else topics.at(-1)!.bullets.push({ depth: depth - 1, text });
  }
  const tail = seed.slice(seed.indexOf('\nOptimizing Resource Allocation'), seed.indexOf('\nhttps://www.usenix.org/conference/osdi24'));
  const movedTitles = tail
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => l.replace(/( \[\])+$/, ''));
  return { topics, movedTitles };
}
