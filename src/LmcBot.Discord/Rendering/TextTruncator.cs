using LmcBot.Core.Chat.Presentation;

namespace LmcBot.Discord.Rendering;

/// <summary>
/// Text within a Discord limit: Discord drops a value's surrounding whitespace, so it is trimmed before it counts,
/// then shortened by the core's one rule (<see cref="TextShortening"/>).
/// </summary>
internal static class TextTruncator
{
    /// <summary><paramref name="text"/> trimmed, and shortened by <see cref="TextShortening.Shorten"/> to at most <paramref name="max"/> characters.</summary>
    public static string Truncate(string? text, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        return TextShortening.Shorten((text ?? string.Empty).Trim(), max);
    }
}
