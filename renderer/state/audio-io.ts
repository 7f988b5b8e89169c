/**
 * Which audio is open beside the document: chosen through the host, or re-located when a project that names one
 * is opened. Electron finds it at its path or beside the project; a browser cannot open a path, so web mode marks
 * it missing and the waveform panel asks the user to choose the file again.
 */
import { host } from '../host';
import { translator } from '../i18n/i18n';
import { notify } from './actions';
import { getState, setState } from './store';

const nameOf = (path: string) => path.replace(/^.*[\\/]/, '');

export async function openAudioFromHost(): Promise<void> {
  const r = await host.openAudio();
  if (!r.ok) return notify(r.message, true);
  if (!r.value) return;
  const previous = getState().audio;
  if (previous?.url.startsWith('blob:')) URL.revokeObjectURL(previous.url);
  setState({ audio: r.value, audioMissing: null });
}

export async function relocateProjectAudio(path: string, projectPath: string): Promise<void> {
  const r = await host.locateAudio(path, getState().info?.mode === 'electron' ? projectPath : null);
  if (r.ok) return void setState({ audio: r.value, audioMissing: null });
  setState({ audio: null, audioMissing: { path, name: nameOf(path) } });
  if (getState().info?.mode === 'electron') notify(translator(getState().locale)('audio.notFound', { name: nameOf(path) }), true);
}

export function closeAudio(): void {
  const previous = getState().audio;
  if (previous?.url.startsWith('blob:')) URL.revokeObjectURL(previous.url);
  setState({ audio: null, audioMissing: null });
}
