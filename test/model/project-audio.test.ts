import { describe, expect, it } from 'vitest';
import { AUDIO_EXTRA, createProject, parseProject, projectAudioOf, serializeProject } from '../../shared/model/project';
import { parseText } from '../../shared/formats/index';

describe('a project remembers its recording', () => {
  const { transcript } = parseText('各位嘉宾。\n\nThe UNU Global AI network.\n');

  it('keeps the audio in extras through a save and a load', () => {
    const project = { ...createProject(transcript, null), audioPath: '/talks/waic.ogg', extras: { [AUDIO_EXTRA]: { path: '/talks/waic.ogg', name: 'waic.ogg' } } };
    const load = parseProject(serializeProject(project));
    expect(load.project?.audioPath).toBe('/talks/waic.ogg');
    expect(projectAudioOf(load.project!.extras)).toEqual({ path: '/talks/waic.ogg', name: 'waic.ogg' });
  });

  it('gives an older file that names its audio only in audioPath the extras entry the app reads', () => {
    const old: Record<string, unknown> = { ...(JSON.parse(serializeProject(createProject(transcript, null))) as Record<string, unknown>), version: 0, audioPath: 'C:\\talks\\forum.mp3' };
    const load = parseProject(JSON.stringify(old));
    expect(load.diagnostics).toEqual([]);
    expect(projectAudioOf(load.project!.extras)).toEqual({ path: 'C:\\talks\\forum.mp3', name: 'forum.mp3' });
  });

  it('has no audio when the file names none, or names it badly', () => {
    expect(projectAudioOf(parseProject(serializeProject(createProject(transcript, null))).project!.extras)).toBeNull();
    const bad = { ...createProject(transcript, null), audioPath: '', extras: { [AUDIO_EXTRA]: { path: 42 } } };
    const load = parseProject(JSON.stringify(bad));
    expect(load.project?.audioPath).toBeNull();
    expect(projectAudioOf(load.project!.extras)).toBeNull();
  });
});
