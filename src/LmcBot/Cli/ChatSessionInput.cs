using System.Globalization;
using LmcBot.Core.Chat;

namespace LmcBot.Cli;

/// <summary>
/// What a line typed in <c>chat</c> stands for: the number of a "did you mean" choice, or <c>good</c> / <c>wrong</c>
/// about the last answer, become the input the choice or vote button would send; anything else is passed on as typed.
/// </summary>
public static class ChatSessionInput
{
    public static string Translate(string line, Answer? last)
    {
        if (last is null) return line;
        if (last.Choices.Count > 0 && int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number >= 1 && number <= last.Choices.Count)
            return last.Choices[number - 1].Input;
        if (last.Feedback.Count == 2)
        {
            var word = line.Trim().TrimEnd('!', '.').ToLowerInvariant();
            if (word is "good" or "helpful" or "right") return last.Feedback[0].Input;
            if (word is "wrong" or "bad" or "not right") return last.Feedback[1].Input;
        }
        return line;
    }
}
