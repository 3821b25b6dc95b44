namespace LmcBot.Core.Chat;

/// <summary>A file that goes with an answer (kb export): sent as an attachment where the platform allows.</summary>
public sealed record AnswerFile(string FileName, string ContentType, byte[] Content);
