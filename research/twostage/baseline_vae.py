#!/usr/bin/env python3
"""Baseline: Margins' default VAE (bench/torch_vae.py, BCE + beta 3 KL, KL warm-up 1000) at 64 px, time-capped."""
import argparse, json, os, sys, time
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
import torch
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "bench"))
from torch_vae import Vae
from twostage import load_folder, split, CopyJudge, lap_energy, coherence, figures, sheet

p = argparse.ArgumentParser()
p.add_argument("--data", default="/work/main/demo/openmoji/images")
p.add_argument("--out", default="/tmp/twostage/baseline")
p.add_argument("--seconds", type=float, default=480)
p.add_argument("--size", type=int, default=64)
a = p.parse_args()
torch.set_num_threads(2); torch.set_num_interop_threads(1); torch.manual_seed(0)
os.makedirs(a.out, exist_ok=True)
x = load_folder(a.data, a.size); tr, ho = split(len(x)); xtr, xho = x[tr], x[ho]
vae = Vae(a.size).to(memory_format=torch.channels_last); xtr = xtr.contiguous(memory_format=torch.channels_last); opt = torch.optim.Adam(vae.parameters(), lr=1e-3)
t0, c0, step = time.time(), time.process_time(), 0
while (time.process_time() - c0) / 2 < a.seconds:
    xb = xtr[torch.randint(len(xtr), (64,))]
    h = vae.enc(xb); mu, lv = h[:, :32], h[:, 32:].clamp(-12, 8)
    z = mu + torch.exp(0.5 * lv) * torch.randn_like(mu)
    rec = torch.nn.functional.binary_cross_entropy_with_logits(vae.decode(z), xb, reduction="sum") / 64
    kl = 0.5 * (mu.pow(2) + lv.exp() - lv - 1).sum() / 64
    loss = rec + 3.0 * min(1.0, step / 1000) * kl
    opt.zero_grad(); loss.backward(); torch.nn.utils.clip_grad_norm_(vae.parameters(), 100.0); opt.step()
    step += 1
    if step % 200 == 0: print(step, round(time.time() - t0), round((time.process_time() - c0) / 2), rec.item(), kl.item(), flush=True)
train_s = (time.process_time() - c0) / 2; wall_s = time.time() - t0
vae.eval(); judge = CopyJudge(xtr); ref = lap_energy(xho)
with torch.no_grad():
    recon = torch.sigmoid(vae.decode(vae.enc(xho)[:, :32]))
    res = {"steps": step, "train_s_est_2core": round(train_s), "wall_s": round(wall_s), "ms_per_step": round(1000 * train_s / step, 1),
           "heldout": figures(xho, ref, judge), "recon": figures(recon, ref, judge)}
    sheet(torch.stack([xho[:32], recon[:32]], 1).flatten(0, 1), f"{a.out}/recon.png")
    for psi in (0.7, 1.0, 1.5):
        s = torch.sigmoid(vae.decode(psi * torch.randn(256, 32, generator=torch.Generator().manual_seed(1))))
        res[f"prior_psi{psi}"] = figures(s, ref, judge); sheet(s, f"{a.out}/prior_psi{psi}.png")
print(json.dumps(res)); json.dump(res, open(f"{a.out}/figures.json", "w"), indent=1)
