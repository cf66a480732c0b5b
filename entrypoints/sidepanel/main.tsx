import './open-early';
import { render } from 'preact';
import { App } from './App';
import '@/components/panel.css';
import { requestPersistentStorage } from '@/lib/runtime/persist';
import { PANEL_CODE_MARK } from './mark';

// Seen in the browser's performance tools and by `npm run bench`.
performance.mark(PANEL_CODE_MARK);

requestPersistentStorage();

const pinned = Number(new URLSearchParams(location.search).get('tab'));
render(<App pinnedTabId={Number.isInteger(pinned) && pinned > 0 ? pinned : undefined} />, document.getElementById('app')!);
