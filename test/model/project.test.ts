import { describe, expect, it } from 'vitest';
import { createProject, parseProject, serializeProject, PROJECT_VERSION } from '../../shared/model/project';
import { parseText } from '../../shared/formats/index';

describe('project files', () => {
  const { transcript } = parseText('# 标题\n\n呃，大家好。\n\n谢谢。\n');
  const project = createProject(transcript, { path: '/tmp/a.txt', format: 'txt', encoding: 'utf-8' });
  project.decisions['x@s1:0-2'] = 'accepted';
  project.edits['s2'] = '谢谢大家。';

  it('round-trips through JSON', () => {
    const load = parseProject(serializeProject(project));
    expect(load.diagnostics).toEqual([]);
    expect(load.project).toEqual(project);
  });

  it('migrates a version-0 file through the migration hook', () => {
    const old: Record<string, unknown> = { ...(JSON.parse(serializeProject(project)) as Record<string, unknown>), version: 0, manualEdits: { s1: '大家好。' } };
    delete old['edits'];
    const load = parseProject(JSON.stringify(old));
    expect(load.project?.version).toBe(PROJECT_VERSION);
    expect(load.project?.edits).toEqual({ s1: '大家好。' });
  });

  it('refuses a newer version and non-projects with a clear message', () => {
    expect(parseProject(JSON.stringify({ ...project, version: 99 })).diagnostics[0]!.message).toMatch(/newer than this Jiaodui/);
    expect(parseProject('{"segments":[]}').project).toBeNull();
    expect(parseProject('{ not json').diagnostics[0]!.code).toBe('project.invalid');
  });

  it('skips malformed segments and flags pointing nowhere, with a warning', () => {
    const data = JSON.parse(serializeProject(project)) as { transcript: { segments: unknown[] }; flags: unknown[] };
    data.transcript.segments.push({ id: 3 });
    data.flags.push({ id: 'f', segmentId: 'missing' });
    const load = parseProject(JSON.stringify(data));
    expect(load.project?.transcript.segments).toHaveLength(2);
    expect(load.project?.flags).toHaveLength(0);
    expect(load.diagnostics.map((d) => d.code)).toContain('project.bad-segment');
  });
});
