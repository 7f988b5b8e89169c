/**
 * The only host APIs `shared/` may use beyond ECMAScript: the WHATWG Encoding API, which Node, Electron,
 * browsers and workers all provide. Declared here because `shared/` compiles without DOM or Node types.
 * This file is included only by shared/tsconfig.json; the other projects get the same names from their libs.
 */
/* eslint-disable no-var -- ambient globals are declared with var, as lib.dom.d.ts does */
interface TextDecoderOptions { fatal?: boolean; ignoreBOM?: boolean }
interface TextDecodeOptions { stream?: boolean }
interface TextDecoder {
  readonly encoding: string;
  decode(input?: Uint8Array, options?: TextDecodeOptions): string;
}
declare var TextDecoder: { prototype: TextDecoder; new (label?: string, options?: TextDecoderOptions): TextDecoder };
interface TextEncoder { encode(input?: string): Uint8Array }
declare var TextEncoder: { prototype: TextEncoder; new (): TextEncoder };
