/**
 * 16-bit mono PCM WAV files: a streaming writer (header patched on close) and a reader for a window of
 * samples, which is how deep zoom and the aligner read the cached 16 kHz copy without loading it.
 */
import { open, type FileHandle } from 'node:fs/promises';

const HEADER = 44;

function header(sampleRate: number, dataBytes: number): Buffer {
  const b = Buffer.alloc(HEADER);
  b.write('RIFF', 0, 'ascii');
  b.writeUInt32LE(Math.min(0xffffffff, 36 + dataBytes), 4);
  b.write('WAVE', 8, 'ascii');
  b.write('fmt ', 12, 'ascii');
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(sampleRate, 24);
  b.writeUInt32LE(sampleRate * 2, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36, 'ascii');
  b.writeUInt32LE(Math.min(0xffffffff, dataBytes), 40);
  return b;
}

/** Writes PCM chunks to a WAV file; call `close()` to fix the header. */
export class WavWriter {
  private bytes = 0;
  private position = HEADER;
  private constructor(private readonly fh: FileHandle, private readonly sampleRate: number) {}

  static async create(path: string, sampleRate: number): Promise<WavWriter> {
    const fh = await open(path, 'w');
    await fh.write(header(sampleRate, 0), 0, HEADER, 0);
    return new WavWriter(fh, sampleRate);
  }

  async write(chunk: Buffer): Promise<void> {
    await this.fh.write(chunk, 0, chunk.length, this.position);
    this.position += chunk.length;
    this.bytes += chunk.length;
  }

  async close(): Promise<void> {
    await this.fh.write(header(this.sampleRate, this.bytes), 0, HEADER, 0);
    await this.fh.close();
  }
}

/** Format of a 16-bit mono WAV written by {@link WavWriter} (or any canonical 44-byte header). */
export interface WavInfo {
  sampleRate: number;
  samples: number;
  dataOffset: number;
}

/** Reads the header of a canonical 16-bit mono PCM WAV; null when it is not one. */
export async function readWavInfo(path: string): Promise<WavInfo | null> {
  const fh = await open(path, 'r');
  try {
    const b = Buffer.alloc(HEADER);
    await fh.read(b, 0, HEADER, 0);
    if (b.toString('ascii', 0, 4) !== 'RIFF' || b.toString('ascii', 36, 40) !== 'data') return null;
    if (b.readUInt16LE(22) !== 1 || b.readUInt16LE(34) !== 16) return null;
    const size = (await fh.stat()).size;
    return { sampleRate: b.readUInt32LE(24), samples: Math.floor((size - HEADER) / 2), dataOffset: HEADER };
  } finally {
    await fh.close();
  }
}

/** Reads samples [from, from + count) of a cached WAV as Int16 (clamped to the file). */
export async function readWavSamples(path: string, info: WavInfo, from: number, count: number): Promise<Int16Array> {
  const a = Math.max(0, Math.min(info.samples, Math.floor(from)));
  const b = Math.max(a, Math.min(info.samples, Math.floor(from + count)));
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc((b - a) * 2);
    await fh.read(buf, 0, buf.length, info.dataOffset + a * 2);
    return new Int16Array(buf.buffer, buf.byteOffset, b - a);
  } finally {
    await fh.close();
  }
}
