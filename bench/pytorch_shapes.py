#!/usr/bin/python3
"""Training speed of PyTorch on the shapes of bench/host_benchmarks, to hold tinymlp's training
steps against: ReLU MLPs 1-16-16-1, 1-64-64-1, 1-256-256-1 and 714-50-15-4, RMSprop at Keras's
settings, MSE, shuffled batches of 16 (--batch), 50 epochs (--epochs) over 1024 random samples,
one thread. Each shape trains --repeats times (3) from the same start; its figure is the fastest run's
samples per CPU second, printed as `pytorch.<shape>.samples_per_second=...` beside the range. PyTorch's
figure moved by up to 1.8x between runs on a shared machine, and the ratios against it are held to
its fastest.

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
    parser.add_argument("--repeats", type=int, default=3)
    arguments = parser.parse_args()
    torch.set_num_threads(1)
    for widths in SHAPES:
        name = "-".join(str(width) for width in widths)
        rates = [samples_per_cpu_second(widths, arguments) for _ in range(arguments.repeats)]
        print(f"{name:<13} batch {arguments.batch}, {arguments.epochs} epochs, {arguments.repeats} runs:"
              f" {min(rates):9.4g} to {max(rates):9.4g} samples per CPU second")
        print(f"pytorch.{name}.samples_per_second={max(rates):.6g}")


def samples_per_cpu_second(widths, arguments):
    """Trains a fresh model of these widths (the same weights and samples every time) and returns its
    samples per CPU second."""
    torch.manual_seed(1)
    inputs = torch.rand(SAMPLES, widths[0]) * 2 - 1
    targets = torch.rand(SAMPLES, widths[-1])
    model = mlp(widths)
    optimizer = torch.optim.RMSprop(model.parameters(), lr=0.001, alpha=0.9, eps=1e-7)
    loss_function = nn.MSELoss()
    loader = DataLoader(TensorDataset(inputs, targets), batch_size=arguments.batch, shuffle=True,
                        generator=torch.Generator().manual_seed(1))
    cpu_started = time.process_time()
    for _ in range(arguments.epochs):
        for batch_inputs, batch_targets in loader:
            optimizer.zero_grad()
            loss = loss_function(model(batch_inputs), batch_targets)
            loss.backward()
            optimizer.step()
    return arguments.epochs * SAMPLES / (time.process_time() - cpu_started)

if __name__ == "__main__":
    main()
