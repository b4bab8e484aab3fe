// Chinese first, English on request. Strings live in small dictionaries registered by each page;
// elements carry data-i18n (text), data-i18n-label (aria-label) or data-i18n-placeholder.

const dictionaries = { zh: {}, en: {} };
const listeners = [];
const stored = (() => {
  try { return localStorage.getItem('stationmap.lang'); } catch { return null; }
})();
let current = stored === 'en' ? 'en' : 'zh';

export function addStrings(strings) {
  for (const [key, [zh, en]] of Object.entries(strings)) {
    dictionaries.zh[key] = zh;
    dictionaries.en[key] = en;
  }
}

export function lang() {
  return current;
}

/** t('found', { n: 3 }) → "找到 3 个站点". Unknown keys show themselves, which is easy to spot. */
export function t(key, vars = {}) {
  const text = dictionaries[current][key] ?? dictionaries.zh[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => vars[name] ?? '');
}

/** The zh or en member of a {zh, en} pair, as /api/v1/meta gives labels. */
export function pick(pair) {
  return pair ? pair[current] ?? pair.zh : '';
}

export function applyTranslations(root = document) {
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
}

export function setLang(next) {
  current = next === 'en' ? 'en' : 'zh';
  try { localStorage.setItem('stationmap.lang', current); } catch { /* private mode: fine */ }
  applyTranslations();
  for (const listener of listeners) listener(current);
}

export function onLangChange(listener) {
  listeners.push(listener);
}

/** The switch button shows the language it switches to. */
export function bindLangSwitch(button) {
  const label = () => {
    button.textContent = current === 'zh' ? 'English' : '中文';
    button.lang = current === 'zh' ? 'en' : 'zh-CN';
  };
  button.addEventListener('click', () => { setLang(current === 'zh' ? 'en' : 'zh'); label(); });
  label();
}
