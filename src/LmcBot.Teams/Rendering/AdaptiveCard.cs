using System.Text.Json.Serialization;

namespace LmcBot.Teams.Rendering;

/// <summary>An Adaptive Card, version 1.5: the highest Teams renders in bot messages.</summary>
internal sealed record AdaptiveCard
{
    public const string CardVersion = "1.5";

    [JsonPropertyOrder(-3)]
    public string Type { get; init; } = "AdaptiveCard";

    [JsonPropertyName("$schema"), JsonPropertyOrder(-2)]
    public string Schema { get; init; } = "http://adaptivecards.io/schemas/adaptive-card.json";

    [JsonPropertyOrder(-1)]
    public string Version { get; init; } = CardVersion;

    /// <summary>Shown by clients that cannot render the card.</summary>
    public string? FallbackText { get; init; }

    public required IReadOnlyList<CardElement> Body { get; init; }

    public IReadOnlyList<CardAction>? Actions { get; init; }
}
