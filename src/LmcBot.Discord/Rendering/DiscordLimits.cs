namespace LmcBot.Discord.Rendering;

/// <summary>Discord's message, embed, component and command limits (docs/PROTOCOLS.md A.3, A.4), in UTF-16 characters.</summary>
internal static class DiscordLimits
{
    public const int Content = 2000;
    public const int EmbedTitle = 256;
    public const int EmbedDescription = 4096;
    public const int EmbedFields = 25;
    public const int FieldName = 256;
    public const int FieldValue = 1024;
    public const int FooterText = 2048;
    public const int EmbedTotal = 6000;
    public const int CustomId = 100;
    public const int ButtonLabel = 80;
    public const int ButtonsPerRow = 5;
    public const int Choices = 25;
    public const int ChoiceName = 100;
    public const int ChoiceValue = 100;
    public const int CommandName = 32;
    public const int CommandDescription = 100;
    public const int CommandOptions = 25;
    public const int CommandTotal = 8000;
    public const int OptionMaxLength = 6000;
}
