#!/usr/bin/env python3
"""Two-stage generative model for Margins (research prototype, PyTorch CPU, 2 threads; see NOTES.md).

Stage 1a: an autoencoder trained for sharpness: L1 + multi-scale gradient L1, codes RMS-normalised to the sphere
of radius sqrt(latent) and decoded with Gaussian noise added (so the decoder is smooth around and between codes).
Stage 1b: a short adversarial fine-tune of the decoder only (patch discriminator, hinge loss, DiffAugment; fakes
are reconstructions and decodes of mixed codes); the encoder is frozen, so the codes do not move.
Stage 2: conditional flow matching over the standardised codes (MLP 3x512, Heun ODE); psi scales the base noise.
A fixed 3x3 unsharp mask is applied to decoded images (--unsharp, 0 = off). A GMM over codes is the baseline.

  /usr/bin/python3 twostage.py --data DIR --out /tmp/twostage/run [--preset quick|default|long]
writes recon.png, dream_psi*.png, gmm_psi*.png (8x8 sheets, 2x), figures.json, model.pt, log.txt.
Only ops DJL 0.36 has are used in the networks and losses (no ConvTranspose, no GroupNorm, no FFT).
"""
import argparse, glob, json, math, os, time

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # no spinning threads when the 2 cores are shared
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from PIL import Image

CL = torch.channels_last  # oneDNN's fast layout on CPU

# ----------------------------------------------------------------------------------------------- data

def load_folder(path, size):
    """PNGs flattened on white, padded square (white), area-resized (PIL BOX); (N,3,S,S) in [0,1]."""
    files = sorted(glob.glob(os.path.join(path, "*.png")))
    out = np.empty((len(files), 3, size, size), np.float32)
    for i, f in enumerate(files):
        im = Image.open(f).convert("RGBA")
        s = max(im.size)
        sq = Image.new("RGBA", (s, s), (255, 255, 255, 255))
        sq.alpha_composite(im, ((s - im.size[0]) // 2, (s - im.size[1]) // 2))
        out[i] = np.asarray(sq.convert("RGB").resize((size, size), Image.BOX), np.float32).transpose(2, 0, 1) / 255
    return torch.from_numpy(out)

def split(n, holdout=0.1, seed=0):
    perm = np.random.RandomState(seed).permutation(n)
    k = int(round(n * holdout))
    return perm[k:], perm[:k]

# -------------------------------------------------------------------------------------------- measures
LAP = torch.tensor([[0.0, 1, 0], [1, -4, 1], [0, 1, 0]]).view(1, 1, 3, 3)

def grey(x):
    return (0.299 * x[:, 0] + 0.587 * x[:, 1] + 0.114 * x[:, 2]).unsqueeze(1)

def lap_energy(x):
    """Mean absolute Laplacian of the grey image (valid convolution)."""
    return F.conv2d(grey(x.clamp(0, 1)), LAP).abs().mean().item()

def coherence(x):
    g = grey(x.clamp(0, 1))[:, 0]
    pairs = [(g[:, :, :-1], g[:, :, 1:]), (g[:, :-1, :], g[:, 1:, :])]
    cs = []
    for a, b in pairs:
        a, b = a.flatten() - a.mean(), b.flatten() - b.mean()
        cs.append(((a * b).sum() / (a.norm() * b.norm() + 1e-12)).item())
    return sum(cs) / 2

def srgb_to_linear(v):
    v = np.clip(v, 0, 1)
    return np.where(v <= 0.04045, v / 12.92, ((v + 0.055) / 1.055) ** 2.4)

def _f(t):
    d = 6.0 / 29
    return np.where(t > d**3, np.cbrt(t), t / (3 * d * d) + 4.0 / 29)

def _cell_weights(size, cells=4):
    u = (np.arange(size) + 0.5) * cells / size - 0.5
    c0 = np.floor(u).astype(int)
    fr = u - c0
    w = np.zeros((size, cells))
    w[np.arange(size), np.clip(c0, 0, cells - 1)] += 1 - fr
    w[np.arange(size), np.clip(c0 + 1, 0, cells - 1)] += fr
    return w

def pixel_structure(x):
    """numpy port of margins.measure.PixelStructure (336 dims): Lab 8x8 layout, HOG 4x4x8, edge density."""
    x = x.clamp(0, 1).numpy().astype(np.float64)
    n, _, s, _ = x.shape
    lin = srgb_to_linear(x).reshape(n, 3, 8, s // 8, 8, s // 8).mean((3, 5))
    r, g, b = lin[:, 0], lin[:, 1], lin[:, 2]
    X = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    Y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    Z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883
    fx, fy, fz = _f(X), _f(Y), _f(Z)
    lab = np.stack([116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)], 1).reshape(n, -1) / 400.0
    lu = 0.2126 * x[:, 0] + 0.7152 * x[:, 1] + 0.0722 * x[:, 2]
    p = np.pad(lu, ((0, 0), (1, 1), (1, 1)), mode="edge")
    gx = (p[:, :-2, 2:] + 2 * p[:, 1:-1, 2:] + p[:, 2:, 2:]) - (p[:, :-2, :-2] + 2 * p[:, 1:-1, :-2] + p[:, 2:, :-2])
    gy = (p[:, 2:, :-2] + 2 * p[:, 2:, 1:-1] + p[:, 2:, 2:]) - (p[:, :-2, :-2] + 2 * p[:, :-2, 1:-1] + p[:, :-2, 2:])
    mag = np.sqrt(gx * gx + gy * gy)
    ang = np.arctan2(gy, gx)
    ang = np.where(ang < 0, ang + np.pi, ang)
    t = ang / (np.pi / 8) - 0.5
    b0 = np.floor(t).astype(int)
    fr = t - b0
    o = np.zeros((n, s, s, 8))
    ii = np.indices((n, s, s))
    np.add.at(o, (ii[0], ii[1], ii[2], b0 % 8), mag * (1 - fr))
    np.add.at(o, (ii[0], ii[1], ii[2], (b0 + 1) % 8), mag * fr)
    w = _cell_weights(s)
    hist = np.einsum("yc,xd,nyxb->ncdb", w, w, o).reshape(n, 16, 8)
    area = s * s / 16.0
    edges = np.einsum("yc,xd,nyx->ncd", w, w, (mag > 0.4).astype(np.float64)).reshape(n, 16)
    dens = 0.25 * np.minimum(1.0, edges / area)
    floor = 0.02 * area
    hist = hist * (0.25 / np.sqrt((hist**2).sum(-1, keepdims=True) + floor**2))
    return np.concatenate([lab, hist.reshape(n, -1), dens], 1).astype(np.float32)

def nn_dist(q, ref, exclude_self=False):
    qt, rt = torch.from_numpy(q).double(), torch.from_numpy(ref).double()
    d = torch.cdist(qt, rt)
    if exclude_self:
        d.fill_diagonal_(float("inf"))
    v, i = d.min(1)
    return v.numpy(), i.numpy()

class CopyJudge:
    """COPY as in margins.measure: ||g - r_nn|| < NND_1(r_nn) in pixel-structure space, against the training split."""

    def __init__(self, train_imgs):
        self.ref = pixel_structure(train_imgs)
        self.nnd1, _ = nn_dist(self.ref, self.ref, exclude_self=True)

    def __call__(self, imgs):
        d, i = nn_dist(pixel_structure(imgs), self.ref)
        return {"copy_rate": float((d < self.nnd1[i]).mean()), "nn_median": float(np.median(d))}

# ------------------------------------------------------------------------------------------ networks
def lrelu(x):
    return F.leaky_relu(x, 0.2)  # every activation in the autoencoder and discriminator

class Res(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.c1, self.c2 = nn.Conv2d(c, c, 3, 1, 1), nn.Conv2d(c, c, 3, 1, 1)

    def forward(self, x):
        return x + 0.5 * self.c2(lrelu(self.c1(lrelu(x))))

def s2d(x):
    """Space-to-depth: (B,C,H,W) -> (B,4C,H/2,W/2)."""
    b, c, h, w = x.shape
    return x.view(b, c, h // 2, 2, w // 2, 2).permute(0, 1, 3, 5, 2, 4).reshape(b, 4 * c, h // 2, w // 2)

def d2s(x):
    """Depth-to-space: (B,4C,H,W) -> (B,C,2H,2W) (sub-pixel convolution's shuffle)."""
    b, c4, h, w = x.shape
    return x.view(b, c4 // 4, 2, 2, h, w).permute(0, 1, 4, 2, 5, 3).reshape(b, c4 // 4, 2 * h, 2 * w)

class Encoder(nn.Module):
    """Space-to-depth to 32x32, a 3x3 conv, then 4x4 stride-2 convs down to 4x4 and a linear layer to the code."""

    def __init__(self, latent, ch):
        super().__init__()
        layers = [nn.Conv2d(12, ch[0], 3, 1, 1), nn.LeakyReLU(0.2)]
        for a, b in zip(ch[:-1], ch[1:]):
            layers += [nn.Conv2d(a, b, 4, 2, 1), nn.LeakyReLU(0.2)]
        self.body = nn.Sequential(*layers)
        self.fc = nn.Linear(ch[-1] * 16, latent)

    def forward(self, x):
        return sphere(self.fc(self.body(s2d(x * 2 - 1)).flatten(1)))

def sphere(z):
    """Codes on the sphere of radius sqrt(latent) (RMS-normalised): a fixed scale, so code noise is meaningful."""
    return z * torch.rsqrt(z.pow(2).mean(1, keepdim=True) + 1e-8)

class Decoder(nn.Module):
    """Linear to 4x4; per octave to 32x32: nearest 2x + 3x3 conv (Margins' UpConv) + residual blocks; then a
    sub-pixel 3x3 conv to `top` channels at 64x64 and a 3x3 conv to RGB (linear; clamped to [0,1] when shown)."""

    def __init__(self, latent, ch, res, top):
        super().__init__()
        self.c0 = ch[0]
        self.fc = nn.Linear(latent, ch[0] * 16)
        self.ups = nn.ModuleList(nn.Conv2d(a, b, 3, 1, 1) for a, b in zip(ch[:-1], ch[1:]))
        self.res = nn.ModuleList(nn.Sequential(*[Res(b) for _ in range(r)]) for b, r in zip(ch[1:], res))
        self.sub = nn.Conv2d(ch[-1], 4 * top, 3, 1, 1)
        self.out = nn.Conv2d(top, 3, 3, 1, 1)

    def forward(self, z):
        h = lrelu(self.fc(z)).view(-1, self.c0, 4, 4)
        for up, res in zip(self.ups, self.res):
            h = res(lrelu(up(F.interpolate(h, scale_factor=2.0, mode="nearest"))))
        h = lrelu(d2s(self.sub(h)))
        return self.out(h) + 0.5  # linear output (a sigmoid saturates under L1); clamp when showing

class PatchD(nn.Module):
    """Patch discriminator: 4x4 stride-2 convs to 8x8 logits."""

    def __init__(self, size, c=32):
        super().__init__()
        layers, ch, s = [], 3, size
        while s > 8:
            layers += [nn.Conv2d(ch, c, 4, 2, 1), nn.LeakyReLU(0.2)]
            ch, c, s = c, min(c * 2, 128), s // 2
        self.net = nn.Sequential(*layers, nn.Conv2d(ch, ch, 3, 1, 1), nn.LeakyReLU(0.2), nn.Conv2d(ch, 1, 3, 1, 1))

    def forward(self, x):
        return self.net(x * 2 - 1)

def diff_augment(x):
    """DiffAugment: colour (brightness, saturation, contrast) and translation (1/8 of the side)."""
    b = x.shape[0]
    x = x + (torch.rand(b, 1, 1, 1) - 0.5)
    m = x.mean(1, keepdim=True)
    x = (x - m) * (torch.rand(b, 1, 1, 1) * 2) + m
    m = x.mean((1, 2, 3), keepdim=True)
    x = (x - m) * (torch.rand(b, 1, 1, 1) + 0.5) + m
    s = x.shape[-1]
    sh = s // 8
    xp = F.pad(x, (sh, sh, sh, sh))
    i, j = np.random.randint(0, 2 * sh + 1, 2)
    return xp[:, :, i : i + s, j : j + s]

# ------------------------------------------------------------------------------------------- losses
def pyramid_grads(x):
    """Finite-difference gradients at 64, 32, 16 px (area downsampling): a multi-scale edge term."""
    out = []
    for _ in range(3):
        out += [x[:, :, :, 1:] - x[:, :, :, :-1], x[:, :, 1:, :] - x[:, :, :-1, :]]
        x = F.avg_pool2d(x, 2)
    return out

def grad_loss(y, x):
    return sum((a - b).abs().mean() for a, b in zip(pyramid_grads(y), pyramid_grads(x)))

# --------------------------------------------------------------------------------------- stage 2
class FlowMLP(nn.Module):
    def __init__(self, d, hidden=512, layers=3, nfreq=8):
        super().__init__()
        self.freq = torch.arange(1, nfreq + 1).float() * math.pi
        dims = [d + 2 * nfreq + 1] + [hidden] * layers
        self.hs = nn.ModuleList(nn.Linear(a, b) for a, b in zip(dims[:-1], dims[1:]))
        self.out = nn.Linear(hidden, d)

    def forward(self, x, t):
        tt = t[:, None] * self.freq[None]
        h = torch.cat([x, t[:, None], torch.sin(tt), torch.cos(tt)], 1)
        for l in self.hs:
            h = F.silu(l(h))
        return self.out(h)

def train_flow(codes, steps, lr=1e-3, batch=256, hidden=512, layers=3, log=print):
    """Conditional flow matching (rectified flow): x_t = (1-t) x0 + t x1, target velocity x1 - x0."""
    net = FlowMLP(codes.shape[1], hidden, layers)
    opt = torch.optim.Adam(net.parameters(), lr=lr)
    for it in range(steps):
        x1 = codes[torch.randint(len(codes), (batch,))]
        x0 = torch.randn_like(x1)
        t = torch.rand(batch)
        xt = (1 - t[:, None]) * x0 + t[:, None] * x1
        loss = (net(xt, t) - (x1 - x0)).pow(2).mean()
        opt.zero_grad(set_to_none=True)
        loss.backward()
        for g in opt.param_groups:
            g["lr"] = lr * min(1.0, 2 * (1 - it / steps))  # linear decay over the second half
        opt.step()
        if it % 1000 == 0:
            log(f"  flow {it} loss {loss.item():.4f}")
    return net

@torch.no_grad()
def flow_sample(net, x0, steps=24):
    """Heun integration from t=0 (noise) to t=1 (codes)."""
    x, dt = x0.clone(), 1.0 / steps
    for i in range(steps):
        t = torch.full((len(x),), i * dt)
        v = net(x, t)
        xe = x + dt * v
        v2 = net(xe, t + dt)
        x = x + dt * 0.5 * (v + v2)
    return x

def fit_gmm(x, k=16, iters=60, reg=1e-3, seed=0):
    """Full-covariance GMM by EM (the no-training baseline for stage 2)."""
    g = torch.Generator().manual_seed(seed)
    x = x.double()
    n, d = x.shape
    mu = x[torch.randperm(n, generator=g)[:k]].clone()
    cov = torch.eye(d, dtype=torch.float64).repeat(k, 1, 1)
    pi = torch.full((k,), 1.0 / k, dtype=torch.float64)
    for _ in range(iters):
        L = torch.linalg.cholesky(cov)
        diff = x[None] - mu[:, None]
        sol = torch.linalg.solve_triangular(L, diff.transpose(1, 2), upper=False)
        logp = -0.5 * (sol**2).sum(1) - torch.log(torch.diagonal(L, dim1=1, dim2=2)).sum(1)[:, None] + pi.log()[:, None]
        r = torch.softmax(logp, 0)
        nk = r.sum(1) + 1e-9
        pi, mu = nk / n, (r @ x) / nk[:, None]
        diff = x[None] - mu[:, None]
        cov = torch.einsum("kn,kni,knj->kij", r, diff, diff) / nk[:, None, None] + reg * torch.eye(d)
    return pi, mu, torch.linalg.cholesky(cov)

def gmm_sample(gmm, n, psi=1.0, seed=0):
    pi, mu, L = gmm
    g = torch.Generator().manual_seed(seed)
    comp = torch.multinomial(pi, n, replacement=True, generator=g)
    eps = torch.randn(n, mu.shape[1], generator=g, dtype=torch.float64) * psi
    return (mu[comp] + (L[comp] @ eps[:, :, None])[:, :, 0]).float()

def unsharp(x, k=1.0):
    """Unsharp mask (3x3 box blur): a post-filter fallback for sharpness, not used by default."""
    b = F.avg_pool2d(F.pad(x, (1, 1, 1, 1), mode="replicate"), 3, 1)
    return (x + k * (x - b)).clamp(0, 1)

# ----------------------------------------------------------------------------------------- reporting
def sheet(imgs, path, n=8, scale=2):
    """8x8 contact sheet, upscaled with nearest neighbour."""
    x = imgs[: n * n].clamp(0, 1)
    if len(x) < n * n:
        x = torch.cat([x, torch.ones(n * n - len(x), *x.shape[1:])])
    s = x.shape[-1]
    g = x.view(n, n, 3, s, s).permute(0, 3, 1, 4, 2).reshape(n * s, n * s, 3)
    im = Image.fromarray((g.numpy() * 255 + 0.5).astype(np.uint8))
    im.resize((n * s * scale, n * s * scale), Image.NEAREST).save(path)

def figures(imgs, ref_lap, judge):
    f = {"sharpness": lap_energy(imgs) / ref_lap, "coherence": coherence(imgs)}
    f.update(judge(imgs))
    return {k: round(v, 3) for k, v in f.items()}

# ---------------------------------------------------------------------------------------------- main
PRESETS = {  # encoder channels at 32,16,8,4; decoder channels at 4,8,16,32; residual blocks at 8,16,32; top
    "m": ((32, 64, 128, 128), (256, 128, 64, 32), (1, 1, 1), 16),
}
BUDGETS = {  # ae steps, gan steps, flow steps (2-core seconds measured on the demo archive: ~0.20 s/ae, 0.41 s/gan step)
    "quick": (800, 150, 1000), "default": (1500, 300, 2000), "long": (3000, 1000, 4000)}

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="/work/main/demo/openmoji/images")
    p.add_argument("--out", default="/tmp/twostage/run")
    p.add_argument("--size", type=int, default=64)  # the networks assume 64 (s2d to 32, sub-pixel to 64)
    p.add_argument("--latent", type=int, default=64)
    p.add_argument("--arch", default="m", choices=PRESETS)
    p.add_argument("--preset", default="default", choices=BUDGETS)
    p.add_argument("--ae-steps", type=int, default=None)
    p.add_argument("--gan-steps", type=int, default=None)
    p.add_argument("--flow-steps", type=int, default=None)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--w-grad", type=float, default=1.0, help="multi-scale gradient L1 weight")
    p.add_argument("--code-noise", type=float, default=0.2, help="noise on the unit-RMS codes before decoding")
    p.add_argument("--flip", type=int, default=1)
    p.add_argument("--w-adv", type=float, default=0.1)
    p.add_argument("--gan-lr", type=float, default=2e-4)
    p.add_argument("--gan-mix", type=float, default=0.5, help="also judge decodes of codes mixed up to this")
    p.add_argument("--flow-hidden", type=int, default=512)
    p.add_argument("--ode-steps", type=int, default=24)
    p.add_argument("--unsharp", type=float, default=0.5, help="post-filter strength (0: off)")
    p.add_argument("--gmm-k", type=int, default=16)
    p.add_argument("--init", default="", help="ae.pt/model.pt to start from (with --ae-steps 0: skip stage 1)")
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args()
    for k, v in zip(("ae_steps", "gan_steps", "flow_steps"), BUDGETS[a.preset]):
        setattr(a, k, v if getattr(a, k) is None else getattr(a, k))
    torch.set_num_threads(2)
    torch.set_num_interop_threads(1)
    torch.manual_seed(a.seed)
    np.random.seed(a.seed)
    os.makedirs(a.out, exist_ok=True)
    logf = open(f"{a.out}/log.txt", "w")

    def log(*m):
        print(*m, flush=True)
        print(*m, file=logf, flush=True)

    wall0 = time.time()
    x = load_folder(a.data, a.size)
    tr, ho = split(len(x), 0.1, 0)
    xtr, xho = x[tr], x[ho]
    log(f"{a.data}: {len(xtr)} train, {len(xho)} held out; {vars(a)}")
    ech, dch, res, top = PRESETS[a.arch]
    enc = Encoder(a.latent, ech).to(memory_format=CL)
    dec = Decoder(a.latent, dch, res, top).to(memory_format=CL)
    if a.init:
        ck = torch.load(a.init)
        enc.load_state_dict(ck["enc"])
        dec.load_state_dict(ck["dec"])

    def batch(n):
        xb = xtr[torch.randint(len(xtr), (n,))]
        if a.flip:
            m = torch.rand(n) < 0.5
            xb[m] = xb[m].flip(-1)
        return xb

    def recon_loss(y, xb):
        return (y - xb).abs().mean() + a.w_grad * grad_loss(y, xb)

    # Stage 1a: autoencoder (L1 + multi-scale gradients; codes RMS-normalised, decoded with noise added).
    params = list(enc.parameters()) + list(dec.parameters())
    opt = torch.optim.Adam(params, lr=a.lr)
    t0 = time.process_time()  # process CPU time / 2 = 2-core time (the machine is shared; wall time is not)
    for it in range(a.ae_steps):
        xb = batch(a.batch)
        z = enc(xb)
        y = dec(z + a.code_noise * torch.randn_like(z))
        loss = recon_loss(y, xb)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 10.0)
        for g in opt.param_groups:
            g["lr"] = a.lr * min(1.0, (1 - it / a.ae_steps) / 0.3)  # linear decay over the last 30%
        opt.step()
        if it % 250 == 0:
            log(f"ae {it} loss {loss.item():.4f} {(time.process_time() - t0) / 2:.0f}s")
    t_ae = (time.process_time() - t0) / 2
    torch.save({"enc": enc.state_dict(), "dec": dec.state_dict()}, f"{a.out}/ae.pt")
    enc.eval()
    with torch.no_grad():
        ztr = torch.cat([enc(xtr), enc(xtr.flip(-1))]) if a.flip else enc(xtr)
    mu, sd = ztr.mean(0), ztr.std(0) + 1e-6

    # Stage 1b: adversarial fine-tune of the decoder (encoder frozen, so the codes do not move).
    t0 = time.process_time()
    if a.gan_steps:
        disc = PatchD(a.size).to(memory_format=CL)
        od = torch.optim.Adam(disc.parameters(), lr=2e-4, betas=(0.5, 0.99))
        og = torch.optim.Adam(dec.parameters(), lr=a.gan_lr, betas=(0.5, 0.99))
        for it in range(a.gan_steps):
            xb = batch(a.batch)
            with torch.no_grad():
                z = enc(xb)  # and codes between archive codes, so novel codes are judged too
                lam = torch.rand(len(z), 1) * a.gan_mix
                zm = sphere((1 - lam) * z + lam * z[torch.randperm(len(z))])
            y = dec(z + a.code_noise * torch.randn_like(z))
            fake = torch.cat([y, dec(zm)]) if a.gan_mix > 0 else y
            dl = F.relu(1 - disc(diff_augment(xb))).mean() + F.relu(1 + disc(diff_augment(fake.detach()))).mean()
            od.zero_grad(set_to_none=True)
            dl.backward()
            od.step()
            gl = recon_loss(y, xb) - a.w_adv * disc(diff_augment(fake)).mean()
            og.zero_grad(set_to_none=True)
            gl.backward()
            og.step()
            if it % 100 == 0:
                with torch.no_grad():
                    sharp = lap_energy(dec(enc(xho))) / lap_energy(xho)
                log(f"gan {it} d {dl.item():.3f} g {gl.item():.4f} held-out recon sharpness {sharp:.3f} "
                    f"{(time.process_time() - t0) / 2:.0f}s")
    t_gan = (time.process_time() - t0) / 2

    # Stage 2: flow matching over standardised codes; GMM baseline.
    t0 = time.process_time()
    flow = train_flow((ztr - mu) / sd, a.flow_steps, hidden=a.flow_hidden, log=log)
    t_flow = (time.process_time() - t0) / 2
    gmm = fit_gmm((ztr - mu) / sd, a.gmm_k)

    # Figures: sharpness/coherence vs the held-out images, copy rate and NN distance vs the training split.
    dec.eval()
    judge, ref = CopyJudge(xtr), lap_energy(xho)
    post = lambda im: unsharp(im.clamp(0, 1), a.unsharp) if a.unsharp else im
    R = {"args": vars(a), "wall_s": round(time.time() - wall0), "n_train": len(xtr), "n_heldout": len(xho),
         "train_s_2core": {"ae": round(t_ae), "gan": round(t_gan), "flow": round(t_flow)}}
    R["train_s_2core"]["total"] = round(t_ae + t_gan + t_flow)
    with torch.no_grad():
        R["heldout"] = figures(xho, ref, judge)
        rec = dec(enc(xho))
        R["recon"] = figures(rec, ref, judge)
        R["recon_post"] = figures(post(rec), ref, judge)
        sheet(torch.stack([xho[:32], post(rec[:32])], 1).flatten(0, 1), f"{a.out}/recon.png")
        noise = torch.randn(256, a.latent, generator=torch.Generator().manual_seed(1))
        for psi in (0.7, 1.0, 1.5, 2.5):
            imgs = dec(sphere(flow_sample(flow, psi * noise, a.ode_steps) * sd + mu))
            R[f"dream_psi{psi}"] = figures(imgs, ref, judge)
            R[f"dream_psi{psi}_post"] = figures(post(imgs), ref, judge)
            sheet(post(imgs), f"{a.out}/dream_psi{psi}.png")
            if psi <= 1.5:
                imgs = dec(sphere(gmm_sample(gmm, 256, psi, 1) * sd + mu))
                R[f"gmm_psi{psi}"] = figures(imgs, ref, judge)
                sheet(post(imgs), f"{a.out}/gmm_psi{psi}.png")
        R["gauss_psi1.0"] = figures(dec(sphere(noise * sd + mu)), ref, judge)  # no learned density
    log(json.dumps(R))
    json.dump(R, open(f"{a.out}/figures.json", "w"), indent=1)
    torch.save({"enc": enc.state_dict(), "dec": dec.state_dict(), "flow": flow.state_dict(), "mu": mu, "sd": sd},
               f"{a.out}/model.pt")

if __name__ == "__main__":
    main()
