import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { sessionStore } from '@/api/session-store';
import i18n from '@/i18n';

// findBy* and waitFor wait for what a user would see; on a busy CI machine a render can take more
// than the library's default second, so they wait up to ten (they still return as soon as it shows).
configure({ asyncUtilTimeout: 10_000 });

beforeEach(async () => {
  window.localStorage.clear();
  sessionStore.reset();
  await i18n.changeLanguage('en');
});

afterEach(() => {
  cleanup();
});
