#!/usr/bin/env python3
"""The default Margins VAE in PyTorch, trained and decoded the way `margins bench` does, for a fair ratio.

Mirrors margins.network: 4x4 stride-2 convolutions down to 4x4 (channels width, 2*width, .. capped at
max_channels), a linear layer to mean and log-variance; a linear layer up, then nearest 2x upsampling and
3x3 convolutions, the last one straight to RGB logits. BCE-with-logits summed per image plus KL, Adam.
--subpixel computes each upsample-then-convolve the way Margins does (margins.network.UpConv): the same
function and parameters as one low-resolution convolution giving the four output phases, then depth-to-space.
Prints one JSON line: size, train_img_per_s, decode_img_per_s, decode_one_ms, peak_rss_mb.
"""
import argparse
import json
import resource
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


# TAPS[a][p][dy]: which kernel rows land on input row offset p - 1 for output row parity a.
TAPS = torch.tensor([[[1.0, 0, 0], [0, 1, 1], [0, 0, 0]], [[0.0, 0, 0], [1, 1, 0], [0, 0, 1]]])


class SubpixelUpConv(nn.Module):
    """Nearest 2x upsampling then a 3x3 convolution, without the upsampled map."""

    def __init__(self, c_in, c_out):
        super().__init__()
        self.conv = nn.Conv2d(c_in, c_out, 3, 1, 1)

    def forward(self, x):
        w = self.conv.weight  # (O, C, 3, 3)
        k = torch.einsum("aik,ockl,bjl->oabcij", TAPS, w, TAPS).reshape(-1, w.shape[1], 3, 3)
        y = F.conv2d(x, k, self.conv.bias.repeat_interleave(4), padding=1)  # (B, 4*O, H, W)
        b, _, h, wd = y.shape
        return y.view(b, -1, 2, 2, h, wd).permute(0, 1, 4, 2, 5, 3).reshape(b, -1, 2 * h, 2 * wd)


def up_conv(c_in, c_out, subpixel):
    if subpixel:
        return [SubpixelUpConv(c_in, c_out)]
    return [nn.Upsample(scale_factor=2, mode="nearest"), nn.Conv2d(c_in, c_out, 3, 1, 1)]


class Vae(nn.Module):
    def __init__(self, size, latent=32, width=32, max_channels=128, subpixel=False):
        super().__init__()
        self.stages = size.bit_length() - 1 - 2
        ch = lambda s: min(width << (s - 1), max_channels)
        enc, c_in = [], 3
        for s in range(1, self.stages + 1):
            enc += [nn.Conv2d(c_in, ch(s), 4, 2, 1), nn.LeakyReLU(0.2)]
            c_in = ch(s)
        self.enc = nn.Sequential(*enc, nn.Flatten(), nn.Linear(c_in * 16, 2 * latent))
        self.top = ch(self.stages)
        self.fc = nn.Linear(latent, self.top * 16)
        ups = []
        for s in range(self.stages, 1, -1):
            ups += up_conv(ch(s), ch(s - 1), subpixel) + [nn.LeakyReLU(0.2)]
        ups += up_conv(ch(1), 3, subpixel)
        self.dec = nn.Sequential(*ups)
        self.latent = latent

    def decode(self, z):
        h = F.leaky_relu(self.fc(z), 0.2).view(-1, self.top, 4, 4)
        return self.dec(h)

    def forward(self, x, eps):
        h = self.enc(x)
        mu, logvar = h[:, : self.latent], h[:, self.latent :].clamp(-12, 8)
        z = mu + torch.exp(0.5 * logvar) * eps
        logits = self.decode(z)
        b = x.shape[0]
        recon = F.binary_cross_entropy_with_logits(logits, x, reduction="sum") / b
        kl = 0.5 * (mu.pow(2) + logvar.exp() - logvar - 1).sum() / b
        return recon + 3.0 * kl


def synthetic(size, n, gen):
    # Coloured discs on white, like margins.bench.Speed's set.
    yy, xx = torch.meshgrid(torch.arange(size), torch.arange(size), indexing="ij")
    imgs = torch.ones(n, 3, size, size)
    for i in range(n):
        cx, cy = torch.randint(size, (2,), generator=gen)
        r = 2 + torch.randint(max(size // 3, 1), (1,), generator=gen)
        inside = (xx - cx) ** 2 + (yy - cy) ** 2 < r**2
        colour = torch.rand(3, generator=gen)
        for c in range(3):
            imgs[i, c][inside] = colour[c]
    return imgs


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--size", type=int, default=32)
    p.add_argument("--steps", type=int, default=100)
    p.add_argument("--warmup", type=int, default=10)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--subpixel", action="store_true")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.set_num_interop_threads(1)
    gen = torch.Generator().manual_seed(0)
    torch.manual_seed(0)
    data = synthetic(a.size, 512, gen)
    vae = Vae(a.size, subpixel=a.subpixel)
    opt = torch.optim.Adam(vae.parameters(), lr=1e-3)

    def step():
        idx = torch.randint(len(data), (64,), generator=gen)
        x = data[idx]
        eps = torch.randn(64, vae.latent, generator=gen)
        opt.zero_grad(set_to_none=True)
        loss = vae(x, eps)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(vae.parameters(), 100.0)
        opt.step()
        return loss.item()

    for _ in range(a.warmup):
        step()
    t0 = time.perf_counter()
    for _ in range(a.steps):
        step()
    train_rate = a.steps * 64 / (time.perf_counter() - t0)

    vae.eval()
    with torch.no_grad():
        z = torch.randn(64, vae.latent, generator=gen)
        for _ in range(3):
            torch.sigmoid(vae.decode(z))
        t0 = time.perf_counter()
        for _ in range(20):
            torch.sigmoid(vae.decode(z))
        decode_rate = 20 * 64 / (time.perf_counter() - t0)
        one, times = z[:1], []
        for _ in range(200):
            s = time.perf_counter()
            torch.sigmoid(vae.decode(one))
            times.append((time.perf_counter() - s) * 1000)
    times.sort()
    print(json.dumps({
        "size": a.size,
        "trainImgPerSec": train_rate,
        "decodeImgPerSec": decode_rate,
        "decodeOneMs": times[len(times) // 2],
        "peakRssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0,
    }))


if __name__ == "__main__":
    main()
