namespace LmcBot.Core.Knowledge;

/// <summary>A paragraph of a document: its text without source markers, and the markers' keys.</summary>
public sealed record DocumentParagraph(int Index, string Text, IReadOnlyList<string> SourceKeys);
