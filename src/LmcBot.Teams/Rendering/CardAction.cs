using System.Text.Json.Serialization;

namespace LmcBot.Teams.Rendering;

/// <summary>A card button.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
internal abstract record CardAction(string Title);

/// <summary>
/// Posts <see cref="Data"/> back as a message activity with <c>value</c> set and no text; the
/// adapter reads <c>value.cmd</c> as the follow-up input.
/// </summary>
internal sealed record SubmitAction(string Title, SubmitData Data) : CardAction(Title);

/// <summary>The payload of our submit buttons: <c>{"cmd": "route StarExpress"}</c>.</summary>
internal sealed record SubmitData(string Cmd)
{
    public const string CommandProperty = "cmd";
}
