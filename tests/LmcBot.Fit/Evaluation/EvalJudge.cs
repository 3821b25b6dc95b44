using LmcBot.Core.Chat;
using LmcBot.Core.Text;

namespace LmcBot.Fit.Evaluation;

/// <summary>
/// Whether an answer is right for a row: an answerable row needs an answer (not a decline) that holds every
/// expected pattern (case, diacritics and thousands separators folded), one of the alternatives when there
/// are any, and at least one citation; a decline row needs a decline.
/// </summary>
public static class EvalJudge
{
    public static bool IsRight(EvalRow row, Answer answer) => row.Answerable ? AnsweredRight(row, answer) : !answer.Answered;

    public static bool AnsweredRight(EvalRow row, Answer answer)
    {
        if (!answer.Answered || answer.Citations.Count == 0) return false;
        var text = " " + TextFolding.Fold(answer.Text + " " + string.Join(" ", answer.Fields.Select(f => f.Name + " " + f.Value))) + " ";
        bool Has(string pattern) => TextFolding.Fold(pattern) is { Length: > 0 } p && text.Contains(p, StringComparison.Ordinal);
        return row.ExpectAll.All(Has) && (row.ExpectAny.Count == 0 || row.ExpectAny.Any(Has));
    }
}
