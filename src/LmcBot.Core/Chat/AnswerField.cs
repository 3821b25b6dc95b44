namespace LmcBot.Core.Chat;

/// <summary>A structured name/value pair shown beside the answer text (embed field, FactSet row).</summary>
public sealed record AnswerField(string Name, string Value);
