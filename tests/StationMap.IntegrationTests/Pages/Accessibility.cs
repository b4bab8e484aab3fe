using Microsoft.Playwright;

namespace StationMap.IntegrationTests.Pages;

/// <summary>Accessibility basics checked in the browser: every control has a name, text has enough contrast.</summary>
internal static class Accessibility
{
    /// <summary>Visible inputs, selects, textareas and buttons with no label, aria-label or text.</summary>
    public static Task<string[]> UnlabelledControlsAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => [...document.querySelectorAll('input, select, textarea, button, a[href]')]
          .filter(e => e.offsetParent !== null && e.type !== 'hidden')
          .filter(e => !((e.labels && e.labels.length) || e.getAttribute('aria-label') || e.closest('label') || e.textContent.trim()))
          .map(e => e.outerHTML.slice(0, 120))
        """);

    /// <summary>Visible text whose WCAG contrast against its nearest painted background is below 4.5:1.</summary>
    public static Task<string[]> LowContrastTextAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => {
          const rgb = c => (c.match(/[\d.]+/g) || []).map(Number);
          const lum = ([r, g, b]) => {
            const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
            return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
          };
          const background = e => {
            for (; e; e = e.parentElement) {
              const c = rgb(getComputedStyle(e).backgroundColor);
              if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c.slice(0, 3);
            }
            return [255, 255, 255];
          };
          const bad = [];
          for (const e of document.querySelectorAll('body *')) {
            if (e.closest('.leaflet-container, [disabled], dialog:not([open])') || e.offsetParent === null) continue;
            const own = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
            if (!own) continue;
            const fg = lum(rgb(getComputedStyle(e).color)), bg = lum(background(e));
            const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
            if (ratio < 4.5) bad.push(`${ratio.toFixed(2)} ${e.tagName}.${e.className}: ${e.textContent.trim().slice(0, 30)}`);
          }
          return bad;
        }
        """);
}
