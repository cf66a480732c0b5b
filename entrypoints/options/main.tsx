import { render } from 'preact';
import { App } from './App';
import '@/components/panel.css';
import { requestPersistentStorage } from '@/lib/runtime/persist';

requestPersistentStorage();

render(<App />, document.getElementById('app')!);
