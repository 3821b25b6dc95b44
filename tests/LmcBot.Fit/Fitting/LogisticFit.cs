namespace LmcBot.Fit.Fitting;

/// <summary>
/// L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least squares):
/// exact, deterministic and fast for a few dozen features, so no training library is needed.
/// </summary>
public static class LogisticFit
{
    /// <summary>
    /// Ridge strength on the weights (not the bias). 1.0 keeps weights of rare features (a handful of
    /// training candidates) from running off while leaving common ones to the data. It is the
    /// conventional default, not tuned yet: choosing it by cross-validation within the training part is
    /// open work (docs/ANSWERING.md).
    /// </summary>
    public const double DefaultL2 = 1.0;

    private const int MaxIterations = 50;
    private const double Tolerance = 1e-8;

    /// <summary>The longest Newton step of the conditional fit, in log-odds per unit feature.</summary>
    private const double MaxStep = 2;

    /// <summary>Fits weights for the features in <paramref name="use"/> (others stay 0); returns (bias, weights).</summary>
    public static (double Bias, double[] Weights) Fit(IReadOnlyList<float[]> x, IReadOnlyList<bool> y, bool[] use, double l2 = DefaultL2)
    {
        var features = Enumerable.Range(0, use.Length).Where(i => use[i]).ToArray();
        var d = features.Length + 1; // bias last
        var beta = new double[d];
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var gradient = new double[d];
            var hessian = new double[d, d];
            var row = new double[d];
            for (var n = 0; n < x.Count; n++)
            {
                for (var j = 0; j < features.Length; j++) row[j] = x[n][features[j]];
                row[d - 1] = 1;
                var z = 0.0;
                for (var j = 0; j < d; j++) z += beta[j] * row[j];
                var p = 1 / (1 + Math.Exp(-z));
                var r = (y[n] ? 1 : 0) - p;
                var w = Math.Max(p * (1 - p), 1e-9);
                for (var j = 0; j < d; j++)
                {
                    if (row[j] == 0) continue;
                    gradient[j] += r * row[j];
                    for (var k = 0; k < d; k++) hessian[j, k] += w * row[j] * row[k];
                }
            }
            for (var j = 0; j < d - 1; j++)
            {
                gradient[j] -= l2 * beta[j];
                hessian[j, j] += l2;
            }
            hessian[d - 1, d - 1] += 1e-6;
            var step = Solve(hessian, gradient);
            var change = 0.0;
            for (var j = 0; j < d; j++)
            {
                beta[j] += step[j];
                change = Math.Max(change, Math.Abs(step[j]));
            }
            if (change < Tolerance) break;
        }
        var weights = new double[use.Length];
        for (var j = 0; j < features.Length; j++) weights[features[j]] = beta[j];
        return (beta[d - 1], weights);
    }

    /// <summary>
    /// A conditional logit (softmax over each question's candidates) fitted to give the right candidates of a question
    /// the most probability among its candidates: the ranker. Questions with no right candidate teach it nothing and are
    /// left out. Newton steps with the softmax's covariance as the curvature (exact when a question has one right
    /// candidate) and the same ridge as <see cref="Fit"/>; there is no bias (it cancels within a question).
    /// </summary>
    public static double[] FitConditional(IReadOnlyList<(IReadOnlyList<float[]> X, IReadOnlyList<bool> Y)> groups, bool[] use, double l2 = DefaultL2)
    {
        var features = Enumerable.Range(0, use.Length).Where(i => use[i]).ToArray();
        var d = features.Length;
        var beta = new double[d];
        var usable = groups.Where(g => g.Y.Any(y => y) && g.Y.Any(y => !y)).ToList();
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var gradient = new double[d];
            var hessian = new double[d, d];
            foreach (var (x, y) in usable)
            {
                var n = x.Count;
                var z = new double[n];
                for (var c = 0; c < n; c++)
                    for (var j = 0; j < d; j++) z[c] += beta[j] * x[c][features[j]];
                var max = z.Max();
                var p = z.Select(v => Math.Exp(v - max)).ToArray();
                var sum = p.Sum();
                for (var c = 0; c < n; c++) p[c] /= sum;
                // The posterior over the right candidates, from the log-odds directly (their probabilities may underflow).
                var maxPositive = Enumerable.Range(0, n).Where(c => y[c]).Max(c => z[c]);
                var positiveSum = Enumerable.Range(0, n).Where(c => y[c]).Sum(c => Math.Exp(z[c] - maxPositive));
                var mean = new double[d];
                for (var c = 0; c < n; c++)
                {
                    var q = y[c] ? Math.Exp(z[c] - maxPositive) / positiveSum : 0;
                    for (var j = 0; j < d; j++)
                    {
                        var v = x[c][features[j]];
                        gradient[j] += (q - p[c]) * v;
                        mean[j] += p[c] * v;
                    }
                }
                for (var c = 0; c < n; c++)
                {
                    if (p[c] < 1e-9) continue;
                    for (var j = 0; j < d; j++)
                    {
                        var vj = x[c][features[j]] - mean[j];
                        if (vj == 0) continue;
                        for (var k = 0; k < d; k++) hessian[j, k] += p[c] * vj * (x[c][features[k]] - mean[k]);
                    }
                }
            }
            for (var j = 0; j < d; j++)
            {
                gradient[j] -= l2 * beta[j];
                hessian[j, j] += l2;
            }
            var step = Solve(hessian, gradient);
            // The curvature is exact only for one right candidate: damp long steps so the ascent cannot overshoot.
            var longest = step.Max(Math.Abs);
            var scale = longest > MaxStep ? MaxStep / longest : 1;
            var change = 0.0;
            for (var j = 0; j < d; j++)
            {
                beta[j] += scale * step[j];
                change = Math.Max(change, Math.Abs(scale * step[j]));
            }
            if (change < Tolerance) break;
        }
        var weights = new double[use.Length];
        for (var j = 0; j < d; j++) weights[features[j]] = beta[j];
        return weights;
    }

    /// <summary>Solves A x = b by Gaussian elimination with partial pivoting (A is small and positive definite).</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var v = (double[])b.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++) if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col])) pivot = r;
            if (pivot != col)
            {
                for (var c = 0; c < n; c++) (m[col, c], m[pivot, c]) = (m[pivot, c], m[col, c]);
                (v[col], v[pivot]) = (v[pivot], v[col]);
            }
            var diag = m[col, col];
            if (Math.Abs(diag) < 1e-12) continue;
            for (var r = col + 1; r < n; r++)
            {
                var f = m[r, col] / diag;
                if (f == 0) continue;
                for (var c = col; c < n; c++) m[r, c] -= f * m[col, c];
                v[r] -= f * v[col];
            }
        }
        var x = new double[n];
        for (var r = n - 1; r >= 0; r--)
        {
            var sum = v[r];
            for (var c = r + 1; c < n; c++) sum -= m[r, c] * x[c];
            x[r] = Math.Abs(m[r, r]) < 1e-12 ? 0 : sum / m[r, r];
        }
        return x;
    }
}
