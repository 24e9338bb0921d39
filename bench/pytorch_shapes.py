#!/usr/bin/python3
"""Training speed of PyTorch on the shapes of bench/host_benchmarks, to hold tinymlp's training
steps against: ReLU MLPs 1-16-16-1, 1-64-64-1, 1-256-256-1 and 714-50-15-4, RMSprop at Keras's
settings, MSE, shuffled batches of 16 (--batch), 50 epochs (--epochs) over 1024 random samples,
one thread. Prints samples per CPU second (and per wall second) per shape as
`pytorch.<shape>.samples_per_second=...` lines.

Run it with Debian's interpreter, /usr/bin/python3, which has python3-torch.
"""
import argparse
import time

import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

SHAPES = [(1, 16, 16, 1), (1, 64, 64, 1), (1, 256, 256, 1), (714, 50, 15, 4)]
SAMPLES = 1024


def mlp(widths):
    layers = []
    for k in range(1, len(widths)):
        layers.append(nn.Linear(widths[k - 1], widths[k]))
        if k + 1 < len(widths):
            layers.append(nn.ReLU())
    return nn.Sequential(*layers)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=int, default=50)
    parser.add_argument("--batch", type=int, default=16)
    arguments = parser.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(1)
    for widths in SHAPES:
        name = "-".join(str(width) for width in widths)
        inputs = torch.rand(SAMPLES, widths[0]) * 2 - 1
        targets = torch.rand(SAMPLES, widths[-1])
        model = mlp(widths)
        optimizer = torch.optim.RMSprop(model.parameters(), lr=0.001, alpha=0.9, eps=1e-7)
        loss_function = nn.MSELoss()
        loader = DataLoader(TensorDataset(inputs, targets), batch_size=arguments.batch, shuffle=True,
                            generator=torch.Generator().manual_seed(1))
        cpu_started, wall_started = time.process_time(), time.perf_counter()
        for _ in range(arguments.epochs):
            for batch_inputs, batch_targets in loader:
                optimizer.zero_grad()
                loss = loss_function(model(batch_inputs), batch_targets)
                loss.backward()
                optimizer.step()
        cpu_seconds = time.process_time() - cpu_started
        wall_seconds = time.perf_counter() - wall_started
        samples = arguments.epochs * SAMPLES
        print(f"{name:<13} batch {arguments.batch}, {arguments.epochs} epochs: {cpu_seconds:7.2f} s CPU"
              f" ({wall_seconds:.2f} s wall), {samples / cpu_seconds:9.4g} samples per CPU second")
        print(f"pytorch.{name}.samples_per_second={samples / cpu_seconds:.6g}")


if __name__ == "__main__":
    main()
