#!/usr/bin/python3
"""The reference job in PyTorch, written the way PyTorch users write it, to time tinymlp against.

Reads the samples sine_reference wrote (<out>/sine_data.csv: header x0,y0, 5000 rows in generation
order), splits them 60/20/20 in order, trains Linear(1,16)-ReLU-Linear(16,16)-ReLU-Linear(16,1) with
RMSprop at Keras's settings, MSE and shuffled batches of 16, validating every epoch, then prints the
final MSE and MAE per split and the training wall time as `pytorch_seconds=...`.

Run it with Debian's interpreter, /usr/bin/python3, which has python3-torch.
"""
import argparse
import time

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default="sine_output/sine_data.csv",
                        help="CSV written by sine_reference (default: %(default)s)")
    parser.add_argument("--epochs", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--quiet", action="store_true", help="no line per epoch")
    return parser.parse_args()


def load_split(path):
    table = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float32, ndmin=2)
    if table.shape[1] != 2:
        raise SystemExit(f"{path}: expected the two columns x0,y0, found {table.shape[1]}")
    x = torch.from_numpy(table[:, :1].copy())
    y = torch.from_numpy(table[:, 1:].copy())
    train_end, validation_end = int(0.6 * len(x)), int(0.8 * len(x))  # as numpy slicing in the tutorial
    return ((x[:train_end], y[:train_end]), (x[train_end:validation_end], y[train_end:validation_end]),
            (x[validation_end:], y[validation_end:]))


def mse_and_mae(model, inputs, targets):
    with torch.no_grad():
        predictions = model(inputs)
        return (nn.functional.mse_loss(predictions, targets).item(),
                nn.functional.l1_loss(predictions, targets).item())


def main():
    arguments = parse_arguments()
    torch.set_num_threads(1)  # tinymlp trains on one core
    torch.manual_seed(arguments.seed)
    train, validation, test = load_split(arguments.data)

    # PyTorch's default initialization (Kaiming-uniform), not Keras's Glorot-uniform: as users write it.
    model = nn.Sequential(nn.Linear(1, 16), nn.ReLU(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 1))
    # Keras's RMSprop defaults. Keras divides by sqrt(v + eps); PyTorch by sqrt(v) + eps, eps outside
    # the root, so the same eps damps less. It only matters while v is near zero.
    optimizer = torch.optim.RMSprop(model.parameters(), lr=0.001, alpha=0.9, eps=1e-7)
    loss_function = nn.MSELoss()
    loader = DataLoader(TensorDataset(*train), batch_size=16, shuffle=True,
                        generator=torch.Generator().manual_seed(arguments.seed))

    started = time.perf_counter()
    for epoch in range(arguments.epochs):
        model.train()
        loss_sum = mae_sum = 0.0
        for inputs, targets in loader:
            optimizer.zero_grad()
            predictions = model(inputs)
            loss = loss_function(predictions, targets)
            loss.backward()
            optimizer.step()
            loss_sum += loss.item() * len(inputs)
            mae_sum += (predictions.detach() - targets).abs().sum().item()
        model.eval()
        val_loss, val_mae = mse_and_mae(model, *validation)
        if not arguments.quiet:
            print(f"Epoch {epoch + 1}/{arguments.epochs} - loss: {loss_sum / len(train[0]):.4f}"
                  f" - mae: {mae_sum / len(train[0]):.4f} - val_loss: {val_loss:.4f} - val_mae: {val_mae:.4f}")
    seconds = time.perf_counter() - started

    measured = [mse_and_mae(model, *split) for split in (train, validation, test)]
    print(f"\n{'setup':<12} {'epochs':>7} {'seconds':>8} | {'train mse  mae':>15} | {'val mse    mae':>15}"
          f" | {'test mse   mae':>15}")
    print(f"{'pytorch':<12} {arguments.epochs:>7} {seconds:>8.2f} | "
          + " | ".join(f"{mse:7.4f} {mae:7.4f}" for mse, mae in measured))
    print(f"pytorch_seconds={seconds:.3f}")


if __name__ == "__main__":
    main()
