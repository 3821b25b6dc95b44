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
        if (answer.Title is { Length: > 0 } title && answer.Intent is "help" or "about" or "sources" or "kb.list" or "kb.show" or "kb.history" or "kb.unanswered")
            sb.AppendLine(title);
        sb.AppendLine(answer.Text);
        if (answer.Intent is "help" or "about" or "sources" || answer.Intent.StartsWith("kb.", StringComparison.Ordinal) || answer.Intent == "figure-series")
            foreach (var field in answer.Fields)
                sb.AppendLine($"  {field.Name}: {field.Value}");
        foreach (var citation in answer.Citations.Take(4))
        {
            sb.AppendLine($"  Source: {citation.SourceLine()}");
            if (citation.Quote.Length > 0) sb.AppendLine($"    \"{citation.Quote}\"");
        }
        if (answer.Citations.Count > 4) sb.AppendLine($"  (+{answer.Citations.Count - 4} more sources)");
        if (answer.FollowUps.Count > 0)
            sb.AppendLine("  Try: " + string.Join(" | ", answer.FollowUps.Select(f => f.Input)));
        if (answer.File is { } file) sb.AppendLine($"  Attached: {file.FileName} ({file.Content.Length:N0} bytes)");
        // Facts, titles and audit entries stored before admin values refused control characters must not reach the terminal raw.
        return ControlCharacters.Escape(sb.ToString().TrimEnd());
    }
}
