/**
 * Loads what detection needs from disk: glossaries, reference documents, the lexicons. The loaders live
 * in electron/node (plain Node); detection itself is shared/.
 */
import type { DetectResources } from '../../shared/detect/rule';

export interface ResourceRequest {
  glossaries: string[];
  references: string[];
}

export type ResourceResult = { ok: true; value: DetectResources } | { ok: false; message: string };

/** Builds the detection resources for a run. */
export async function loadDetectResources(request: ResourceRequest): Promise<ResourceResult> {
  await Promise.resolve();
  if (request.glossaries.length || request.references.length) {
    return { ok: false, message: 'glossaries and reference documents arrive with the misrecognition detector' };
  }
  return { ok: true, value: { cache: new Map() } };
}
