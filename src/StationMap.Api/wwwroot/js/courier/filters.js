// Service chips (toggle buttons), the open-now and step-free boxes; any change asks for a new search.
import { services, serviceBadge } from '../services.js';

export function renderFilters(container, openNowBox, accessibleBox, onChange) {
  const selected = new Set();
  const draw = () => {
    container.replaceChildren(...services().map((s) => {
      const chip = document.createElement('button');
      chip.type = 'button';
      chip.className = 'chip';
      chip.dataset.service = s.code;
      chip.setAttribute('aria-pressed', String(selected.has(s.code)));
      chip.append(serviceBadge(s.code));
      chip.addEventListener('click', () => {
        if (selected.has(s.code)) selected.delete(s.code); else selected.add(s.code);
        chip.setAttribute('aria-pressed', String(selected.has(s.code)));
        onChange();
      });
      return chip;
    }));
  };
  openNowBox.addEventListener('change', onChange);
  accessibleBox.addEventListener('change', onChange);
  draw();
  return {
    redraw: draw,
    value: () => ({
      services: [...selected].join(','),
      openNow: openNowBox.checked ? 'true' : '',
      accessible: accessibleBox.checked ? 'true' : '',
    }),
  };
}
