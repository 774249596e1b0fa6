"""The peer of bench/svr.ts: scikit-learn's SVR (rbf, gamma 'scale') on the data file the benchmark
wrote; prints one JSON line with fit and predict times and test R².

    /usr/bin/python3 bench/peers/svr.py PATH N_TRAIN N_TEST N_FEATURES C EPSILON
"""

import json
import sys
import time

import numpy as np
from sklearn.svm import SVR


def main():
    path, n_train, n_test, n_features = sys.argv[1], *map(int, sys.argv[2:5])
    c, epsilon = float(sys.argv[5]), float(sys.argv[6])
    data = np.fromfile(path, dtype="<f8")
    n = n_train + n_test
    X = data[: n * n_features].reshape(n, n_features)
    y = data[n * n_features :]
    model = SVR(kernel="rbf", C=c, epsilon=epsilon, gamma="scale")
    start = time.perf_counter()
    model.fit(X[:n_train], y[:n_train])
    fit_seconds = time.perf_counter() - start
    start = time.perf_counter()
    pred = model.predict(X[n_train:])
    predict_ms = 1000 * (time.perf_counter() - start)
    y_test = y[n_train:]
    r2 = 1 - ((y_test - pred) ** 2).sum() / ((y_test - y_test.mean()) ** 2).sum()
    print(json.dumps(dict(fitSeconds=fit_seconds, predictMs=predict_ms, r2=float(r2), nSupport=int(len(model.support_)))))


if __name__ == "__main__":
    main()
