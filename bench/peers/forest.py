"""The peer of bench/forest.ts: scikit-learn's RandomForestRegressor / ExtraTreesRegressor (100 trees,
n_jobs=2) on the data file the benchmark wrote; prints one JSON line with fit (wall and CPU) and
predict times.

    /usr/bin/python3 bench/peers/forest.py PATH N_TRAIN N_TEST N_FEATURES SETTING_JSON SEED

The file holds float64 little-endian values: X (N_TRAIN + N_TEST rows, row-major), then y.
SETTING_JSON: {"kind": "randomForest" | "extraTrees", "maxDepth": int | null, "maxFeatures": number | "sqrt"}.
"""

import json
import sys
import time

import numpy as np
from sklearn.ensemble import ExtraTreesRegressor, RandomForestRegressor


def main():
    path, n_train, n_test, n_features = sys.argv[1], *map(int, sys.argv[2:5])
    setting, seed = json.loads(sys.argv[5]), int(sys.argv[6])
    data = np.fromfile(path, dtype="<f8")
    n = n_train + n_test
    X = data[: n * n_features].reshape(n, n_features)
    y = data[n * n_features :]
    Model = RandomForestRegressor if setting["kind"] == "randomForest" else ExtraTreesRegressor
    # JSON has no float 1.0: our maxFeatures 1 is the fraction "all features", not one feature.
    max_features = setting["maxFeatures"]
    if not isinstance(max_features, str):
        max_features = float(max_features)
    model = Model(
        n_estimators=100, max_depth=setting["maxDepth"], max_features=max_features, n_jobs=2, random_state=seed
    )
    start, cpu = time.perf_counter(), time.process_time()
    model.fit(X[:n_train], y[:n_train])
    fit_seconds, fit_cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    start = time.perf_counter()
    pred = model.predict(X[n_train:])
    predict_ms = 1000 * (time.perf_counter() - start)
    y_test = y[n_train:]
    r2 = 1 - ((y_test - pred) ** 2).sum() / ((y_test - y_test.mean()) ** 2).sum()
    print(json.dumps(dict(fitSeconds=fit_seconds, fitCpuSeconds=fit_cpu_seconds, predictMs=predict_ms, r2=float(r2))))


if __name__ == "__main__":
    main()
