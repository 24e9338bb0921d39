"""scikit-learn's MLPClassifier on the digits reference job's split, beside tinymlp's model.

  mlp_classifier.py TRAIN.csv TEST.csv EPOCHS HIDDEN_UNITS [SEED [LEARNING_RATE [BATCH_SIZE]]]

The same data (raw pixels / 16), the same training and test rows (written by digits_reference: a
header line, 64 pixels, then the class one-hot),
the same hidden layer of ReLU units, Adam with the same learning rate and batch size, no weight
decay, and the same budget of epochs: scikit-learn stops by itself when the training loss stalls
for 10 epochs. Prints key=value lines: the test accuracy and the training time, the processor time
of fit (one thread: set OMP_NUM_THREADS=1 and OPENBLAS_NUM_THREADS=1 before starting Python; the
processor time, unlike the wall-clock time, does not count the time other programs had the core).
"""
import sys
import time
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier


def main():
    train_path, test_path, epochs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    hidden = int(sys.argv[4])
    seed = int(sys.argv[5]) if len(sys.argv) > 5 else 1
    learning_rate = float(sys.argv[6]) if len(sys.argv) > 6 else 0.002
    batch_size = int(sys.argv[7]) if len(sys.argv) > 7 else 32
    pixels, labels = {}, {}
    for part, path in (("train", train_path), ("test", test_path)):
        rows = np.loadtxt(path, delimiter=",", skiprows=1)
        pixels[part], labels[part] = rows[:, :64] / 16.0, rows[:, 64:].argmax(axis=1)
    model = MLPClassifier(hidden_layer_sizes=(hidden,), activation="relu", solver="adam", alpha=0.0,
                          learning_rate_init=learning_rate, batch_size=batch_size, max_iter=epochs, random_state=seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)  # a short budget is the point of the test
        started = time.process_time()
        model.fit(pixels["train"], labels["train"])
        seconds = time.process_time() - started
    print(f"sklearn_epochs={model.n_iter_}")
    print(f"sklearn_seconds={seconds:.6f}")
    print(f"sklearn_test_accuracy={model.score(pixels['test'], labels['test']):.6f}")


if __name__ == "__main__":
    main()
