/**
 * Draws the add-in's icons (assets/icon-16.png … icon-128.png): a white "BTU" monogram over a
 * ledger rule on a green rounded square. Written as plain PNG with zlib, so no image tool or
 * download is needed; shapes are sampled 8×8 times per pixel for smooth edges at every size.
 *
 *   npx tsx scripts/make-icons.ts
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

type Rgb = readonly [number, number, number];
const BACKGROUND: Rgb = [0x0f, 0x5c, 0x4d];
const LETTERS: Rgb = [0xff, 0xff, 0xff];
const RULE: Rgb = [0x8f, 0xd6, 0xb8];

/** A shape in unit coordinates (0..1 across the icon, y downwards). */
type Shape = (x: number, y: number) => boolean;

const rect =
  (x0: number, y0: number, x1: number, y1: number): Shape =>
  (x, y) =>
    x >= x0 && x < x1 && y >= y0 && y < y1;

function roundedSquare(radius: number): Shape {
  return (x, y) => {
    const dx = Math.max(radius - x, 0, x - (1 - radius));
    const dy = Math.max(radius - y, 0, y - (1 - radius));
    return dx * dx + dy * dy <= radius * radius;
  };
}

/** Block letters B, T, U side by side: strokes of one width, the B's bowls with clipped corners. */
function monogram(): Shape {
  const top = 0.24;
  const bottom = 0.68;
  const middle = (top + bottom) / 2;
  const stroke = 0.075;
  const width = 0.2;
  const gap = 0.055;
  const left = (1 - 3 * width - 2 * gap) / 2;
  const bx = left;
  const tx = left + width + gap;
  const ux = tx + width + gap;
  const notch = stroke * 0.9;
  const b: Shape[] = [
    rect(bx, top, bx + stroke, bottom),
    rect(bx, top, bx + width - notch, top + stroke),
    rect(bx, middle - stroke / 2, bx + width - notch, middle + stroke / 2),
    rect(bx, bottom - stroke, bx + width - notch, bottom),
    rect(bx + width - stroke, top + notch, bx + width, middle - stroke / 2 + 0.01),
    rect(bx + width - stroke, middle + stroke / 2 - 0.01, bx + width, bottom - notch),
  ];
  const t: Shape[] = [
    rect(tx, top, tx + width, top + stroke),
    rect(tx + (width - stroke) / 2, top, tx + (width + stroke) / 2, bottom),
  ];
  const u: Shape[] = [
    rect(ux, top, ux + stroke, bottom),
    rect(ux + width - stroke, top, ux + width, bottom),
    rect(ux, bottom - stroke, ux + width, bottom),
  ];
  const parts = [...b, ...t, ...u];
  return (x, y) => parts.some((part) => part(x, y));
}

function draw(size: number): Buffer {
  const square = roundedSquare(0.18);
  const letters = monogram();
  const rule = rect(0.16, 0.76, 0.84, 0.81);
  const samples = 8;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let covered = 0;
      const color = [0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (!square(x, y)) continue;
          const ink = letters(x, y) ? LETTERS : rule(x, y) ? RULE : BACKGROUND;
          covered++;
          for (let c = 0; c < 3; c++) color[c] += ink[c];
        }
      }
      const at = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) pixels[at + c] = covered ? Math.round(color[c] / covered) : 0;
      pixels[at + 3] = Math.round((255 * covered) / (samples * samples));
    }
  }
  return encodePng(size, size, pixels);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An 8-bit RGBA PNG; each scanline gets filter type 0 (none). */
function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++)
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

if (require.main === module) {
  const folder = path.join(__dirname, "..", "assets");
  fs.mkdirSync(folder, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = path.join(folder, `icon-${size}.png`);
    fs.writeFileSync(file, draw(size));
    console.log(`${path.relative(process.cwd(), file)}  ${size}×${size}`);
  }
}
