import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18nReady } from '@/i18n';
// Shared styles first, then each feature's own, in this order (later rules win ties).
import '@/styles/global.css';
import '@/features/practices/practices.css';
import '@/components/comments/comments.css';
import '@/features/auth/auth.css';
import '@/components/ui/radio-cards.css';
import '@/features/review/review.css';
import '@/features/rounds/rounds.css';
import '@/features/adaptations/adaptations.css';
import '@/features/dashboard/dashboard.css';
import { App } from '@/app/app';

// The first render waits for the interface language's strings (at once for English, which ships
// with the app): no flash of English or of raw keys before the chosen language arrives.
void i18nReady.finally(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
