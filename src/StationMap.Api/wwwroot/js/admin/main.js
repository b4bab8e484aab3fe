// Console shell: sign in with a staff key (kept in sessionStorage only), then three tabs.
import { api, useStaffKey } from '../api.js';
import { applyTranslations, bindLangSwitch, onLangChange, t } from '../i18n.js';
import { loadMeta } from '../services.js';
import './strings.js';
import { initCoverage } from './coverage.js';
import { initFeeds } from './feeds.js';
import { initOverview } from './overview.js';
import { initStations } from './stations.js';
import { problemBox, show } from './ui.js';
import { initUpload } from './upload.js';

const $ = (id) => document.getElementById(id);
const KEY = 'stationmap.staffKey';
let me = null;
let started = false;

function showWho() {
  $('who').textContent = me ? t('whoami', { actor: me.actor, role: me.role, org: me.orgAdcode }) : '';
}

function selectTab(name) {
  for (const tab of document.querySelectorAll('[role="tab"]')) {
    const on = tab.id === `tab-${name}`;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    $(tab.getAttribute('aria-controls')).hidden = !on;
  }
  // Leaflet needs the map's box on screen to size it: the overview starts when first shown.
  if (name === 'overview' && !overviewStarted) { overviewStarted = true; initOverview().catch((e) => show($('overview-legend'), problemBox(e))); }
}
let overviewStarted = false;

async function enter(key) {
  useStaffKey(key);
  me = await api('/api/v1/auth/me');
  sessionStorage.setItem(KEY, key);
  $('signin').hidden = true;
  $('console').hidden = false;
  $('sign-out').hidden = false;
  showWho();
  if (!started) {
    started = true;
    const meta = await loadMeta();
    initUpload();
    initStations(meta);
    initFeeds(me);
    initCoverage(me);
  }
  selectTab('upload');
  document.body.dataset.signedIn = 'true';
}

function signOut() {
  sessionStorage.removeItem(KEY);
  useStaffKey(null);
  location.reload(); // drops every piece of state the last key could see
}

applyTranslations();
bindLangSwitch($('lang'));
onLangChange(showWho);
$('sign-out').addEventListener('click', signOut);
const tabs = [...document.querySelectorAll('[role="tab"]')];
for (const tab of tabs) {
  tab.addEventListener('click', () => selectTab(tab.id.replace('tab-', '')));
  // Arrow keys move between tabs (the ARIA tabs pattern); Tab moves on into the panel.
  tab.addEventListener('keydown', (e) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
    if (!step) return;
    const next = tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length];
    next.focus();
    next.click();
  });
}
$('signin-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  show($('signin-problem'));
  try {
    await enter($('key').value.trim());
  } catch (error) {
    useStaffKey(null);
    show($('signin-problem'), problemBox(error));
  }
});

const saved = sessionStorage.getItem(KEY);
if (saved) enter(saved).catch(() => { sessionStorage.removeItem(KEY); useStaffKey(null); });
document.body.dataset.ready = 'true';
