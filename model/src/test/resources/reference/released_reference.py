#!/usr/bin/env python3
"""Small numpy reference of the HAX Lab model under both variants, written from the rules of spec §3 and §5
(the released code's semantics for the paper variant, HAX Lab's causal rules for the causal one), not from
HAX Lab's Java code. It draws tiny random weights, runs whole batches in float64 and writes
released_fixtures.json, which ReleasedReferenceTest holds the Java model to.

Regenerate with:  python3 model/src/test/resources/reference/released_reference.py
(numpy only). Weight names and layouts are HAX Lab's (model/.../nn/package-info.java): Linear weights
(out, in), conv (C, K), W_xx (d_inner, 2N) applied as x @ W_xx, the KS MLP (in, out) applied as x @ W.
"""
import json
import math
import os

import numpy as np

PAD = 3
COMPONENTS = {"hax": ("lsh", "ks"), "lsh": ("lsh",), "ks": ("ks",)}
MASK64 = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15


class JavaRandom:
    """java.util.Random: the 48-bit LCG and the polar nextGaussian, so projections match the Java draws."""

    def __init__(self, seed):
        self.seed = (seed ^ 0x5DEECE66D) & ((1 << 48) - 1)
        self.next_gaussian = None

    def next_bits(self, bits):
        self.seed = (self.seed * 0x5DEECE66D + 0xB) & ((1 << 48) - 1)
        value = self.seed >> (48 - bits)
        return value - (1 << bits) if value >= 1 << (bits - 1) else value

    def next_double(self):
        hi = self.next_bits(26) & ((1 << 26) - 1)
        lo = self.next_bits(27) & ((1 << 27) - 1)
        return ((hi << 27) + lo) * (1.0 / (1 << 53))

    def gaussian(self):
        if self.next_gaussian is not None:
            g, self.next_gaussian = self.next_gaussian, None
            return g
        while True:
            v1 = 2 * self.next_double() - 1
            v2 = 2 * self.next_double() - 1
            s = v1 * v1 + v2 * v2
            if 0 < s < 1:
                break
        m = math.sqrt(-2 * math.log(s) / s)
        self.next_gaussian = v2 * m
        return v1 * m


def signed64(v):
    v &= MASK64
    return v - (1 << 64) if v >= 1 << 63 else v


def projection(seed, n, h):
    """N x h Gaussian projection as LshBuckets.projection draws it (float32)."""
    r = JavaRandom(signed64(seed))
    return np.array([r.gaussian() for _ in range(n * h)], dtype=np.float32).reshape(n, h)


def fresh_seed(pass_seed, layer):
    """The seed of a pass's fresh projection for a layer (SparseBranch.trainingSeed)."""
    return signed64(pass_seed * GOLDEN + 31 * layer + 17)


def fixed_seed(init_seed, layer):
    """The seed of a layer's fixed projection (HaxModel.redrawProjection(initSeed))."""
    return signed64(init_seed * GOLDEN + layer)


def silu(x):
    return x / (1 + np.exp(-x))


def softplus(x):
    return np.where(x > 20, x, np.log1p(np.exp(np.minimum(x, 20))))


def rms_norm(x, w, eps=1e-5):
    return x / np.sqrt((x * x).mean(-1, keepdims=True) + eps) * w


def causal_conv(x, w, b):
    """(B, L, C) depthwise causal conv, kernel K: out[t] = b + sum_k w[:, k] x[t - (K - 1) + k]."""
    k = w.shape[1]
    padded = np.concatenate([np.zeros((x.shape[0], k - 1, x.shape[2])), x], axis=1)
    out = np.zeros_like(x) + b
    for j in range(k):
        out += padded[:, j:j + x.shape[1], :] * w[:, j]
    return out


def l2_normalise(x, axis):
    return x / np.maximum(np.sqrt((x * x).sum(axis, keepdims=True)), 1e-12)


def lsh_bins(x, h, variant):
    """Sign-bit bins of (B, L, N) rows. paper: centre and normalise every channel along the sequence; causal:
    subtract the running prefix mean and normalise each token."""
    if variant == "paper":
        c = l2_normalise(x - x.mean(1, keepdims=True), axis=1)
    else:
        counts = np.arange(1, x.shape[1] + 1)[None, :, None]
        c = l2_normalise(x - np.cumsum(x, 1) / counts, axis=-1)
    proj = c @ h.astype(np.float64)
    return ((proj > 0) * (1 << np.arange(h.shape[1]))).sum(-1)


def ks_scores(q, k, w, variant):
    s = np.cumsum(q, 1)
    s = l2_normalise(s, axis=1 if variant == "paper" else -1)
    t = np.concatenate([k, s], -1)
    t = np.maximum(t @ w["ks.w1"] + w["ks.b1"], 0)
    t = np.maximum(t @ w["ks.w2"] + w["ks.b2"], 0)
    return (t @ w["ks.w3"] + w["ks.b3"])[..., 0]


def selection_mask(pattern, bins_q, bins_k, scores, kc):
    """(B, L, L) booleans: LSH keeps the kc most recent earlier same-bin keys, KS the kc best scores <= i."""
    bsz, length = (bins_q if bins_q is not None else scores).shape
    mask = np.zeros((bsz, length, length), dtype=bool)
    for b in range(bsz):
        for i in range(length):
            if "lsh" in COMPONENTS[pattern]:
                same = [j for j in range(i + 1) if bins_k[b, j] == bins_q[b, i]]
                for j in same[-kc:]:
                    mask[b, i, j] = True
            if "ks" in COMPONENTS[pattern]:
                order = sorted(range(i + 1), key=lambda j: -scores[b, j])
                for j in order[:kc]:
                    mask[b, i, j] = True
    return mask


def branch(x, w, pattern, variant, kc, h):
    n = w["w_xx"].shape[1] // 2
    kq = x @ w["w_xx"]
    k, q = kq[..., :n] / math.sqrt(n), kq[..., n:]
    bq = bk = sc = None
    if "lsh" in COMPONENTS[pattern]:
        bq, bk = lsh_bins(q, h, variant), lsh_bins(k, h, variant)
    if "ks" in COMPONENTS[pattern]:
        sc = ks_scores(q, k, w, variant)
    mask = selection_mask(pattern, bq, bk, sc, kc)
    s = q @ k.transpose(0, 2, 1)
    s = np.where(mask, s, -np.inf)
    empty = ~mask.any(-1)
    s = np.where(empty[..., None], 0.0, s)          # fully masked rows: handled below
    p = np.exp(s - s.max(-1, keepdims=True))
    p = p / p.sum(-1, keepdims=True)
    if variant == "paper":
        p = np.where(empty[..., None], 1.0 / x.shape[1], p)   # uniform over every position, future included
    else:
        p = np.where(empty[..., None], 0.0, p)                # nothing read
    o = p @ x
    return o * w["gate_e"], bq, bk, sc


def mamba1(hn, w, cfg, pad, variant, h):
    d_inner = w["D"].shape[0]
    xz = hn @ w["in_proj"].T
    x, z = xz[..., :d_inner], xz[..., d_inner:]
    zero = variant == "paper"
    if zero:
        x = x * pad[..., None]
    x = silu(causal_conv(x, w["conv_weight"], w["conv_bias"]))
    if zero:
        x = x * pad[..., None]
    r, n = cfg["dtRank"], cfg["dState"]
    dbc = x @ w["x_proj"].T
    dt = softplus(dbc[..., :r] @ w["dt_proj"].T + w["dt_bias"])
    bm, cm = dbc[..., r:r + n], dbc[..., r + n:]
    a = -np.exp(w["A_log"])
    state = np.zeros((x.shape[0], d_inner, n))
    ys = []
    for t in range(x.shape[1]):
        state = np.exp(dt[:, t, :, None] * a) * state + dt[:, t, :, None] * bm[:, t, None, :] * x[:, t, :, None]
        ys.append((state * cm[:, t, None, :]).sum(-1))
    y = np.stack(ys, 1) + x * w["D"]
    extra = None
    if "attn.w_xx" in w:
        o, bq, bk, sc = branch(x, {k[5:]: v for k, v in w.items() if k.startswith("attn.")},
                               cfg["pattern"], variant, cfg["kc"], h)
        y = y + o
        extra = (bq, bk, sc)
    return (y * silu(z)) @ w["out_proj"].T, extra


def mamba2(hn, w, cfg, pad, variant, h):
    d_inner, n, heads = w["norm"].shape[0], cfg["dState"], w["D"].shape[0]
    zero = variant == "paper"
    if zero:
        hn = hn * pad[..., None]
    proj = hn @ w["in_proj"].T
    z, xbc, dt_raw = proj[..., :d_inner], proj[..., d_inner:2 * d_inner + 2 * n], proj[..., 2 * d_inner + 2 * n:]
    xbc = silu(causal_conv(xbc, w["conv_weight"], w["conv_bias"]))
    if zero:
        xbc = xbc * pad[..., None]
    x, bm, cm = xbc[..., :d_inner], xbc[..., d_inner:d_inner + n], xbc[..., d_inner + n:]
    dt = softplus(dt_raw + w["dt_bias"])
    a = -np.exp(w["A_log"])
    p = d_inner // heads
    xh = x.reshape(x.shape[0], x.shape[1], heads, p)
    state = np.zeros((x.shape[0], heads, p, n))
    ys = []
    for t in range(x.shape[1]):
        decay = np.exp(dt[:, t] * a)[:, :, None, None]
        state = decay * state + dt[:, t, :, None, None] * xh[:, t, :, :, None] * bm[:, t, None, None, :]
        ys.append((state * cm[:, t, None, None, :]).sum(-1))
    y = (np.stack(ys, 1) + xh * w["D"][:, None]).reshape(x.shape)
    extra = None
    if "attn.w_xx" in w:
        o, bq, bk, sc = branch(x, {k[5:]: v for k, v in w.items() if k.startswith("attn.")},
                               cfg["pattern"], variant, cfg["kc"], h)
        y = y + o
        extra = (bq, bk, sc)
    return rms_norm(y * silu(z), w["norm"]) @ w["out_proj"].T, extra


def shapes(cfg):
    d, v, n, conv = cfg["dModel"], cfg["vocabSize"], cfg["dState"], cfg["convKernel"]
    di = d * cfg["expand"]
    out = [("embedding", (v, d))]
    for i in range(cfg["layers"]):
        p = "layers.%d." % i
        out.append((p + "norm", (d,)))
        m = p + "mixer."
        if cfg["backbone"] == "MAMBA1":
            r = cfg["dtRank"]
            out += [(m + "in_proj", (2 * di, d)), (m + "conv_weight", (di, conv)), (m + "conv_bias", (di,)),
                    (m + "x_proj", (r + 2 * n, di)), (m + "dt_proj", (di, r)), (m + "dt_bias", (di,)),
                    (m + "A_log", (di, n)), (m + "D", (di,)), (m + "out_proj", (d, di))]
        else:
            hd = cfg["heads"]
            out += [(m + "in_proj", (2 * di + 2 * n + hd, d)), (m + "conv_weight", (di + 2 * n, conv)),
                    (m + "conv_bias", (di + 2 * n,)), (m + "dt_bias", (hd,)), (m + "A_log", (hd,)), (m + "D", (hd,)),
                    (m + "norm", (di,)), (m + "out_proj", (d, di))]
        a = m + "attn."
        out += [(a + "w_xx", (di, 2 * n)), (a + "gate_e", (di,))]
        if "ks" in COMPONENTS[cfg["pattern"]]:
            out += [(a + "ks.w1", (2 * n, 2 * n)), (a + "ks.b1", (2 * n,)), (a + "ks.w2", (2 * n, 2 * n)),
                    (a + "ks.b2", (2 * n,)), (a + "ks.w3", (2 * n, 1)), (a + "ks.b3", (1,))]
    out.append(("norm_f", (d,)))
    return out


def draw_weights(cfg, rng):
    w = {}
    for name, shape in shapes(cfg):
        leaf = name.split(".")[-1]
        if leaf in ("norm", "norm_f", "D", "gate_e"):
            v = 1 + 0.1 * rng.standard_normal(shape)
        elif leaf == "A_log":
            v = np.log(rng.uniform(0.5, 4, shape))
        elif leaf == "dt_bias":
            v = rng.uniform(-4, -1, shape)
        else:
            v = 0.4 * rng.standard_normal(shape)
        w[name] = v.astype(np.float32)
    return w


def forward(cfg, w, tokens, variant, pass_seed):
    """Logits and per-layer (q bins, k bins, KS scores) of an evaluation pass. paper: fresh projections drawn
    from pass_seed; causal: the fixed projections of the init seed."""
    w64 = {k: v.astype(np.float64) for k, v in w.items()}
    pad = (tokens != PAD).astype(np.float64)
    hs = w64["embedding"][tokens]
    layers = []
    for i in range(cfg["layers"]):
        p = "layers.%d." % i
        mw = {k[len(p) + 6:]: v for k, v in w64.items() if k.startswith(p + "mixer.")}
        seed = fresh_seed(pass_seed, i) if variant == "paper" else fixed_seed(cfg["initSeed"], i)
        lsh = "lsh" in COMPONENTS[cfg["pattern"]]
        h = projection(seed, cfg["dState"], cfg["hashBits"]) if lsh else None
        mix = mamba1 if cfg["backbone"] == "MAMBA1" else mamba2
        out, extra = mix(rms_norm(hs, w64[p + "norm"]), mw, cfg, pad, variant, h)
        hs = hs + out
        bq, bk, sc = extra
        layers.append({"projection": None if h is None else h.reshape(-1).tolist(),
                       "qBins": None if bq is None else bq.tolist(), "kBins": None if bk is None else bk.tolist(),
                       "ksScores": None if sc is None else sc.tolist()})
    logits = rms_norm(hs, w64["norm_f"]) @ w64["embedding"].T
    return logits, layers


def sequence(contexts, keys, rng):
    """A joint-recall sequence of spec §1 (ids: BOS 1, SEP 4, value 10+v, key 26+k, context 42+c)."""
    table = rng.integers(0, 16, (contexts, keys))
    out = [1]
    for part in range(2):
        for c in rng.permutation(contexts):
            out.append(42 + int(c))
            for k in rng.permutation(keys):
                out += [26 + int(k), 10 + int(table[c, k])]
        if part == 0:
            out.append(4)
    return out


def rounded(values, digits):
    """Plain floats with `digits` significant digits (9 round-trips a float32 exactly)."""
    return [float("%.*g" % (digits, v)) for v in np.asarray(values, dtype=np.float64).reshape(-1)]


def main():
    rng = np.random.default_rng(20251207)
    models = []
    cases = []
    for backbone in ("MAMBA1", "MAMBA2"):
        for pattern in ("hax", "lsh"):
            cfg = {"backbone": backbone, "vocabSize": 60, "dModel": 8, "layers": 2, "expand": 2, "dState": 4,
                   "dtRank": 2, "heads": 4, "convKernel": 4, "initSeed": 11, "pattern": pattern,
                   "budget": 4 if pattern == "hax" else 2, "hashBits": 3}
            cfg["kc"] = 2
            w = draw_weights(cfg, rng)
            models.append({"config": cfg, "weights": {k: rounded(v, 9) for k, v in w.items()}})
            for padded in (True, False):
                if pattern == "lsh" and not padded:
                    continue
                full = [sequence(2, 2, rng), sequence(2, 2, rng)]
                if padded:
                    short = sequence(1, 2, rng)
                    full[1] = short + [PAD] * (len(full[0]) - len(short))
                tokens = np.array(full)
                for variant in ("paper", "causal"):
                    pass_seed = 4242
                    logits, layers = forward(cfg, w, tokens, variant, pass_seed)
                    for layer in layers:
                        if layer["ksScores"] is not None:
                            layer["ksScores"] = rounded(layer["ksScores"], 8)
                    cases.append({"name": "%s-%s-%s-%s" % (backbone.lower(), pattern, variant,
                                                          "padded" if padded else "unpadded"),
                                  "model": len(models) - 1, "variant": variant.upper(), "passSeed": pass_seed,
                                  "tokens": tokens.tolist(), "logits": rounded(logits, 8), "layers": layers})
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "released_fixtures.json")
    with open(path, "w") as f:
        json.dump({"generator": "released_reference.py", "models": models, "cases": cases}, f,
                  separators=(",", ":"))
    print("wrote %d cases to %s" % (len(cases), path))


if __name__ == "__main__":
    main()
