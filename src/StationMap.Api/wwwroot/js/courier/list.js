// The result list and the detail dialog. Navigation links come from the API, which already converted the
// destination to GCJ-02 for Amap and BD-09 for Baidu.
import { el } from '../dom.js';
import { t } from '../i18n.js';
import { serviceBadge } from '../services.js';
import { describeHours } from './hours.js';
import { phoneNumbers } from './phone.js';

export function formatDistance(m) {
  return m < 1000 ? t('metres', { n: m }) : t('kilometres', { n: (m / 1000).toFixed(1) });
}

function openState(result) {
  if (result.openNow === true) return el('span', { className: 'open' }, t('openNow'));
  if (result.openNow === false) return el('span', { className: 'shut' }, t('closedNow'));
  return el('span', {}, t(result.openingHours ? 'openUnknown' : 'hoursUnknown'));
}

// The detail's hours: the hours and whether open now; "unknown" once when there are no hours to read.
function hoursText(result) {
  const described = describeHours(result.openingHours);
  if (!described) return [t('hoursUnknown')];
  return result.openNow === null || result.openNow === undefined ? [described] : [described, ' · ', openState(result)];
}

// Only a recorded step-free entrance is shown: "unknown" and "no" both stay silent.
function accessibleBadge(result) {
  return result.accessible === true ? el('span', { className: 'accessible' }, t('accessible')) : null;
}

function navButtons(result) {
  return [
    el('a', { className: 'button nav-amap', href: result.navigation.amapWeb, target: '_blank', rel: 'noopener' }, t('navAmap')),
    el('a', { className: 'button nav-baidu', href: result.navigation.baiduWeb, target: '_blank', rel: 'noopener' }, t('navBaidu')),
  ];
}

// The API's Amap app link is Amap's Android URI; the iPhone app answers only its own scheme, with the same parameters.
const onIos = /iPhone|iPad|iPod/.test(navigator.userAgent) || (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1);
function amapAppLink(link) {
  return onIos ? link.replace('amapuri://route/plan/?', 'iosamap://path?') : link;
}

// One link per number ("010-62561234/13812345678" is two): digits of the whole text would dial no number at all.
function phoneLinks(phone, withLabel = true) {
  // tel: wants digits only; the text keeps the number as written (010-62561234转123).
  return phoneNumbers(phone).map(({ written, dial }) => dial
    ? el('a', { className: 'button phone', href: `tel:${dial}` }, withLabel ? `${t('call')} ${written}` : written)
    : el('span', { className: 'phone-text' }, written));
}

function card(result, index, onSelect) {
  const name = el('button', { type: 'button', className: 'link-button station-name' }, result.name);
  name.addEventListener('click', () => onSelect(result.code, true));
  const li = el('li', { className: 'station' },
    el('div', { className: 'station-head' }, el('span', { className: 'rank', ariaHidden: 'true' }, String(index + 1)), name),
    el('div', { className: 'facts' },
      el('span', { className: 'distance' }, formatDistance(result.distanceM)),
      el('span', {}, t('walk', { n: result.walkMinutes })),
      openState(result),
      accessibleBadge(result)),
    el('div', { className: 'services' }, ...result.services.map(serviceBadge)),
    el('div', { className: 'actions' }, ...navButtons(result), ...phoneLinks(result.phone)));
  li.dataset.code = result.code;
  return li;
}

export function renderList(list, results, onSelect) {
  list.replaceChildren(...results.map((r, i) => card(r, i, onSelect)));
}

export function markSelected(list, code) {
  for (const li of list.children) li.classList.toggle('selected', li.dataset.code === code);
  list.querySelector(`[data-code="${CSS.escape(code)}"]`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
}

function row(label, ...value) {
  return [el('dt', {}, t(label)), el('dd', {}, ...value)];
}

export function renderDetail(body, result) {
  const phones = phoneLinks(result.phone, false);
  body.replaceChildren(
    el('h3', { id: 'detail-name' }, result.name),
    el('dl', {},
      ...row('distance', `${formatDistance(result.distanceM)} · ${t('walk', { n: result.walkMinutes })} · ${t('ebike', { n: result.ebikeMinutes })}`),
      ...row('address', result.address),
      ...row('hours', ...hoursText(result)),
      ...row('type', t(`type_${result.type}`), result.accessible === true ? [' · ', accessibleBadge(result)] : []),
      ...row('phone', phones.length > 0 ? el('span', { className: 'phones' }, phones) : '—'),
      ...row('services', el('div', {}, ...result.services.map(serviceBadge)))),
    el('div', { className: 'actions' }, ...navButtons(result)),
    el('p', {},
      el('a', { href: amapAppLink(result.navigation.amapApp) }, t('navAmapApp')), ' · ',
      el('a', { href: result.navigation.baiduApp }, t('navBaiduApp'))));
}
