import account from '../locales/account.fr.json';
import activities from '../locales/activities.fr.json';
import admin from '../locales/admin.fr.json';
import auth from '../locales/auth.fr.json';
import calls from '../locales/calls.fr.json';
import dashboard from '../locales/dashboard.fr.json';
import exchange from '../locales/exchange.fr.json';
import learning from '../locales/learning.fr.json';
import practices from '../locales/practices.fr.json';
import programmes from '../locales/programmes.fr.json';
import review from '../locales/review.fr.json';
import report from '../locales/report.fr.json';
import rounds from '../locales/rounds.fr.json';
import translation from '../locales/fr.json';

/** Every namespace of the interface in one language: one chunk, loaded when the language is chosen. */
export default { translation, practices, calls, activities, programmes, admin, account, auth, review, rounds, exchange, dashboard, learning, report };
