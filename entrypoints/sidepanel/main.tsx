import { render } from 'preact';
import { App } from './App';
import '@/components/panel.css';
import { requestPersistentStorage } from '@/lib/runtime/persist';

requestPersistentStorage();

const pinned = Number(new URLSearchParams(location.search).get('tab'));
render(<App pinnedTabId={Number.isInteger(pinned) && pinned > 0 ? pinned : undefined} />, document.getElementById('app')!);
