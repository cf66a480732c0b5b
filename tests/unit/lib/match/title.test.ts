import { describe, expect, it } from 'vitest';
import { closeTitleKeys, isFuzzyTitleMatch, normaliseTitle, truncatedPrefix } from '@/lib/match/title';

describe('normaliseTitle', () => {
  it.each([
    ['Taming Throughput-Latency Tradeoff in LLM Inference with Sarathi-Serve', 'taming throughput latency tradeoff in llm inference with sarathi serve'],
    ['Taming throughput‐latency tradeoff — in LLM inference', 'taming throughput latency tradeoff in llm inference'],
    ['“Quoted” ‘titles’ and don’t', 'quoted titles and dont'],
    ['Café Déjà Vu: Naïve Über', 'cafe deja vu naive uber'],
    ['  Lots\tof   space\n', 'lots of space'],
    ['ACCL+: an FPGA-Based Collective Engine', 'accl an fpga based collective engine'],
    ['Shepherd: Serving DNNs in the wild.', 'shepherd serving dnns in the wild'],
    ['HiveD - Sharing a GPU Cluster for Deep Learning With Guarantees', 'hived sharing a gpu cluster for deep learning with guarantees'],
  ])('%s', (title, key) => {
    expect(normaliseTitle(title)).toBe(key);
  });
});

describe('truncatedPrefix', () => {
  it('keeps the start of a title listed with "..." or "…"', () => {
    expect(truncatedPrefix('SmartMoE: Efficiently Training Sparsely-Activated Models ...')).toBe('smartmoe efficiently training sparsely activated models');
    expect(truncatedPrefix('DVABatch: Diversity-aware Multi-Entry Multi-Exit Batching for Efficient Processing of DNN Service...')).toBe(
      'dvabatch diversity aware multi entry multi exit batching for efficient processing of dnn service',
    );
    expect(truncatedPrefix('Some longer title words…')).toBe('some longer title words');
  });

  it('ignores titles that are not truncated, and prefixes too short to mean anything', () => {
    expect(truncatedPrefix('Orca: A distributed serving system for transformer-based generative models')).toBeNull();
    expect(truncatedPrefix('A ...')).toBeNull();
    expect(truncatedPrefix('Deep learning ...')).toBeNull();
  });
});

/** The table that sets FUZZY_THRESHOLD: every row must hold. */
const SAME_PAPER: [string, string][] = [
  ['Towards Efficient Serving of LLMs', 'Toward Efficient Serving of LLMs'],
  ['Skyplane: Optimizing Transfer Cost and Throughput Using Cloud-Aware Overlays', 'Skyplane: Optimizing transfer cost and throughput using cloud aware overlay'],
  ['Pollux: Co-adaptive Cluster Scheduling for Goodput-Optimized Deep Learning', 'Pollux: Coadaptive Cluster Scheduling for Goodput-Optimized Deep Learning'],
  ['Microsecond-scale Preemption for Concurrent GPU-accelerated DNN Inferences', 'Microsecond-scale Preemption for Concurrent GPU-accelerated DNN Inference'],
  ['Who Limits the Resource Efficiency of My Datacenter', 'Who Limits the Resource Effciency of My Datacenter'],
];
const DIFFERENT_PAPERS: [string, string][] = [
  ['Fairness in Serving Large Language Models', 'Fairness in Serving Large Language Models at Scale'],
  ['Orca: A Distributed Serving System for Transformer-Based Generative Models', 'Orca: A Distributed Serving System'],
  ['Serving DNNs in the Wild', 'DNNs Serving in the Wild'],
  ['Efficient Memory Management for Large Language Model Serving', 'Efficient Memory Management for Large Language Model Training'],
  ['Ray: A Distributed Framework for Emerging AI Applications', 'Ray: A Distributed Framework for Emerging ML Applications at Scale'],
  ['Clipper: A Low-Latency Online Prediction Serving System', 'Clipper: A Low-Latency Offline Prediction Serving System'],
  ['Gemini: Enabling Multi-Tenant GPU Sharing Based on Kernel Burst Estimation', 'Gemini: Fast Failure Recovery in Distributed Training'],
];

describe('isFuzzyTitleMatch', () => {
  it.each(SAME_PAPER)('proposes %j for %j', (a, b) => {
    expect(isFuzzyTitleMatch(normaliseTitle(a), normaliseTitle(b))).toBe(true);
  });
  it.each(DIFFERENT_PAPERS)('does not confuse %j with %j', (a, b) => {
    expect(isFuzzyTitleMatch(normaliseTitle(a), normaliseTitle(b))).toBe(false);
  });
  it('leaves equal titles to the exact match', () => {
    expect(isFuzzyTitleMatch('same title', 'same title')).toBe(false);
  });
});

describe('closeTitleKeys', () => {
  const shareKey = (a: string, b: string) => {
    const keys = new Set(closeTitleKeys(normaliseTitle(a)));
    return closeTitleKeys(normaliseTitle(b)).some((k) => keys.has(k));
  };
  it.each(SAME_PAPER)('gives %j and %j a key in common', (a, b) => {
    expect(shareKey(a, b)).toBe(true);
  });
  it('meets titles that differ by a late slip in every word, or by an early slip in one word', () => {
    expect(shareKey('Scheduling Preemptible Inference Requests', 'Schedulng Preemptable Inferenc Request')).toBe(true);
    expect(shareKey('Efficient Memory Management for Serving', 'Efficient Memory Mnagement for Serving')).toBe(true);
    // Close words share their initial: a title with another initial is another title.
    expect(shareKey('Efficient Memory Management for Serving', 'Efficient Memory Xanagement for Serving')).toBe(false);
  });
  it('keeps titles of other lengths, and short titles differing in a word, apart', () => {
    expect(shareKey('Serving DNNs in the Wild', 'Serving DNNs in the Wild Today')).toBe(false);
    expect(shareKey('Paged Attention', 'Flash Attention')).toBe(false);
    expect(shareKey('Paged Attention', 'Pages Attention')).toBe(true);
  });
  it('has no key for an empty title', () => {
    expect(closeTitleKeys('')).toEqual([]);
  });
});
