namespace LmcBot.Discord.Interactions;

/// <summary>An uploaded file referenced by an attachment option (from <c>data.resolved.attachments</c>).</summary>
internal sealed record InteractionAttachment(string FileName, string Url, long Size, string? ContentType);
