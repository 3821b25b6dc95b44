using System.Text.Json.Serialization;

namespace LmcBot.Teams.Rendering;

/// <summary>A body element of an Adaptive Card; the <c>type</c> discriminator comes first.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
internal abstract record CardElement
{
    public bool? Separator { get; init; }

    /// <summary><c>none</c>, <c>small</c>, <c>default</c>, <c>medium</c>, <c>large</c>.</summary>
    public string? Spacing { get; init; }
}

/// <summary>Text with the card Markdown subset (bold, italic, lists, links).</summary>
internal sealed record TextBlock(string Text) : CardElement
{
    public bool Wrap { get; init; } = true;

    public string? Weight { get; init; }

    public string? Size { get; init; }

    public bool? IsSubtle { get; init; }

    /// <summary><c>attention</c> for errors.</summary>
    public string? Color { get; init; }
}

/// <summary>Name/value rows.</summary>
internal sealed record FactSet(IReadOnlyList<Fact> Facts) : CardElement;

/// <summary>One FactSet row.</summary>
internal sealed record Fact(string Title, string Value);

/// <summary>A group of elements.</summary>
internal sealed record Container(IReadOnlyList<CardElement> Items) : CardElement;

/// <summary>Buttons inside the body.</summary>
internal sealed record ActionSet(IReadOnlyList<CardAction> Actions) : CardElement;
