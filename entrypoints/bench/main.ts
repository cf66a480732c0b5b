import { bench } from '../../bench/page/harness';

(globalThis as { bench?: typeof bench }).bench = bench;
document.title = 'bench ready';
