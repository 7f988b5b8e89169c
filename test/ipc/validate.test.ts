import { describe, expect, it } from 'vitest';
import { HOST_METHODS, channelOf, validateArgs } from '../../shared/ipc';

describe('host contract validators', () => {
  it('accepts a well-formed save request and returns a copy', () => {
    const request = { kind: 'export', suggestedName: 'talk.srt', content: '1\n00:00:00,000 --> 00:00:01,000\n嗯\n' };
    const r = validateArgs('saveFile', [request]);
    expect(r).toEqual({ ok: true, value: [request] });
    if (r.ok) expect(r.value[0]).not.toBe(request);
  });

  it('rejects an unknown file kind and names the argument', () => {
    const r = validateArgs('openFile', ['passwords']);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('invalid-argument');
      expect(r.message).toContain('openFile: kind must be one of');
    }
  });

  it('rejects unknown keys smuggled into an object', () => {
    const r = validateArgs('saveFile', [{ kind: 'project', suggestedName: 'a.jiaodui.json', content: '{}', overwriteSource: true }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('unknown key "overwriteSource"');
  });

  it('rejects extra arguments and wrong types', () => {
    expect(validateArgs('appInfo', ['x']).ok).toBe(false);
    expect(validateArgs('writeRecovery', [42]).ok).toBe(false);
    expect(validateArgs('writeRecoveryBase', ['text']).ok).toBe(false);
    expect(validateArgs('writeRecoveryBase', [new Uint8Array(3)]).ok).toBe(true);
    expect(validateArgs('openRecent', ['']).ok).toBe(false);
    expect(validateArgs('openRecent', ['/tmp/a\u0000b']).ok).toBe(false);
  });

  it('rejects a method that is not in the contract', () => {
    const r = validateArgs('readAnyFile' as never, ['/etc/passwd']);
    expect(r).toMatchObject({ ok: false, code: 'unknown-method' });
  });

  it('keeps locale null (follow the OS) distinct from an absent locale', () => {
    expect(validateArgs('setSettings', [{ locale: null }])).toEqual({ ok: true, value: [{ locale: null }] });
    expect(validateArgs('setSettings', [{ zoom: 1.5 }])).toEqual({ ok: true, value: [{ zoom: 1.5 }] });
    expect(validateArgs('setSettings', [{ locale: 'fr' }]).ok).toBe(false);
    expect(validateArgs('setSettings', [{ zoom: 99 }]).ok).toBe(false);
  });

  it('checks nested window bounds', () => {
    expect(validateArgs('setSettings', [{ windowBounds: { width: 1200, height: 800, x: 10, y: 20 } }]).ok).toBe(true);
    expect(validateArgs('setSettings', [{ windowBounds: { width: 'wide', height: 800 } }]).ok).toBe(false);
  });

  it('has a validator for every method and distinct channels', () => {
    for (const m of HOST_METHODS) {
      const r = validateArgs(m, []);
      // every method either takes no argument or reports the missing one, never throws
      expect(typeof r.ok).toBe('boolean');
    }
    expect(new Set(HOST_METHODS.map(channelOf)).size).toBe(HOST_METHODS.length);
  });
});

describe('audio calls in the host contract', () => {
  it('checks the segments sent for timing, item by item', () => {
    expect(validateArgs('autoTime', ['/a/talk.ogg', [{ raw: '你好', lang: 'zh' }, { raw: 'hi', lang: 'en', start: 0, end: 900 }]]).ok).toBe(true);
    const bad = validateArgs('autoTime', ['/a/talk.ogg', [{ raw: '你好', lang: 'zh' }, { raw: 'hi', lang: 'fr' }]]);
    expect(bad).toMatchObject({ ok: false, code: 'invalid-argument' });
    if (!bad.ok) expect(bad.message).toContain('segments[1].lang');
    expect(validateArgs('autoTime', ['/a/talk.ogg', [{ raw: 'x', lang: 'en', start: -5 }]]).ok).toBe(false);
    expect(validateArgs('autoTime', ['/a/talk.ogg', [{ raw: 'x', lang: 'en', words: [] }]]).ok).toBe(false);
  });

  it('bounds window peaks to a forward window of at most ten minutes', () => {
    expect(validateArgs('windowPeaks', ['/a/talk.ogg', 1000, 2000, 1000]).ok).toBe(true);
    expect(validateArgs('windowPeaks', ['/a/talk.ogg', 2000, 1000, 1000]).ok).toBe(false);
    expect(validateArgs('windowPeaks', ['/a/talk.ogg', 0, 3_600_000, 1000]).ok).toBe(false);
    expect(validateArgs('windowPeaks', ['/a/talk.ogg', 0, 1000, 100_000]).ok).toBe(false);
  });

  it('lets locateAudio go without a project and refuses a bad project path', () => {
    expect(validateArgs('locateAudio', ['/a/talk.ogg', null]).ok).toBe(true);
    expect(validateArgs('locateAudio', ['/a/talk.ogg', 42]).ok).toBe(false);
    expect(validateArgs('loadPeaks', ['']).ok).toBe(false);
  });
});
