import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/i18n';
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

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
