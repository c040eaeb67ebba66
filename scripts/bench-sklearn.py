#!/usr/bin/python3
# scikit-learn's reference figures on the X Education pre-contact split, measured on this machine
# (issue 16's bench; docs/benchmarks.md, "Calibration"). Run by scripts/bench-calibrate.mjs with
# Debian's python3-sklearn when it is installed; prints one JSON object on stdout.
#   /usr/bin/python3 scripts/bench-sklearn.py DATASET.csv
# Protocol of ../shared/datasets/README.md: data records in file order, record i is test when
# i % 5 == 0; columns: all but the ids and the sales-side columns; one-hot categoricals with the
# missing value and "Select" as their own values; numeric NaN -> training median; standardised.
import csv
import json
import sys
import time

import numpy as np
import sklearn
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss, roc_auc_score

LEAVE_OUT = {"Prospect ID", "Lead Number", "Tags", "Lead Quality", "Lead Profile", "Asymmetrique Activity Index",
             "Asymmetrique Profile Index", "Asymmetrique Activity Score", "Asymmetrique Profile Score",
             "Last Notable Activity"}


def number(text):
    try:
        value = float(text)
        return value if np.isfinite(value) else None
    except ValueError:
        return None


def main(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, records = rows[0], rows[1:]
    outcome = np.array([int(r[header.index("Converted")]) for r in records])
    test = np.array([i % 5 == 0 for i in range(len(records))])
    columns = []
    for j, name in enumerate(header):
        if name in LEAVE_OUT or name == "Converted":
            continue
        cells = [r[j].strip() for r in records]
        filled = [c for c in cells if c != ""]
        if filled and all(number(c) is not None for c in filled):
            values = np.array([number(c) if c != "" else np.nan for c in cells])
            median = np.nanmedian(values[~test])
            values = np.where(np.isnan(values), median, values)
            mean, sd = values[~test].mean(), values[~test].std()
            columns.append(((values - mean) / (sd if sd > 0 else 1)).reshape(-1, 1))
        else:
            levels = sorted({c for c, t in zip(cells, test) if not t})
            index = {level: k for k, level in enumerate(levels)}
            onehot = np.zeros((len(cells), len(levels)))
            for i, c in enumerate(cells):
                if c in index:
                    onehot[i, index[c]] = 1
            columns.append(onehot)
    x = np.hstack(columns)
    out = {"sklearn": sklearn.__version__, "features": int(x.shape[1]), "train": int((~test).sum()), "test": int(test.sum())}
    for name, model in [("logistic", LogisticRegression(C=1.0, max_iter=5000)),
                        ("gradient_boosting", HistGradientBoostingClassifier(random_state=0))]:
        start = time.perf_counter()
        model.fit(x[~test], outcome[~test])
        seconds = time.perf_counter() - start
        p = model.predict_proba(x[test])[:, 1]
        out[name] = {"auc": round(float(roc_auc_score(outcome[test], p)), 4),
                     "log_loss": round(float(log_loss(outcome[test], p)), 4), "fit_seconds": round(seconds, 3)}
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1])
