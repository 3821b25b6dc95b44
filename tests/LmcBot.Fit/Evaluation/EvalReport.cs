using System.Globalization;
using LmcBot.Core.Chat;

namespace LmcBot.Fit.Evaluation;

/// <summary>How a set of answers scored: answerable rows answered right, declines declined, native-script rows right, answered rows cited.</summary>
public sealed record EvalReport(int Answerable, int AnsweredRight, int Declines, int DeclinedRight, int Native, int NativeRight, int Answered, int AnsweredCited,
    IReadOnlyList<(EvalRow Row, Answer Answer)> Failures)
{
    public double AnswerRate => Answerable == 0 ? 1 : (double)AnsweredRight / Answerable;
    public double DeclineRate => Declines == 0 ? 1 : (double)DeclinedRight / Declines;
    public double NativeRate => Native == 0 ? 1 : (double)NativeRight / Native;
    public double CitedRate => Answered == 0 ? 1 : (double)AnsweredCited / Answered;

    public static EvalReport Of(IEnumerable<(EvalRow Row, Answer Answer)> results)
    {
        int answerable = 0, answeredRight = 0, declines = 0, declinedRight = 0, native = 0, nativeRight = 0, answered = 0, cited = 0;
        var failures = new List<(EvalRow, Answer)>();
        foreach (var (row, answer) in results)
        {
            var right = EvalJudge.IsRight(row, answer);
            if (row.Answerable) { answerable++; if (right) answeredRight++; }
            else { declines++; if (right) declinedRight++; }
            if (row.IsNative) { native++; if (right) nativeRight++; }
            if (answer.Answered) { answered++; if (answer.Citations.Count > 0) cited++; }
            if (!right) failures.Add((row, answer));
        }
        return new EvalReport(answerable, answeredRight, declines, declinedRight, native, nativeRight, answered, cited, failures);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"answerable right {AnsweredRight}/{Answerable} ({AnswerRate:P1}), declines right {DeclinedRight}/{Declines} ({DeclineRate:P1}), native right {NativeRight}/{Native} ({NativeRate:P1}), answered cited {AnsweredCited}/{Answered} ({CitedRate:P1})");
}
