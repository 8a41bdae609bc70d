import de from './languages/de';
import en from './languages/en';
import fr from './languages/fr';
import nl from './languages/nl';

/** Every language at once, for the parity test; the app itself loads one language at a time (see index.ts). */
export const resources = { en, nl, de, fr } as const;
