import { describe, expect, it } from 'vitest';
import { safeHref, WEB_URL_PATTERN, webUrlProblem } from './urls.ts';

describe('stored addresses', () => {
  const web = ['https://www.comune.milano.it/gemellaggi', 'HTTP://Example.org/a?b=c#d', 'https://1.2.3.4/'];
  const hostile = [
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'ftp://files.example.org/',
    '//evil.example.org/',
    'https://localhost/',
    'https://exa mple.org/',
    'www.example.org',
    '',
  ];

  it('when an address is http(s) with a public host, then it is stored; anything else is refused with the reason', () => {
    for (const url of web) {
      expect(webUrlProblem(url), url).toBeUndefined();
      expect(new RegExp(WEB_URL_PATTERN, 'u').test(url), url).toBe(true);
    }
    for (const url of hostile) expect(webUrlProblem(url), url).toMatch(/not a web address/);
    for (const url of hostile.slice(0, 7))
      expect(new RegExp(WEB_URL_PATTERN, 'u').test(url), url).toBe(false);
  });

  it('when a view links a stored address, then only http, https and mailto with an address become links', () => {
    for (const url of web) expect(safeHref(url)).toBe(url);
    expect(safeHref('mailto:relazioni.internazionali@comune.milano.it')).toBe(
      'mailto:relazioni.internazionali@comune.milano.it',
    );
    for (const url of [...hostile.slice(0, 7), 'mailto:javascript', 'mailto:%E0%A4%A', null, undefined]) {
      expect(safeHref(url), String(url)).toBeUndefined();
    }
  });
});
