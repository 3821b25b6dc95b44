using System.Globalization;

namespace LmcBot.Fit.Evaluation;

/// <summary>
/// How "did you mean" did on a set of tests/eval/choices rows at one margin: ambiguous rows asked, and asked with
/// right choices (the offered choices answer at least two of the row's labelled meanings);
/// unambiguous rows asked (false asks).
/// </summary>
public sealed record ChoiceFigures(int Ambiguous, int Asked, int AskedRight, int Unambiguous, int FalseAsks)
{
    public double AskedRate => Ambiguous == 0 ? 0 : (double)Asked / Ambiguous;
    public double AskedRightRate => Ambiguous == 0 ? 0 : (double)AskedRight / Ambiguous;
    public double FalseAskRate => Unambiguous == 0 ? 0 : (double)FalseAsks / Unambiguous;
    public double NotAskedRate => 1 - FalseAskRate;

    /// <summary>Youden's J: ambiguous questions asked with right choices, less unambiguous ones asked.</summary>
    public double J => AskedRightRate - FalseAskRate;

    public static ChoiceFigures Of(IEnumerable<(ChoiceRow Row, ChoiceRead Read)> rows, double margin)
    {
        int ambiguous = 0, asked = 0, right = 0, unambiguous = 0, falseAsks = 0;
        foreach (var (row, read) in rows)
        {
            var offered = read.Offered(margin);
            if (row.Ambiguous)
            {
                ambiguous++;
                if (offered.Count == 0) continue;
                asked++;
                if (offered.Select(row.MeaningOf).Where(m => m >= 0).Distinct().Count() >= 2) right++;
            }
            else
            {
                unambiguous++;
                if (offered.Count > 0) falseAsks++;
            }
        }
        return new ChoiceFigures(ambiguous, asked, right, unambiguous, falseAsks);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"ambiguous asked {Asked}/{Ambiguous} ({AskedRate:P1}), with right choices {AskedRight}/{Ambiguous} ({AskedRightRate:P1}); unambiguous not asked {Unambiguous - FalseAsks}/{Unambiguous} ({NotAskedRate:P1})");
}
