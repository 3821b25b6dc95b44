namespace LmcBot.Core.Embedding;

/// <summary>How far a long embedding run is: <paramref name="Done"/> of <paramref name="Total"/> texts through the model.</summary>
public readonly record struct EmbeddingProgress(int Done, int Total);
