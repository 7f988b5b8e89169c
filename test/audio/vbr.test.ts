import { describe, expect, it } from 'vitest';
import { isVbrMp3 } from '../../electron/node/audio/vbr';

/** An MPEG-1 layer III frame header at 44.1 kHz, stereo, no padding, of the given bitrate index. */
function frame(bitrateIndex: number, tag?: string): Buffer {
  const kbps = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320][bitrateIndex]!;
  const length = Math.floor((144 * kbps * 1000) / 44100);
  const b = Buffer.alloc(length);
  b[0] = 0xff;
  b[1] = 0xfb;
  b[2] = (bitrateIndex << 4) | (0 << 2);
  b[3] = 0x00;
  if (tag) b.write(tag, 4 + 32, 'latin1');
  return b;
}

const id3 = () => {
  const b = Buffer.alloc(10 + 20);
  b.write('ID3', 0, 'latin1');
  b[3] = 4;
  b[9] = 20;
  return b;
};

describe('isVbrMp3', () => {
  it('sees constant bitrate frames as CBR', () => {
    expect(isVbrMp3(Buffer.concat(Array.from({ length: 30 }, () => frame(9))))).toBe(false);
  });

  it('sees changing bitrates as VBR, after an ID3 tag', () => {
    const frames = Array.from({ length: 30 }, (_, i) => frame(i % 2 ? 9 : 11));
    expect(isVbrMp3(Buffer.concat([id3(), ...frames]))).toBe(true);
  });

  it('trusts a Xing header (VBR) and an Info header (CBR)', () => {
    const rest = Array.from({ length: 5 }, () => frame(9));
    expect(isVbrMp3(Buffer.concat([frame(9, 'Xing'), ...rest]))).toBe(true);
    expect(isVbrMp3(Buffer.concat([frame(9, 'Info'), ...rest]))).toBe(false);
  });

  it('returns null for bytes without MP3 frames', () => {
    expect(isVbrMp3(Buffer.from('RIFF....WAVEfmt '))).toBeNull();
  });
});
