import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadRuntimeConfig } from './config';
import { LangProvider } from './i18n/context';
import './styles.css';

const root = createRoot(document.getElementById('root')!);

// The province dashboard is the coordinators' first page: fetch its code and the chart library
// while the app starts and its first question runs, not after.
if (!window.location.hash || window.location.hash.startsWith('#/dashboard')) {
  void import('./pages/DashboardPage');
  void import('./components/echarts');
}

loadRuntimeConfig().then(
  (config) =>
    root.render(
      <StrictMode>
        <LangProvider>
          <App config={config} />
        </LangProvider>
      </StrictMode>,
    ),
  () =>
    root.render(
      <main className="boot-error">
        <h1>NCT</h1>
        <p role="alert">Không tải được cấu hình ứng dụng từ cổng API. / The app cannot load its configuration from the gateway.</p>
      </main>,
    ),
);
