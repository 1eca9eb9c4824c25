import type { Site } from './types.js';

/** The picture shown when a page is shared (`og:image`): templates/assets/social.png, or social.<tag>.png for one language. */
export const SOCIAL_IMAGE = 'social.png';

export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's header (its first chunk, IHDR); undefined when the bytes are not a PNG. */
export function pngSize(base64: string): ImageSize | undefined {
  const bytes = Buffer.from(base64.slice(0, 44), 'base64');
  if (bytes.length < 24 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b) || bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  return width > 0 && height > 0 ? { width, height } : undefined;
}

/** Whether an asset name is a social image, the common one or one language's. */
export const isSocialImage = (name: string) => name === SOCIAL_IMAGE || /^social\.[A-Za-z0-9-]+\.png$/.test(name);

/** The asset name of the social image of pages in `lang`, if the site has one. */
export function socialImageOf(site: Site, lang: string): string | undefined {
  const own = `social.${lang}.png`;
  if (own in site.binaryAssets) return own;
  return SOCIAL_IMAGE in site.binaryAssets ? SOCIAL_IMAGE : undefined;
}
