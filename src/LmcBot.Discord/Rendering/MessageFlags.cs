namespace LmcBot.Discord.Rendering;

/// <summary>Message flag bits we set.</summary>
[Flags]
internal enum MessageFlags
{
    None = 0,

    /// <summary>Only the invoking user sees the message.</summary>
    Ephemeral = 1 << 6,
}
