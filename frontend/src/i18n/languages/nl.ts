import account from '../locales/account.nl.json';
import activities from '../locales/activities.nl.json';
import admin from '../locales/admin.nl.json';
import auth from '../locales/auth.nl.json';
import calls from '../locales/calls.nl.json';
import dashboard from '../locales/dashboard.nl.json';
import exchange from '../locales/exchange.nl.json';
import learning from '../locales/learning.nl.json';
import practices from '../locales/practices.nl.json';
import programmes from '../locales/programmes.nl.json';
import review from '../locales/review.nl.json';
import report from '../locales/report.nl.json';
import rounds from '../locales/rounds.nl.json';
import translation from '../locales/nl.json';

/** Every namespace of the interface in one language: one chunk, loaded when the language is chosen. */
export default { translation, practices, calls, activities, programmes, admin, account, auth, review, rounds, exchange, dashboard, learning, report };
