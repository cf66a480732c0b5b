import { describe, expect, it } from 'vitest';
import { matchPage } from '@/lib/db/matching';
import { withPlainTitle } from '@/lib/sources/arxiv';
import { texToText } from '@/lib/sources/tex';
import { addPaper, arxivPage, freshDb } from '../../db-helpers';

describe('texToText', () => {
  it.each([
    // Math: delimiters, sub- and superscripts, braces around one token.
    ['H$_2$O: Heavy-Hitter Oracle for Efficient Generative Inference of Large Language Models', 'H2O: Heavy-Hitter Oracle for Efficient Generative Inference of Large Language Models'],
    ['S$^{3}$: Increasing GPU Utilization during Generative Inference for Higher Throughput', 'S3: Increasing GPU Utilization during Generative Inference for Higher Throughput'],
    ['$\\infty$-former: Infinite Memory Transformer', '∞-former: Infinite Memory Transformer'],
    ['$\\pi_0$: A Vision-Language-Action Flow Model for General Robot Control', 'π0: A Vision-Language-Action Flow Model for General Robot Control'],
    ['$k$-means++: The Advantages of Careful Seeding', 'k-means++: The Advantages of Careful Seeding'],
    ['$\\mu$P: Tensor Programs V', 'μP: Tensor Programs V'],
    ['Attention in $\\mathcal{O}(n \\log n)$ Time and $2\\times$ Less Memory', 'Attention in O(n log n) Time and 2× Less Memory'],
    ['$\\texttt{MoE-Lightning}$: High-Throughput MoE Inference on Memory-constrained GPUs', 'MoE-Lightning: High-Throughput MoE Inference on Memory-constrained GPUs'],
    ['Learning over $\\mathbb{R}^n$ with $\\alpha$-Divergences', 'Learning over ℝn with α-Divergences'],
    // Accents, in each way they are written.
    ['Gr\\"obner Bases for Distributed Query Planning', 'Gröbner Bases for Distributed Query Planning'],
    ['Gr{\\"o}bner and Schr\\"{o}dinger', 'Gröbner and Schrödinger'],
    ["Caf\\'e Scheduling with Na\\\"ive Bayes, \\`a la carte", 'Café Scheduling with Naïve Bayes, à la carte'],
    ['Fa\\c{c}ade Patterns in \\v{S}koda and Erd\\H{o}s Graphs', 'Façade Patterns in Škoda and Erdős Graphs'],
    ['Ho\\^{o}tel, Espa\\~na and \\c c', 'Hoôtel, España and ç'],
    ["Na\\\"{\\i}ve Consensus and \\L{}ukasiewicz Logic", 'Naïve Consensus and Łukasiewicz Logic'],
    // Text styles, groups, dashes, quotes and escaped characters.
    ['\\emph{Orca}: A Distributed Serving System for \\textbf{Transformer}-Based Generative Models', 'Orca: A Distributed Serving System for Transformer-Based Generative Models'],
    ['{BERT}: Pre-training of Deep Bidirectional Transformers for Language Understanding', 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding'],
    ['\\textit{\\textbf{Nested}} and {\\em old-style} emphasis', 'Nested and old-style emphasis'],
    ['Scaling Laws -- and Where They Break --- a Study', 'Scaling Laws – and Where They Break — a Study'],
    ["``Why Should I Trust You?'': Explaining the Predictions of Any Classifier", '“Why Should I Trust You?”: Explaining the Predictions of Any Classifier'],
    ['Cheap \\& Fast: 50\\% Fewer Tokens, \\$1 per \\{Query\\} with \\LaTeX{}', 'Cheap & Fast: 50% Fewer Tokens, $1 per {Query} with LaTeX'],
    // A line break between two words, as some submitted titles keep it.
    ['Long-Context Inference \\\\ at the Edge and \\newline Beyond', 'Long-Context Inference at the Edge and Beyond'],
    ['Two Lines\\\\Joined, \\\\$k$-means \\\\\\& More', 'Two Lines Joined, k-means & More'],
  ])('%s', (tex, plain) => {
    expect(texToText(tex)).toBe(plain);
  });

  it.each([
    ['an unknown macro and its argument', 'Convergence of SGD at $O(1/\\sqrt{T})$ Rates', 'Convergence of SGD at O(1/\\sqrt{T}) Rates'],
    ['an unknown macro with two arguments', 'A $\\frac{1}{2}$-Approximation for \\foo Matching', 'A \\frac{1}{2}-Approximation for \\foo Matching'],
    ['a lone dollar', 'Training a Model for $100', 'Training a Model for $100'],
    ['a title without TeX', 'Taming Throughput-Latency Tradeoff in LLM Inference with Sarathi-Serve', 'Taming Throughput-Latency Tradeoff in LLM Inference with Sarathi-Serve'],
    ['a plain title in Unicode', 'Gröbner Bases – π0 and ∞-former', 'Gröbner Bases – π0 and ∞-former'],
    ['a control word that only starts like a known one', '\\inftyx and \\lambdas and \\cdotted', '\\inftyx and \\lambdas and \\cdotted'],
  ])('leaves %s as written', (_, tex, plain) => {
    expect(texToText(tex)).toBe(plain);
  });
});

describe('an arXiv paper reported with a TeX title', () => {
  it('gets its title as plain text; other sources are left as they are', () => {
    expect(withPlainTitle(arxivPage('H$_2$O: Heavy-Hitter Oracle')).title).toBe('H2O: Heavy-Hitter Oracle');
    const usenix = { key: 'usenix:osdi24/x', source: 'usenix' as const, kind: 'presentation' as const, url: 'https://www.usenix.org/conference/osdi24/presentation/x', title: 'A {Braced} $Title$' };
    expect(withPlainTitle(usenix)).toBe(usenix);
  });

  it.each([
    ['H$_2$O: Heavy-Hitter Oracle for Efficient Generative Inference of Large Language Models', 'H2O: Heavy-Hitter Oracle for Efficient Generative Inference of Large Language Models'],
    ['$\\infty$-former: Infinite Memory Transformer', '∞-former: Infinite Memory Transformer'],
    ['Gr\\"obner Bases for Distributed Query Planning', 'Gröbner Bases for Distributed Query Planning'],
    ['Na\\"{\\i}ve Bayes at Scale', 'Naive Bayes at Scale'],
    ['\\emph{Orca}: A Distributed Serving System for \\textbf{Transformer}-Based Generative Models', 'Orca: A Distributed Serving System for Transformer-Based Generative Models'],
  ])('finds the note titled the plain way: %s', async (tex, plain) => {
    const db = freshDb();
    const note = await addPaper(db, { title: plain });
    expect((await matchPage(db, arxivPage(tex)))?.by).not.toBe('title');
    const match = await matchPage(db, withPlainTitle(arxivPage(tex)));
    expect(match).toMatchObject({ by: 'title', record: { id: note.id } });
  });
});
