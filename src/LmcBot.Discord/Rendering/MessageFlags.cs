namespace LmcBot.Discord.Rendering;

/// <summary>Message flag bits we set.</summary>
internal static class MessageFlags
{
    /// <summary>Only the invoking user sees the message.</summary>
    public const int Ephemeral = 1 << 6;
}
