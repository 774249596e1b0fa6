"""The peers of bench/hgb.ts: scikit-learn's HistGradientBoostingRegressor and XGBoost's hist trees,
fitted with the benchmark's settings on the data file the benchmark wrote; prints one JSON line.

    /usr/bin/python3 bench/peers/hgb.py PATH N_TRAIN N_TEST N_FEATURES {sklearn|xgboost} [CATEGORICAL]

The file holds float64 little-endian values: X (N_TRAIN + N_TEST rows, row-major), then y.
Threads: the caller sets OMP_NUM_THREADS; both peers get n_jobs / their thread count from it.
CATEGORICAL (JSON list of column indices, default []) marks columns of category codes: native
categorical splits for scikit-learn; XGBoost 1.7 takes them as numbers (its categorical support
needs pandas category columns).
"""

import json
import os
import sys
import time

import numpy as np


def main():
    path, n_train, n_test, n_features, peer = sys.argv[1], *map(int, sys.argv[2:5]), sys.argv[5]
    categorical = json.loads(sys.argv[6]) if len(sys.argv) > 6 else []
    threads = int(os.environ.get("OMP_NUM_THREADS", "2"))
    data = np.fromfile(path, dtype="<f8")
    n = n_train + n_test
    X = data[: n * n_features].reshape(n, n_features)
    y = data[n * n_features :]
    X_train, y_train, X_test, y_test = X[:n_train], y[:n_train], X[n_train:], y[n_train:]
    if peer == "sklearn":
        import sklearn
        from sklearn.ensemble import HistGradientBoostingRegressor

        version = sklearn.__version__
        model = HistGradientBoostingRegressor(
            max_iter=100, learning_rate=0.1, max_leaf_nodes=31, max_bins=255, min_samples_leaf=20,
            early_stopping=False, categorical_features=categorical or None,
        )
    else:
        import xgboost

        version = xgboost.__version__
        # The same trees as ours: best-first to 31 leaves, 20 rows (hessian 1 each) per leaf, no L2,
        # starting from the mean; max_bin counts XGBoost's bins, 256 like our 255 + missing.
        model = xgboost.XGBRegressor(
            tree_method="hist", n_estimators=100, learning_rate=0.1, max_bin=256,
            grow_policy="lossguide", max_leaves=31, max_depth=0, min_child_weight=20, reg_lambda=0,
            base_score=float(y_train.mean()), n_jobs=threads,
        )
    start = time.perf_counter()
    model.fit(X_train, y_train)
    fit_seconds = time.perf_counter() - start
    # Like ours: the best of six batch predictions (the first one apart).
    times = []
    for _ in range(6):
        start = time.perf_counter()
        pred = model.predict(X_test)
        times.append(time.perf_counter() - start)
    predict_seconds = min(times)
    r2 = 1 - ((y_test - pred) ** 2).sum() / ((y_test - y_test.mean()) ** 2).sum()
    print(json.dumps(dict(version=version, fitSeconds=fit_seconds, predictSeconds=predict_seconds, firstPredictSeconds=times[0], r2=float(r2))))


if __name__ == "__main__":
    main()
