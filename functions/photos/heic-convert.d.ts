/** heic-convert ships no types: the one call used here. */
declare module 'heic-convert' {
  export default function convert(options: {
    buffer: Buffer | ArrayBufferLike;
    format: 'JPEG' | 'PNG';
    quality?: number;
  }): Promise<ArrayBuffer>;
}
