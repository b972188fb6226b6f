/** Options page entry: renders the options with the extension's real API. */
import '@/components/components.css';
import '../popup/popup.css';
import './options.css';
import { render } from 'preact';
import { Options } from './options';
import { extensionOptionsApi } from './options-api';

render(<Options api={extensionOptionsApi} />, document.getElementById('app')!);
