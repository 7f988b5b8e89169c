/**
 * en.garble's repairs by spoken frequency (shared/detect/rules/en-garble-context.ts). The rule examples run
 * with the bare word-list package, which has no counts, so these tests give a small list written the way
 * electron/build/build-english-words.mjs writes it (`word<TAB>SUBTLEX count`).
 */
import { describe, expect, it } from 'vitest';
import { enGarble } from '../../shared/detect/rules/en-garble';
import { createEnglishWords } from '../../shared/lexicon/english';
import { RESOURCE } from '../../shared/lexicon/types';
import { bareResources } from '../detect/resources';
import { runOn } from '../detect/run-example';

const LIST: Record<string, number> = {
  area: 3821, are: 265672, aura: 93, box: 4577, click: 327, mabe: 0, maybe: 47249, page: 1912, paper: 5271,
  paperclip: 2, paperclips: 3, possible: 6000, we: 459607, webpage: 4, white: 8744, wite: 5, write: 6467,
  function: 300, reward: 500, fa: 95, famous: 2296, mat: 178, matt: 1604, super: 2000, intelligence: 700,
  superintelligence: 1,
};

function words(): ReturnType<typeof createEnglishWords> {
  const text = Object.keys(LIST).sort().map((w) => (LIST[w] ? `${w}\t${LIST[w]}` : w)).join('\n');
  return createEnglishWords(text);
}

function run(text: string): { flagged: string[]; out: string } {
  const resources = bareResources();
  resources[RESOURCE.enWords] = words();
  const r = runOn(text, [enGarble], resources, 'thorough');
  return { flagged: r.flagged, out: r.clean };
}

describe('en.garble with spoken frequencies', () => {
  it('repairs a rare list word beside a far more frequent one (mabe → maybe)', () => {
    expect(run('感觉得到非常so觉得说mabe possible。').out).toContain('maybe possible');
  });
  it('repairs an unknown three-letter word inside Chinese (ara → area)', () => {
    expect(run('这是一个very interesting的ara。').out).toContain('的area。');
  });
  it('leaves a rare word alone when two frequent words are equally near (wite: white or write)', () => {
    expect(run('我们只是经过一个wite box和他交流').flagged).toEqual([]);
  });
  it('leaves a frequent short word alone (mat, fa)', () => {
    expect(run('也特别想抛给mat嗯，有个很fa的例子').flagged).toEqual([]);
  });
  it('leaves rare words in English sentences alone', () => {
    expect(run('we could say mabe possible here').flagged).toEqual([]);
  });
  it('joins a word heard as two inside Chinese (we page → webpage, paper click → paperclip)', () => {
    const r = run('是哪个we page上面，叫做paper click的 problem');
    expect(r.flagged).toEqual(['we page', 'paper click']);
    expect(r.out).toContain('webpage上面');
    expect(r.out).toContain('paperclip的');
  });
  it('keeps two words that join exactly, and pairs that join into no word', () => {
    expect(run('这就是super intelligence的问题，用reward function来推动').flagged).toEqual([]);
  });
  it('never joins two words inside an English sentence', () => {
    expect(run('when we page the doctor').flagged).toEqual([]);
  });
});
