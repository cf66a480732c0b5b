import { highlight } from '@/lib/search/highlight';

export interface HighlightProps {
  text: string;
  /** Query words; every word of `text` that one of them starts is marked. */
  tokens: string[];
}

/** Text with search hits in `<mark>`, built as elements (never as HTML). */
export function Highlight({ text, tokens }: HighlightProps) {
  return (
    <>
      {highlight(text, tokens).map((segment, i) => (segment.hit ? <mark key={i}>{segment.text}</mark> : segment.text))}
    </>
  );
}
