#!/usr/bin/env python3
"""Per-step cost, in 2-core seconds (process CPU time / 2, robust on a shared machine), of the baseline VAE
(bench/torch_vae.py at 64 px, batch 64) and of the two-stage autoencoder / GAN steps (batch 32).
Usage: /usr/bin/python3 bench_speed.py"""
import os, sys, time
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "bench"))
from torch_vae import Vae
from twostage import *

torch.set_num_threads(2); torch.set_num_interop_threads(1)


def bench(name, fn, n=6):
    fn(); fn()
    c = time.process_time()
    for _ in range(n):
        fn()
    print(f"{name}: {500 * (time.process_time() - c) / n:.0f} ms per step (2-core)", flush=True)


x = torch.rand(64, 3, 64, 64).contiguous(memory_format=CL)
vae = Vae(64).to(memory_format=CL); o = torch.optim.Adam(vae.parameters())
def vstep():
    h = vae.enc(x); l = F.binary_cross_entropy_with_logits(vae.decode(h[:, :32]), x); o.zero_grad(); l.backward(); o.step()
bench("baseline VAE 64px b64", vstep)
ech, dch, res, top = PRESETS["m"]
e, d, D = Encoder(64, ech).to(memory_format=CL), Decoder(64, dch, res, top).to(memory_format=CL), PatchD(64).to(memory_format=CL)
o2 = torch.optim.Adam(list(e.parameters()) + list(d.parameters())); od = torch.optim.Adam(D.parameters())
xb = x[:32]
def s():
    y = d(e(xb)); l = (y - xb).abs().mean() + grad_loss(y, xb); o2.zero_grad(); l.backward(); o2.step()
bench("two-stage AE b32", s)
def g():
    with torch.no_grad(): z = e(xb)
    fake = torch.cat([d(z), d(z.flip(0))])
    dl = F.relu(1 - D(diff_augment(xb))).mean() + F.relu(1 + D(diff_augment(fake.detach()))).mean()
    od.zero_grad(); dl.backward(); od.step()
    gl = (fake[:32] - xb).abs().mean() + grad_loss(fake[:32], xb) - 0.1 * D(diff_augment(fake)).mean()
    o2.zero_grad(); gl.backward(); o2.step()
bench("two-stage GAN b32 (+32 mixed)", g)
