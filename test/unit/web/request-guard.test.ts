import { describe, expect, it } from 'vitest';
import { checkRequest, cookieToken, type GuardRequest } from '../../../electron/web/request-guard';
import { parseRange, rangeHeaders } from '../../../electron/core/http/range';
import { staticFile } from '../../../electron/core/http/static-files';

const config = { port: 4321, token: 'secret-token-123' };
const base: GuardRequest = { method: 'GET', host: '127.0.0.1:4321', origin: undefined, cookie: 'reviewdesk_token_4321=secret-token-123', queryToken: undefined, headerToken: undefined };

describe('web host request guard', () => {
  it('lets the page it served call it', () => {
    expect(checkRequest(base, config)).toEqual({ ok: true });
    expect(checkRequest({ ...base, method: 'POST', origin: 'http://127.0.0.1:4321' }, config)).toEqual({ ok: true });
    expect(checkRequest({ ...base, host: 'localhost:4321', method: 'POST', origin: 'http://localhost:4321' }, config)).toEqual({ ok: true });
    expect(checkRequest({ ...base, cookie: undefined, queryToken: 'secret-token-123' }, config)).toEqual({ ok: true });
  });

  it('refuses a missing or wrong token', () => {
    expect(checkRequest({ ...base, cookie: undefined }, config)).toMatchObject({ ok: false, status: 401, reason: 'missing token' });
    expect(checkRequest({ ...base, cookie: 'reviewdesk_token_4321=guess' }, config)).toMatchObject({ ok: false, status: 401, reason: 'wrong token' });
    // A cookie of another host (port) is not this host's token.
    expect(checkRequest({ ...base, cookie: 'reviewdesk_token_9999=secret-token-123' }, config)).toMatchObject({ ok: false, status: 401, reason: 'missing token' });
    // The right URL token opens the page even when an earlier run left a stale cookie.
    expect(checkRequest({ ...base, cookie: 'reviewdesk_token_4321=stale', queryToken: 'secret-token-123' }, config)).toEqual({ ok: true });
    expect(checkRequest({ ...base, cookie: undefined, headerToken: 'secret-token-124' }, config)).toMatchObject({ ok: false, status: 401 });
    // A token on the URL opens the page, never authorises a write.
    expect(checkRequest({ ...base, method: 'POST', origin: 'http://127.0.0.1:4321', cookie: undefined, queryToken: 'secret-token-123' }, config)).toMatchObject({ ok: false, status: 401 });
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin', () => {
    expect(checkRequest({ ...base, host: 'evil.example:4321' }, config)).toMatchObject({ ok: false, status: 403 });
    expect(checkRequest({ ...base, host: '127.0.0.1:9999' }, config)).toMatchObject({ ok: false, status: 403 });
    expect(checkRequest({ ...base, host: undefined }, config)).toMatchObject({ ok: false, status: 403 });
    expect(checkRequest({ ...base, method: 'POST', origin: 'http://evil.example' }, config)).toMatchObject({ ok: false, status: 403 });
    expect(checkRequest({ ...base, origin: 'null' }, config)).toMatchObject({ ok: false, status: 403 });
    expect(checkRequest({ ...base, method: 'POST' }, config)).toMatchObject({ ok: false, status: 403, reason: 'a write request without an Origin' });
  });

  it('reads the token cookie among others', () => {
    expect(cookieToken('a=1; reviewdesk_token_4321=xyz; b=2', 4321)).toBe('xyz');
    expect(cookieToken('reviewdesk_token_1=xyz', 4321)).toBeUndefined();
    expect(cookieToken(undefined, 4321)).toBeUndefined();
  });
});

describe('HTTP ranges', () => {
  it.each([
    [undefined, { kind: 'whole' }],
    ['bytes=0-99', { kind: 'partial', start: 0, end: 99 }],
    ['bytes=100-', { kind: 'partial', start: 100, end: 999 }],
    ['bytes=-100', { kind: 'partial', start: 900, end: 999 }],
    ['bytes=900-5000', { kind: 'partial', start: 900, end: 999 }],
    ['bytes=1000-', { kind: 'unsatisfiable' }],
    ['bytes=5-1', { kind: 'unsatisfiable' }],
    ['bytes=0-1,5-6', { kind: 'whole' }],
    ['items=0-1', { kind: 'whole' }],
  ])('%s of 1000 bytes', (header, answer) => {
    expect(parseRange(header, 1000)).toEqual(answer);
  });

  it('answers 206 with Content-Range, 416 when unsatisfiable', () => {
    expect(rangeHeaders({ kind: 'partial', start: 0, end: 99 }, 1000)).toMatchObject({ status: 206, headers: { 'Content-Range': 'bytes 0-99/1000', 'Content-Length': '100', 'Accept-Ranges': 'bytes' } });
    expect(rangeHeaders({ kind: 'unsatisfiable' }, 1000)).toMatchObject({ status: 416, headers: { 'Content-Range': 'bytes */1000' } });
  });
});

describe('static files', () => {
  it('stay inside the renderer folder', () => {
    expect(staticFile('/srv/r', '/')).toBe('/srv/r/index.html');
    expect(staticFile('/srv/r', '/assets/a.js')).toBe('/srv/r/assets/a.js');
    for (const pathname of ['/../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/a/../../x', '/a%5c..%5cb', '/%00', '/%E0%A4%A']) expect(staticFile('/srv/r', pathname), pathname).toBeNull();
  });
});
