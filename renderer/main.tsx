import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { selectBackend } from './backend/select-backend.js';
import './app/styles/theme.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App backend={selectBackend(window, document)} />
  </StrictMode>,
);
