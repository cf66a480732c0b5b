import { render } from 'preact';
import { App } from './App';
import '@/components/panel.css';

const pinned = Number(new URLSearchParams(location.search).get('tab'));
render(<App pinnedTabId={Number.isInteger(pinned) && pinned > 0 ? pinned : undefined} />, document.getElementById('app')!);
