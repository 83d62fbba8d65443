#!/usr/bin/env python3
"""Draws the HAX Lab icon (a causal attention map: window diagonal, sink column, a few
LSH-selected keys) as PNGs in several sizes. Pure standard library, so anyone can re-run it:
    python3 assets/make_icons.py"""
import os
import struct
import zlib

N = 256           # master size
CELLS = 8         # attention grid cells per side
BG = (24, 28, 40)
EMPTY = (44, 50, 68)
WINDOW = (86, 156, 214)
SINK = (64, 120, 180)
SELECTED = (245, 166, 35)
# (query row, key column) pairs picked by "HAX": far-away keys a window cannot reach.
PICKED = {(5, 2), (6, 3), (7, 1), (4, 1)}


def cell_colour(r, c):
    if c > r:
        return None                      # causal: no future keys
    if (r, c) in PICKED:
        return SELECTED
    if r - c <= 1:
        return WINDOW
    if c == 0:
        return SINK
    return EMPTY


def master():
    img = [[(0, 0, 0, 0)] * N for _ in range(N)]
    radius, margin = 44, 8
    pad, gap = 36, 4
    cell = (N - 2 * pad - (CELLS - 1) * gap) / CELLS
    for y in range(N):
        for x in range(N):
            # rounded-square background
            cx = min(max(x, margin + radius), N - 1 - margin - radius)
            cy = min(max(y, margin + radius), N - 1 - margin - radius)
            if (x - cx) ** 2 + (y - cy) ** 2 > radius ** 2:
                continue
            colour = BG
            gx, gy = (x - pad) / (cell + gap), (y - pad) / (cell + gap)
            if 0 <= gx < CELLS and 0 <= gy < CELLS:
                c, r = int(gx), int(gy)
                inside = (x - pad) - c * (cell + gap) < cell and (y - pad) - r * (cell + gap) < cell
                if inside and cell_colour(r, c) is not None:
                    colour = cell_colour(r, c)
            img[y][x] = colour + (255,)
    return img


def downsample(img, size):
    f = N // size
    out = []
    for y in range(size):
        row = []
        for x in range(size):
            acc = [0, 0, 0, 0]
            for dy in range(f):
                for dx in range(f):
                    p = img[y * f + dy][x * f + dx]
                    a = p[3]
                    acc[0] += p[0] * a
                    acc[1] += p[1] * a
                    acc[2] += p[2] * a
                    acc[3] += a
            a = acc[3]
            row.append((acc[0] // a, acc[1] // a, acc[2] // a, a // (f * f)) if a else (0, 0, 0, 0))
        out.append(row)
    return out


def write_png(path, img):
    size = len(img)
    raw = b"".join(b"\x00" + b"".join(struct.pack("4B", *p) for p in row) for row in img)

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    big = master()
    for s in (16, 32, 64, 128, 256):
        write_png(os.path.join(here, "icon-%d.png" % s), big if s == N else downsample(big, s))
