namespace LmcBot.Core.Embedding;

/// <summary>A row of the LiteDB <c>vectors</c> collection: one model's vector of one text, keyed by its content hash.</summary>
public sealed class StoredVector
{
    /// <summary><see cref="DenseText.Hash"/> of the model id and the text.</summary>
    public string Id { get; set; } = "";
    public string Model { get; set; } = "";
    /// <summary><see cref="VectorBytes"/>: float32, little-endian.</summary>
    public byte[] Data { get; set; } = [];
}
