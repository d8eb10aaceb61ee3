#!/usr/bin/env python3
"""The two-stage model in PyTorch, each phase stepped the way research/twostage/twostage.py trains it (the design
`margins train --model two-stage` ports), timed the way `margins bench --model two-stage` times Margins: `warmup`
untimed steps, then `steps` timed ones, wall clock, per phase. Batches: 32 images (autoencoder, adversarial, which
also decodes 32 mixed codes), 256 codes (flow). Prints one JSON line with the same field names as Margins' bench.
"""
import argparse
import json
import os
import resource
import sys
import time

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "research", "twostage"))
from twostage import CL, PRESETS, Decoder, Encoder, FlowMLP, PatchD, diff_augment, grad_loss, sphere  # noqa: E402

STANDARD = (1500, 300, 2000)  # autoencoder, adversarial, flow steps of the standard preset


def synthetic(n, size, seed=42):
    """Coloured discs on white, like Margins' bench: images with edges."""
    g = torch.Generator().manual_seed(seed)
    yy, xx = torch.meshgrid(torch.arange(size), torch.arange(size), indexing="ij")
    out = torch.ones(n, 3, size, size)
    for i in range(n):
        cx, cy = torch.randint(size, (2,), generator=g).tolist()
        r = 2 + int(torch.randint(size // 3, (1,), generator=g))
        inside = (xx - cx) ** 2 + (yy - cy) ** 2 < r * r
        out[i, :, inside] = torch.rand(3, 1, generator=g)
    return out


def timed(step, warmup, steps):
    for i in range(warmup):
        step(i)
    t = time.perf_counter()
    for i in range(steps):
        step(warmup + i)
    return time.perf_counter() - t


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--size", type=int, default=64)
    p.add_argument("--steps", type=int, default=30)
    p.add_argument("--warmup", type=int, default=10)
    p.add_argument("--threads", type=int, default=2)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    data = synthetic(512, a.size).contiguous(memory_format=CL)
    ech, dch, res, top = PRESETS["m"]
    enc, dec = Encoder(64, ech).to(memory_format=CL), Decoder(64, dch, res, top).to(memory_format=CL)
    disc = PatchD(a.size).to(memory_format=CL)
    flow = FlowMLP(64)
    params = list(enc.parameters()) + list(dec.parameters())
    opt = torch.optim.Adam(params, lr=1e-3)
    n = a.warmup + a.steps

    def batch(k):
        xb = data[torch.randint(len(data), (k,))]
        m = torch.rand(k) < 0.5
        xb[m] = xb[m].flip(-1)
        return xb

    def ae_step(it):
        xb = batch(32)
        z = enc(xb)
        y = dec(z + 0.2 * torch.randn_like(z))
        loss = (y - xb).abs().mean() + grad_loss(y, xb)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 10.0)
        for g in opt.param_groups:
            g["lr"] = 1e-3 * min(1.0, (1 - it / n) / 0.3)
        opt.step()

    od = torch.optim.Adam(disc.parameters(), lr=2e-4, betas=(0.5, 0.99))
    og = torch.optim.Adam(dec.parameters(), lr=2e-4, betas=(0.5, 0.99))

    def gan_step(it):
        xb = batch(32)
        with torch.no_grad():
            z = enc(xb)
            lam = torch.rand(len(z), 1) * 0.5
            zm = sphere((1 - lam) * z + lam * z[torch.randperm(len(z))])
        y = dec(z + 0.2 * torch.randn_like(z))
        fake = torch.cat([y, dec(zm)])
        dl = F.relu(1 - disc(diff_augment(xb))).mean() + F.relu(1 + disc(diff_augment(fake.detach()))).mean()
        od.zero_grad(set_to_none=True)
        dl.backward()
        od.step()
        gl = (y - xb).abs().mean() + grad_loss(y, xb) - 0.1 * disc(diff_augment(fake)).mean()
        og.zero_grad(set_to_none=True)
        gl.backward()
        og.step()

    with torch.no_grad():
        codes = enc(data)
    codes = (codes - codes.mean(0)) / (codes.std(0) + 1e-6)
    of = torch.optim.Adam(flow.parameters(), lr=1e-3)

    def flow_step(it):
        x1 = codes[torch.randint(len(codes), (256,))]
        x0 = torch.randn_like(x1)
        t = torch.rand(256)
        xt = (1 - t[:, None]) * x0 + t[:, None] * x1
        loss = (flow(xt, t) - (x1 - x0)).pow(2).mean()
        of.zero_grad(set_to_none=True)
        loss.backward()
        for g in of.param_groups:
            g["lr"] = 1e-3 * min(1.0, 2 * (1 - it / n))
        of.step()

    ae = a.steps * 32 / timed(ae_step, a.warmup, a.steps)
    gan = a.steps * 32 / timed(gan_step, a.warmup, a.steps)
    fl = a.steps * 256 / timed(flow_step, a.warmup, a.steps)
    standard = STANDARD[0] * 32 / ae + STANDARD[1] * 32 / gan + STANDARD[2] * 256 / fl
    count = lambda m: sum(q.numel() for q in m.parameters())  # noqa: E731
    print(json.dumps({"size": a.size, "aeImgPerSec": ae, "ganImgPerSec": gan, "flowCodesPerSec": fl,
                      "standardSeconds": standard, "parameters": [count(enc) + count(dec), count(disc), count(flow)],
                      "peakRssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0,
                      "convPath": "pytorch " + torch.__version__}))


if __name__ == "__main__":
    main()
