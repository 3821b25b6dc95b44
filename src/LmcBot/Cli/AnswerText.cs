using System.Globalization;
using System.Text;
using LmcBot.Core.Chat;
using LmcBot.Core.Text;

namespace LmcBot.Cli;

/// <summary>Plain-text rendering of an answer for the console: the text, its fields, its sources, what to try next; control characters escaped.</summary>
public static class AnswerText
{
    public static string Render(Answer answer)
    {
        var sb = new StringBuilder();
        var intent = answer.Intent;
        var listing = intent == Intent.Help || intent == Intent.About || intent == Intent.Sources;
        if (answer.Title is { Length: > 0 } title
            && (listing || intent == Intent.KbList || intent == Intent.KbShow || intent == Intent.KbHistory || intent == Intent.KbUnanswered || intent == Intent.KbFeedback))
            sb.AppendLine(title);
        sb.AppendLine(answer.Text);
        if (listing || intent.IsAdmin || intent == Intent.FigureSeries)
            foreach (var field in answer.Fields)
                sb.AppendLine(CultureInfo.InvariantCulture, $"  {field.Name}: {field.Value}");
        foreach (var citation in answer.Citations.Take(4))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  Source: {citation.SourceLine()}");
            if (citation.Quote.Length > 0) sb.AppendLine(CultureInfo.InvariantCulture, $"    \"{citation.Quote}\"");
        }
        if (answer.Citations.Count > 4) sb.AppendLine(CultureInfo.InvariantCulture, $"  (+{answer.Citations.Count - 4} more sources)");
        for (var i = 0; i < answer.Choices.Count; i++)
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {i + 1}. {answer.Choices[i].Label}");
        if (answer.Choices.Count > 0) sb.AppendLine("  (type the number of your choice)");
        if (answer.FollowUps.Count > 0)
            sb.AppendLine("  Try: " + string.Join(" | ", answer.FollowUps.Select(f => f.Input)));
        if (answer.Feedback.Count > 0) sb.AppendLine("  Was this right? Type good or wrong.");
        if (answer.File is { } file) sb.AppendLine(CultureInfo.InvariantCulture, $"  Attached: {file.FileName} ({file.Content.Length:N0} bytes)");
        // Facts, titles and audit entries stored before admin values refused control characters must not reach the terminal raw.
        return ControlCharacters.Escape(sb.ToString().TrimEnd());
    }
}
