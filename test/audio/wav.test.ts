import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WavWriter, readWavInfo, readWavSamples } from '../../electron/node/audio/wav';

describe('WAV cache files', () => {
  it('writes chunks and reads back any window of samples', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'jiaodui-wav-')), 'a.wav');
    const pcm = Int16Array.from({ length: 5000 }, (_, i) => (i * 37) % 30000 - 15000);
    const w = await WavWriter.create(path, 16000);
    await w.write(Buffer.from(pcm.buffer, 0, 3000));
    await w.write(Buffer.from(pcm.buffer, 3000));
    await w.close();
    const info = await readWavInfo(path);
    expect(info).toEqual({ sampleRate: 16000, samples: 5000, dataOffset: 44 });
    expect(Array.from(await readWavSamples(path, info!, 1234, 100))).toEqual(Array.from(pcm.subarray(1234, 1334)));
    expect((await readWavSamples(path, info!, 4990, 100)).length).toBe(10);
  });
});
