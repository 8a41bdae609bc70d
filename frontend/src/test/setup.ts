import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { sessionStore } from '@/api/session-store';
import i18n from '@/i18n';

beforeEach(async () => {
  window.localStorage.clear();
  sessionStore.reset();
  await i18n.changeLanguage('en');
});

afterEach(() => {
  cleanup();
});
