import { describe, expect, it } from 'vitest';
import { fft, mfcc, normaliseCepstra, realPowerSpectrum } from '../../shared/timing/mfcc';

describe('fft', () => {
  it('matches a direct DFT', () => {
    const n = 64;
    const x = Array.from({ length: n }, (_, i) => Math.sin(i * 0.7) + ((i * 37) % 11) / 10);
    const re = Float64Array.from(x);
    const im = new Float64Array(n);
    fft(re, im);
    for (const k of [0, 1, 5, 17, 32, 63]) {
      let r = 0;
      let m = 0;
      for (let t = 0; t < n; t++) {
        r += x[t]! * Math.cos((-2 * Math.PI * k * t) / n);
        m += x[t]! * Math.sin((-2 * Math.PI * k * t) / n);
      }
      expect(re[k]).toBeCloseTo(r, 9);
      expect(im[k]).toBeCloseTo(m, 9);
    }
  });

  it('gives the same power spectrum through the half-size real transform', () => {
    const n = 256;
    const x = Float64Array.from({ length: n }, (_, i) => Math.cos(i * 0.31) * 0.5 + ((i * 13) % 7) / 7);
    const re = Float64Array.from(x);
    const im = new Float64Array(n);
    fft(re, im);
    const power = new Float64Array(n / 2 + 1);
    realPowerSpectrum(x, power, new Float64Array(n / 2), new Float64Array(n / 2));
    for (let k = 0; k <= n / 2; k++) expect(power[k]).toBeCloseTo(re[k]! ** 2 + im[k]! ** 2, 6);
  });
});

describe('mfcc', () => {
  const tone = (hz: number, seconds: number) => Float32Array.from({ length: 16000 * seconds }, (_, i) => 0.3 * Math.sin((2 * Math.PI * hz * i) / 16000));

  it('gives one frame per 40 ms hop', () => {
    const c = mfcc(tone(440, 1), { sampleRate: 16000, hop: 640, window: 512 });
    expect(c.frames).toBe(25);
    expect(c.dim).toBe(13);
    expect(c.hopMs).toBe(40);
  });

  it('tells a low tone from a high one after mean normalisation', () => {
    const pcm = new Float32Array(32000);
    pcm.set(tone(300, 1), 0);
    pcm.set(tone(3000, 1), 16000);
    const c = normaliseCepstra(mfcc(pcm, { sampleRate: 16000, hop: 640, window: 512 }));
    const frame = (f: number) => Array.from(c.data.subarray(f * 13 + 1, f * 13 + 13));
    const dist = (x: number[], y: number[]) => Math.hypot(...x.map((v, i) => v - y[i]!));
    expect(dist(frame(5), frame(10))).toBeLessThan(dist(frame(5), frame(40)) / 5);
  });

  it('computes the same frames from chunks as from the whole signal', () => {
    const pcm = tone(523, 2);
    const whole = mfcc(pcm, { sampleRate: 16000, hop: 640, window: 512 });
    const from = 640 * 20 - 512;
    const part = mfcc(pcm.subarray(from, 640 * 30 + 512), { sampleRate: 16000, hop: 640, window: 512, origin: from, firstFrame: 20, frameCount: 10 });
    for (let k = 0; k < part.data.length; k++) expect(part.data[k]).toBeCloseTo(whole.data[20 * 13 + k]!, 4);
  });
});
