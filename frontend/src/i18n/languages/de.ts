import account from '../locales/account.de.json';
import activities from '../locales/activities.de.json';
import admin from '../locales/admin.de.json';
import auth from '../locales/auth.de.json';
import calls from '../locales/calls.de.json';
import dashboard from '../locales/dashboard.de.json';
import exchange from '../locales/exchange.de.json';
import learning from '../locales/learning.de.json';
import practices from '../locales/practices.de.json';
import programmes from '../locales/programmes.de.json';
import review from '../locales/review.de.json';
import report from '../locales/report.de.json';
import rounds from '../locales/rounds.de.json';
import translation from '../locales/de.json';

/** Every namespace of the interface in one language: one chunk, loaded when the language is chosen. */
export default { translation, practices, calls, activities, programmes, admin, account, auth, review, rounds, exchange, dashboard, learning, report };
