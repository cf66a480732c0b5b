import { defineBackground } from 'wxt/utils/define-background';
import { registerBackground } from '@/lib/runtime/background';

// Every listener is registered synchronously inside main, so that an event that wakes the worker
// finds it in place.
export default defineBackground(() => registerBackground());
