namespace LmcBot.Core.Answering.Retrieval;

/// <summary>A search result: the item (as numbered when the index was built) and its cosine similarity to the query.</summary>
public readonly record struct DenseHit(int Item, float Similarity);
