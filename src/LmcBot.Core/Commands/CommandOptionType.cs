namespace LmcBot.Core.Commands;

/// <summary>Value types an option can take; each adapter maps them to its own (Discord option types, text).</summary>
public enum CommandOptionType
{
    String,
    Boolean,
    Integer,
    Number,
    /// <summary>A document the user uploads (Discord attachment); other surfaces take pasted text or a file path.</summary>
    Attachment,
}
