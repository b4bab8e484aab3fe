// Service icons: a coloured badge with one glyph, always next to its text label. Glyphs are plain characters
// (no icon font, no emoji font needed); colours keep white text above 4.5:1 contrast.
import { api } from './api.js';
import { pick } from './i18n.js';

const icons = {
  water: ['水', '#1d4ed8'],
  microwave: ['热', '#b45309'],
  charging: ['电', '#047857'],
  rest: ['座', '#6d28d9'],
  toilet: ['厕', '#0f766e'],
  firstaid: ['+', '#b91c1c'],
  aircon: ['暖', '#9a3412'],
  wifi: ['网', '#1e40af'],
  raingear: ['伞', '#374151'],
  tools: ['修', '#4d7c0f'],
  nursing: ['婴', '#a21caf'],
  aed: ['AED', '#be123c'],
};

let catalog = [];

/** Loads the labelled list once from /api/v1/meta (the server's catalogue is the single source). */
export async function loadMeta() {
  const meta = await api('/api/v1/meta');
  catalog = meta.services;
  return meta;
}

export function services() {
  return catalog;
}

export function serviceLabel(code) {
  const s = catalog.find((x) => x.code === code);
  return s ? pick(s) : code;
}

/** <span class="svc"><span class="svc-icon">水</span>饮水</span> */
export function serviceBadge(code) {
  const [glyph, colour] = icons[code] ?? ['·', '#374151'];
  const badge = document.createElement('span');
  badge.className = 'svc';
  badge.dataset.service = code;
  const icon = document.createElement('span');
  icon.className = glyph.length > 1 ? 'svc-icon svc-icon-small' : 'svc-icon';
  icon.style.background = colour;
  icon.textContent = glyph;
  icon.setAttribute('aria-hidden', 'true');
  badge.append(icon, serviceLabel(code));
  return badge;
}
