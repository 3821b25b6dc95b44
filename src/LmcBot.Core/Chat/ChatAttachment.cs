namespace LmcBot.Core.Chat;

/// <summary>A text document that came with a request (already fetched and size-checked by the adapter).</summary>
public sealed record ChatAttachment(string FileName, string ContentType, string Text);
