import { describe, expect, it, vi } from 'vitest';
import { createClient, MessageError } from '@/lib/messaging/client';
import { protocol } from '@/lib/messaging/protocol';
import { createRouter, type Handlers } from '@/lib/messaging/router';
import { classifySender, type Sender } from '@/lib/messaging/sender';

const report = { url: 'https://example.com/a', title: 'A', canonicalUrl: null, article: null };
const content: Sender = { origin: 'content', tabId: 4, frameId: 0, url: report.url };
const extension: Sender = {
  origin: 'extension',
  url: 'chrome-extension://id/popup.html',
  tabId: null,
};

function handlers(): Handlers<'background'> {
  // Every background message gets a mock that fails loudly unless a test expects it.
  const all = Object.fromEntries(
    Object.entries(protocol)
      .filter(([, spec]) => spec.to === 'background')
      .map(([name]) => [name, vi.fn(() => Promise.reject(new Error('not in this test')))]),
  ) as unknown as Handlers<'background'>;
  all['page.report'] = vi.fn(() => Promise.resolve({ saved: false }));
  all['tab.state'] = vi.fn(() => Promise.resolve(null));
  return all;
}

function contentHandlers(): Handlers<'content'> {
  return {
    'page.refresh': () => Promise.resolve({ reread: false }),
    'page.body': () => Promise.resolve(null),
    'page.text': () => Promise.resolve(null),
    'page.mark': () => Promise.resolve({ marked: 0 }),
    'page.annotationsChanged': () => Promise.resolve({ drawn: 0 }),
    'page.closeEditor': () => Promise.resolve({ closed: false }),
    'page.act': () => Promise.resolve({ done: false }),
    'page.reveal': () => Promise.resolve({ revealed: false }),
  };
}

describe('router', () => {
  it('passes a valid message to its handler and wraps the answer', async () => {
    const h = handlers();
    const route = createRouter('background', h);
    await expect(route({ type: 'page.report', payload: report }, content)).resolves.toEqual({
      ok: true,
      value: { saved: false },
    });
    expect(h['page.report']).toHaveBeenCalledWith(report, content);
  });

  it.each([
    ['not an object', 'hello'],
    ['unknown type', { type: 'db.clear', payload: {} }],
    ['extra envelope keys', { type: 'tab.state', payload: { tabId: 1 }, admin: true }],
    ['wrong payload type', { type: 'tab.state', payload: { tabId: '1' } }],
    ['negative tab', { type: 'tab.state', payload: { tabId: -1 } }],
    ['extra payload keys', { type: 'tab.state', payload: { tabId: 1, all: true } }],
  ])('rejects a malformed message (%s) without calling a handler', async (_, raw) => {
    const h = handlers();
    const result = await createRouter('background', h)(raw, extension);
    expect(result.ok).toBe(false);
    expect(Object.values(h).every((fn) => vi.mocked(fn).mock.calls.length === 0)).toBe(true);
  });

  it('names the offending field in the error', async () => {
    const result = await createRouter('background', handlers())(
      { type: 'page.report', payload: { ...report, url: 'javascript:alert(1)' } },
      content,
    );
    expect(result).toEqual({
      ok: false,
      error: 'Rejected page.report: url: must be an absolute http(s) URL',
    });
  });

  it('refuses messages from the wrong side', async () => {
    const h = handlers();
    const route = createRouter('background', h);
    const save = { type: 'article.save', payload: { tabId: 4 } };
    expect((await route(save, content)).ok).toBe(false);
    expect((await route({ type: 'page.report', payload: report }, extension)).ok).toBe(false);
    expect((await route(save, { origin: 'unknown' })).ok).toBe(false);
    const subframe: Sender = { ...content, frameId: 3 };
    expect((await route({ type: 'page.report', payload: report }, subframe)).ok).toBe(false);
    expect(h['article.save']).not.toHaveBeenCalled();
    expect(h['page.report']).not.toHaveBeenCalled();
  });

  it('refuses a message meant for the other side', async () => {
    const result = await createRouter('background', handlers())(
      { type: 'page.body', payload: {} },
      extension,
    );
    expect(result).toEqual({
      ok: false,
      error: 'Rejected message: page.body is not for the background',
    });
    const toContent = createRouter('content', contentHandlers());
    expect((await toContent({ type: 'article.save', payload: { tabId: 1 } }, extension)).ok).toBe(
      false,
    );
    expect(await toContent({ type: 'page.body', payload: {} }, extension)).toEqual({
      ok: true,
      value: null,
    });
    // A content script cannot command another tab's content script.
    expect((await toContent({ type: 'page.body', payload: {} }, content)).ok).toBe(false);
  });

  it('turns a handler failure into an error reply instead of throwing', async () => {
    const result = await createRouter('background', handlers())(
      { type: 'article.save', payload: { tabId: 1 } },
      extension,
    );
    expect(result).toEqual({ ok: false, error: 'not in this test' });
  });
});

describe('classifySender', () => {
  const base = 'chrome-extension://abc/';
  it('tells content scripts, extension pages and strangers apart', () => {
    expect(
      classifySender(
        { id: 'abc', url: 'https://x.test/', tab: { id: 3 }, frameId: 0 },
        'abc',
        base,
      ),
    ).toEqual({ origin: 'content', tabId: 3, frameId: 0, url: 'https://x.test/' });
    expect(
      classifySender({ id: 'abc', url: `${base}popup.html`, tab: { id: 3 } }, 'abc', base),
    ).toEqual({
      origin: 'extension',
      url: `${base}popup.html`,
      tabId: 3,
    });
    expect(classifySender({ id: 'other', url: `${base}popup.html` }, 'abc', base)).toEqual({
      origin: 'unknown',
    });
    expect(classifySender({ id: 'abc', url: 'https://x.test/' }, 'abc', base)).toEqual({
      origin: 'unknown',
    });
  });
});

describe('client', () => {
  it('returns a validated response', async () => {
    const request = createClient(() => Promise.resolve({ ok: true, value: { saved: true } }));
    await expect(request('page.report', report)).resolves.toEqual({ saved: true });
  });

  it('raises the error the other end sent', async () => {
    const request = createClient(() => Promise.resolve({ ok: false, error: 'disk full' }));
    await expect(request('tab.state', { tabId: 1 })).rejects.toThrow(new MessageError('disk full'));
  });

  it('refuses replies that are off-protocol', async () => {
    const noReply = createClient(() => Promise.resolve(undefined));
    await expect(noReply('tab.state', { tabId: 1 })).rejects.toThrow(
      /Malformed reply to tab.state/,
    );
    const wrongShape = createClient(() => Promise.resolve({ ok: true, value: { saved: 'yes' } }));
    await expect(wrongShape('page.report', report)).rejects.toThrow(/saved/);
  });
});
