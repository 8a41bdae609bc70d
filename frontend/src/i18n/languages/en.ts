import account from '../locales/account.en.json';
import activities from '../locales/activities.en.json';
import admin from '../locales/admin.en.json';
import auth from '../locales/auth.en.json';
import calls from '../locales/calls.en.json';
import dashboard from '../locales/dashboard.en.json';
import exchange from '../locales/exchange.en.json';
import learning from '../locales/learning.en.json';
import practices from '../locales/practices.en.json';
import programmes from '../locales/programmes.en.json';
import review from '../locales/review.en.json';
import report from '../locales/report.en.json';
import rounds from '../locales/rounds.en.json';
import translation from '../locales/en.json';

/** Every namespace in English: the first language and the fallback, so it ships with the app. */
export default { translation, practices, calls, activities, programmes, admin, account, auth, review, rounds, exchange, dashboard, learning, report };
