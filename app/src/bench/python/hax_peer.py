#!/usr/bin/env python3
"""PyTorch-eager peer of HAX Lab's synthetic model, for the training-step benchmark (docs/BENCHMARKS.md).

The same model as HAX Lab's Java/DJL implementation (docs/SPEC.md §2-3): embedding,
`layers` pre-norm residual blocks with a Mamba-1 or Mamba-2 mixer and an optional sparse-attention
branch, final RMSNorm, tied head; loss = masked CE + 0.1 * KS ranking loss; AdamW. The scans use the
same chunked formulations as the Java code (an eager per-token loop would be an unfair peer). The
sparse branch uses the paper's reference approach, a dense L x L mask: HAX Lab's own dense path.

Prints one JSON line: {"backbone", "pattern", "batch", "length", "ms_median", "tokens_per_s", ...}.
Run: python3 hax_peer.py --backbone mamba2 --pattern hax --batch 8 --length 1057 --steps 5
"""
import argparse
import json
import math
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def causal_conv(x, weight, bias):
    """Depthwise causal conv as shifted multiply-adds. x (B, L, C), weight (C, K)."""
    k = weight.shape[1]
    xp = F.pad(x, (0, 0, k - 1, 0))
    length = x.shape[1]
    out = bias
    for t in range(k):
        out = out + xp[:, t:t + length, :] * weight[:, t]
    return out


def inverse_softplus_dt(n, dt_min=0.001, dt_max=0.1):
    """Mamba's dt bias init: softplus(bias) log-uniform in [dt_min, dt_max]."""
    dt = torch.exp(torch.rand(n) * (math.log(dt_max) - math.log(dt_min)) + math.log(dt_min))
    return dt + torch.log(-torch.expm1(-dt))


class RMSNorm(nn.Module):
    def __init__(self, d, eps=1e-5):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(d))
        self.eps = eps

    def forward(self, x):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps) * self.weight


def scan_mamba1(x, dt, a, b, c):
    """h_t = exp(dt_t A) h_{t-1} + dt_t B_t x_t, y_t = C_t h_t; adaptive chunks (stable in float32)."""
    bsz, length, d = x.shape
    n = a.shape[1]
    log_a = dt.unsqueeze(-1) * a  # (B, L, D, N), <= 0
    worst = float(-log_a.min())
    t_chunk = max(1, min(length, int(60.0 / max(worst, 1e-6))))
    u = (dt * x).unsqueeze(-1) * b.unsqueeze(2)  # (B, L, D, N)
    h = x.new_zeros(bsz, d, n)
    ys = []
    # split, not slicing in a loop: each slice's backward would allocate a full-size gradient
    for la_c, u_c, c_c in zip(log_a.split(t_chunk, 1), u.split(t_chunk, 1), c.split(t_chunk, 1)):
        seg = torch.cumsum(la_c, dim=1)
        acc = torch.cumsum(torch.exp(-seg) * u_c, dim=1)
        hs = torch.exp(seg) * (h.unsqueeze(1) + acc)
        ys.append(torch.einsum('bldn,bln->bld', hs, c_c))
        h = hs[:, -1]
    return torch.cat(ys, dim=1)


def segsum(x):
    """x (..., T) -> (..., T, T) with out[i, j] = sum_{j < t <= i} x_t, -inf above the diagonal."""
    t = x.shape[-1]
    cs = torch.cumsum(x, dim=-1)
    out = cs.unsqueeze(-1) - cs.unsqueeze(-2)
    mask = torch.tril(torch.ones(t, t, dtype=torch.bool, device=x.device))
    return out.masked_fill(~mask, float('-inf'))


def scan_mamba2(x, dt, a, b, c, chunk=64):
    """SSD: scalar decay per head. x (B, L, H, P), dt (B, L, H), a (H), b/c (B, L, N)."""
    bsz, length, nh, p = x.shape
    pad = (-length) % chunk
    if pad:
        x = F.pad(x, (0, 0, 0, 0, 0, pad))
        dt = F.pad(dt, (0, 0, 0, pad))
        b = F.pad(b, (0, 0, 0, pad))
        c = F.pad(c, (0, 0, 0, pad))
    nc = x.shape[1] // chunk
    xa = (x * dt.unsqueeze(-1)).reshape(bsz, nc, chunk, nh, p)
    la = (dt * a).reshape(bsz, nc, chunk, nh).permute(0, 3, 1, 2)  # (B, H, C, T)
    b = b.reshape(bsz, nc, chunk, -1)
    c = c.reshape(bsz, nc, chunk, -1)
    cum = torch.cumsum(la, dim=-1)
    lmat = torch.exp(segsum(la))  # (B, H, C, T, T)
    y_diag = torch.einsum('bcln,bcsn,bhcls,bcshp->bclhp', c, b, lmat, xa)
    decay_states = torch.exp(cum[..., -1:] - cum)
    states = torch.einsum('bcln,bhcl,bclhp->bchpn', b, decay_states, xa)
    states = torch.cat([torch.zeros_like(states[:, :1]), states], dim=1)
    decay_chunk = torch.exp(segsum(F.pad(cum[..., -1], (1, 0))))
    new_states = torch.einsum('bhzc,bchpn->bzhpn', decay_chunk, states)
    states = new_states[:, :-1]
    out_decay = torch.exp(cum)
    y_off = torch.einsum('bcln,bchpn,bhcl->bclhp', c, states, out_decay)
    y = (y_diag + y_off).reshape(bsz, nc * chunk, nh, p)
    return y[:, :length]


class SparseBranch(nn.Module):
    """Spec §3 with the dense-mask path: K, Q = split(x W_xx), V = x, O = softmax(QK^T | S) V, E * O."""

    def __init__(self, pattern, d_inner, n, k=64, bits=8, max_len=2048):
        super().__init__()
        self.pattern, self.n, self.bits = pattern, n, bits
        parts = {'full': 1, 'sw': 1, 'a': 2, 'd': 1, 'swd': 2, 'lsh': 1, 'ks': 1, 'hax': 2}[pattern]
        self.kc = k // parts
        self.r = max_len // self.kc
        self.w_xx = nn.Linear(d_inner, 2 * n, bias=False)
        self.gate = nn.Parameter(torch.ones(d_inner))
        if pattern in ('ks', 'hax'):
            self.scorer = nn.Sequential(nn.Linear(2 * n, 2 * n), nn.ReLU(), nn.Linear(2 * n, 2 * n), nn.ReLU(),
                                        nn.Linear(2 * n, 1))

    def forward(self, x):
        bsz, length, _ = x.shape
        kq = self.w_xx(x)
        key, query = kq[..., :self.n] / math.sqrt(self.n), kq[..., self.n:]
        i = torch.arange(length, device=x.device)
        causal = i.unsqueeze(1) >= i.unsqueeze(0)
        dist = i.unsqueeze(1) - i.unsqueeze(0)
        p = self.pattern
        mask = torch.zeros(bsz, length, length, dtype=torch.bool, device=x.device)
        gate_loss = x.new_zeros(())
        if p == 'full':
            mask |= causal
        if p == 'sw':
            mask |= causal & (dist < self.kc)
        if p in ('a',):
            mask |= causal & ((dist < self.kc) | (i.unsqueeze(0) < self.kc))
        if p in ('swd',):
            mask |= causal & (dist < self.kc)
        if p in ('d', 'swd'):
            mask |= causal & ((i % self.r) == self.r - 1).unsqueeze(0)
        if p in ('lsh', 'hax'):
            with torch.no_grad():
                def norm(v):  # causal variant: prefix mean, per-token normalisation
                    mean = torch.cumsum(v, 1) / (i + 1).view(1, -1, 1)
                    v = v - mean
                    return v / v.norm(dim=-1, keepdim=True).clamp_min(1e-6)
                proj = torch.randn(self.n, self.bits, device=x.device)
                weights = 2 ** torch.arange(self.bits, device=x.device)
                qb = ((norm(query) @ proj > 0).long() * weights).sum(-1)
                kb = ((norm(key) @ proj > 0).long() * weights).sum(-1)
                same = (qb.unsqueeze(2) == kb.unsqueeze(1)) & causal
                recent = torch.flip(torch.cumsum(torch.flip(same.int(), [2]), 2), [2])
                mask |= same & (recent <= self.kc)
        if p in ('ks', 'hax'):
            qsum = torch.cumsum(query.detach(), 1)
            feats = torch.cat([key.detach(), qsum / qsum.norm(dim=-1, keepdim=True).clamp_min(1e-6)], -1)
            score = self.scorer(feats).squeeze(-1)
            with torch.no_grad():
                s = score.detach()
                greater = (s.unsqueeze(1) > s.unsqueeze(2)) | ((s.unsqueeze(1) == s.unsqueeze(2))
                                                               & (i.view(1, 1, -1) < i.view(1, -1, 1)))
                # rank[b, i, j]: keys j' <= i that beat key j
                rank = torch.cumsum(greater.transpose(1, 2).int(), 1)
                mask |= causal & (rank < self.kc)
                # k_c distinct random keys, as the Java KeyScorer.pickKeys (no pad tokens in the benchmark)
                pick = torch.randperm(length, device=x.device)[:self.kc]
                # y_j = sum over queries i >= j of sigmoid(Q_i . K_j) (spec §3), as the Java KeyScorer.rankingLoss
                y = torch.sigmoid(query @ key.transpose(1, 2)) * causal.unsqueeze(0)  # [b, i, j], i >= j
                target_y = y.sum(1)[:, pick]
            xs = score[:, pick]
            diff = xs.unsqueeze(2) - xs.unsqueeze(1)
            lab = ((target_y.unsqueeze(2) > target_y.unsqueeze(1)).float()
                   + (target_y.unsqueeze(2) >= target_y.unsqueeze(1)).float()) / 2
            # averaged over ordered pairs a != b, as the Java KeyScorer.rankingLoss
            off = ~torch.eye(xs.shape[1], dtype=torch.bool, device=x.device).unsqueeze(0).expand_as(diff)
            gate_loss = F.binary_cross_entropy_with_logits(diff[off], lab[off])
        scores = query @ key.transpose(1, 2)
        scores = scores.masked_fill(~mask, float('-inf'))
        w = torch.softmax(scores, -1).nan_to_num(0.0)  # empty rows read nothing
        return self.gate * (w @ x), gate_loss


class Mixer(nn.Module):
    def __init__(self, backbone, pattern, d_model=64, expand=2, n=None, dt_rank=8, heads=8):
        super().__init__()
        self.backbone = backbone
        d = d_model * expand
        self.d, self.heads = d, heads
        self.n = n or (16 if backbone == 'mamba1' else 32)
        if backbone == 'mamba1':
            self.in_proj = nn.Linear(d_model, 2 * d, bias=False)
            self.conv_w = nn.Parameter(torch.randn(d, 4) * 0.5)
            self.conv_b = nn.Parameter(torch.zeros(d))
            self.x_proj = nn.Linear(d, dt_rank + 2 * self.n, bias=False)
            self.dt_proj = nn.Linear(dt_rank, d)
            nn.init.uniform_(self.dt_proj.weight, -dt_rank ** -0.5, dt_rank ** -0.5)
            with torch.no_grad():
                self.dt_proj.bias.copy_(inverse_softplus_dt(d))
            self.a_log = nn.Parameter(torch.log(torch.arange(1, self.n + 1).float()).repeat(d, 1))
            self.dt_rank = dt_rank
        else:
            conv_dim = d + 2 * self.n
            self.in_proj = nn.Linear(d_model, 2 * d + 2 * self.n + heads, bias=False)
            self.conv_w = nn.Parameter(torch.randn(conv_dim, 4) * 0.5)
            self.conv_b = nn.Parameter(torch.zeros(conv_dim))
            self.dt_bias = nn.Parameter(inverse_softplus_dt(heads))
            self.a_log = nn.Parameter(torch.log(torch.empty(heads).uniform_(1, 16)))
            self.norm = RMSNorm(d)
        self.d_skip = nn.Parameter(torch.ones(d if backbone == 'mamba1' else heads))
        self.out_proj = nn.Linear(d, d_model, bias=False)
        self.branch = SparseBranch(pattern, d, self.n) if pattern != 'ssm' else None

    def forward(self, h):
        if self.backbone == 'mamba1':
            x, z = self.in_proj(h).chunk(2, -1)
            x = F.silu(causal_conv(x, self.conv_w, self.conv_b))
            dbc = self.x_proj(x)
            dt, b, c = torch.split(dbc, [self.dt_rank, self.n, self.n], -1)
            dt = F.softplus(self.dt_proj(dt))
            y = scan_mamba1(x, dt, -torch.exp(self.a_log), b, c) + self.d_skip * x
        else:
            proj = self.in_proj(h)
            z, xbc, dt = torch.split(proj, [self.d, self.d + 2 * self.n, self.heads], -1)
            xbc = F.silu(causal_conv(xbc, self.conv_w, self.conv_b))
            x, b, c = torch.split(xbc, [self.d, self.n, self.n], -1)
            dt = F.softplus(dt + self.dt_bias)
            bsz, length, _ = x.shape
            xh = x.view(bsz, length, self.heads, -1)
            y = scan_mamba2(xh, dt, -torch.exp(self.a_log), b, c)
            y = (y + xh * self.d_skip.view(1, 1, -1, 1)).reshape(bsz, length, -1)
        gate_loss = h.new_zeros(())
        if self.branch is not None:
            o, gate_loss = self.branch(x)
            y = y + o
        if self.backbone == 'mamba1':
            return self.out_proj(y * F.silu(z)), gate_loss
        return self.out_proj(self.norm(y * F.silu(z))), gate_loss


class Model(nn.Module):
    def __init__(self, backbone, pattern, vocab=100, d_model=64, layers=2):
        super().__init__()
        self.embedding = nn.Embedding(vocab, d_model)
        self.norms = nn.ModuleList([RMSNorm(d_model) for _ in range(layers)])
        self.mixers = nn.ModuleList([Mixer(backbone, pattern, d_model) for _ in range(layers)])
        self.norm_f = RMSNorm(d_model)

    def forward(self, tokens):
        h = self.embedding(tokens)
        gate = h.new_zeros(())
        for norm, mixer in zip(self.norms, self.mixers):
            out, g = mixer(norm(h))
            h = h + out
            gate = gate + g
        return self.norm_f(h) @ self.embedding.weight.T, gate


def warming(done, warmup, elapsed_seconds, warmup_seconds):
    """The warm-up rule of HAX Lab's bench (Timer.warming): another untimed step while fewer than `warmup` ran
    or less than `warmup_seconds` passed."""
    return done < warmup or elapsed_seconds < warmup_seconds


def matmul_gflops(dev, n=512, repeats=10):
    """Best of `repeats` float32 n x n products, GFLOP/s, on the CPU only (None on a GPU): HAX Lab compares it
    with its own libtorch's to tell a fair peer from one on a reference BLAS (Debian without libopenblas0-pthread)."""
    if dev.type != 'cpu':
        return None
    a, b = torch.randn(n, n), torch.randn(n, n)
    torch.mm(a, b)
    best = float('inf')
    for _ in range(repeats):
        t0 = time.perf_counter()
        torch.mm(a, b)
        best = min(best, time.perf_counter() - t0)
    return round(2 * n ** 3 / best / 1e9, 2)


MATMUL_GFLOPS = {}


def run_one(backbone, pattern, batch, length, warmup, steps, dev, warmup_seconds=0.0):
    """Times `steps` training steps of one model after a warm-up of at least `warmup` steps and
    `warmup_seconds` seconds; returns its JSON result line."""
    torch.manual_seed(0)
    model = Model(backbone, pattern).to(dev)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, betas=(0.9, 0.999), weight_decay=0.01)
    tokens = torch.randint(10, 58, (batch, length), device=dev)
    targets = torch.randint(10, 26, (batch, length), device=dev)
    loss_mask = (torch.rand(batch, length, device=dev) < 0.25).float()

    def step():
        """One training step, finished on the device; its wall time in ms."""
        if dev.type == 'cuda':
            torch.cuda.synchronize()
        t0 = time.perf_counter()
        logits, gate = model(tokens)
        ce = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), targets.reshape(-1), reduction='none')
        loss = (ce * loss_mask.reshape(-1)).sum() / loss_mask.sum() + 0.1 * gate
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        if dev.type == 'cuda':
            torch.cuda.synchronize()
        return (time.perf_counter() - t0) * 1000

    warmed = 0
    start = time.perf_counter()
    while warming(warmed, warmup, time.perf_counter() - start, warmup_seconds):
        step()
        warmed += 1
    times = [step() for _ in range(steps)]
    med = statistics.median(times)
    return json.dumps({'impl': 'pytorch-eager', 'torch': torch.__version__, 'threads': torch.get_num_threads(),
                       'device': str(dev), 'backbone': backbone, 'pattern': pattern, 'batch': batch,
                       'length': length, 'ms_median': round(med, 2), 'ms_min': round(min(times), 2),
                       'ms_max': round(max(times), 2), 'warmup_steps': warmed,
                       'matmul_gflops': MATMUL_GFLOPS.setdefault(str(dev), matmul_gflops(dev)),
                       'tokens_per_s': round(batch * length / (med / 1000), 1)})


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--backbone', default='mamba2', choices=['mamba1', 'mamba2'])
    ap.add_argument('--pattern', default='hax')
    ap.add_argument('--batch', type=int, default=8)
    ap.add_argument('--length', type=int, default=1057)
    ap.add_argument('--steps', type=int, default=5)
    ap.add_argument('--warmup', type=int, default=2, help='untimed steps first, at least')
    ap.add_argument('--warmup-seconds', type=float, default=0.0,
                    help='and warm up for at least this long (HAX Lab\'s bench passes its --warmup-seconds)')
    ap.add_argument('--threads', type=int, default=0)
    ap.add_argument('--device', default='cpu')
    ap.add_argument('--configs', default='',
                    help='backbone:pattern:batch[,...]: time every listed model in this one process (one JSON'
                         ' line each, in order; start-up and CUDA initialisation are paid once)')
    a = ap.parse_args()
    if a.threads:
        torch.set_num_threads(a.threads)
    dev = torch.device(a.device)
    if a.configs:
        for c in a.configs.split(','):
            parts = c.split(':')
            if len(parts) != 3 or parts[0] not in ('mamba1', 'mamba2'):
                raise SystemExit('bad --configs entry %r: expected backbone:pattern:batch' % c)
            print(run_one(parts[0], parts[1], int(parts[2]), a.length, a.warmup, a.steps, dev, a.warmup_seconds),
                  flush=True)
    else:
        print(run_one(a.backbone, a.pattern, a.batch, a.length, a.warmup, a.steps, dev, a.warmup_seconds))


if __name__ == '__main__':
    main()
