namespace LmcBot.Core.Embedding;

/// <summary>
/// Where the vectors of new texts come from: the committed vector file by content hash when it has them (no model
/// needed, so fresh databases of the shipped knowledge are built in milliseconds), otherwise the sentence model.
/// </summary>
public sealed class DenseVectorSource
{
    /// <summary>
    /// Texts per model call. The model pads a batch to its longest text and its attention grows with the square of that
    /// length, so on two cores batches bought nothing: measured over 96 shipped texts (docs/PERFORMANCE.md, "Current
    /// figures"), one at a time was as fast per text as batches of 8 or 32 and kept resident memory 190 MB lower.
    /// </summary>
    public const int BatchSize = 1;

    private readonly Lazy<KnowledgeVectors?> _precomputed;
    private int _modelTexts;

    /// <param name="precomputedFile">A <see cref="VectorFile"/> of the same model; absent is fine (everything is embedded).</param>
    public DenseVectorSource(ISentenceEmbedder embedder, string? precomputedFile = null)
    {
        Embedder = embedder ?? throw new ArgumentNullException(nameof(embedder));
        PrecomputedFile = precomputedFile;
        _precomputed = new Lazy<KnowledgeVectors?>(LoadPrecomputed);
    }

    /// <summary>
    /// The bot's source: <see cref="MiniLmSentenceEmbedder.Shared"/> (loaded only when a text is missing from the file)
    /// and the committed <c>vectors/all-MiniLM-L6-v2.bin</c> of <paramref name="knowledgeFolder"/>.
    /// </summary>
    public static DenseVectorSource ForKnowledgeFolder(string knowledgeFolder) =>
        new(MiniLmSentenceEmbedder.Shared, VectorFile.PathFor(knowledgeFolder, MiniLmSentenceEmbedder.Model));

    /// <summary>The model answering must embed questions with, so they compare with the stored vectors.</summary>
    public ISentenceEmbedder Embedder { get; }

    public string? PrecomputedFile { get; }

    public string ModelId => Embedder.ModelId;

    public int Dimensions => Embedder.Dimensions;

    /// <summary>How many texts went through the model (not the file) so far.</summary>
    public int ModelTexts => Volatile.Read(ref _modelTexts);

    /// <summary>The content hash of a text under this source's model.</summary>
    public string Hash(string text) => DenseText.Hash(ModelId, text);

    /// <summary>
    /// Vectors, by content hash, for those of <paramref name="texts"/> whose hash <paramref name="isStored"/> does not
    /// already know (identical texts are computed once). Call it outside any database lock: the model may run.
    /// </summary>
    public Dictionary<string, float[]> VectorsFor(IEnumerable<string> texts, Func<string, bool>? isStored = null,
        IProgress<EmbeddingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var toEmbed = new List<(string Hash, string Text)>();
        var precomputed = _precomputed.Value;
        foreach (var text in texts)
        {
            var hash = Hash(text);
            if (result.ContainsKey(hash) || isStored?.Invoke(hash) == true) continue;
            if (precomputed?.ByHash.TryGetValue(hash, out var vector) == true) result[hash] = vector;
            else
            {
                result[hash] = []; // filled below; marks the hash as taken so a repeated text is embedded once
                toEmbed.Add((hash, text));
            }
        }
        for (var start = 0; start < toEmbed.Count; start += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = toEmbed.Skip(start).Take(BatchSize).ToList();
            var vectors = Embedder.Embed(batch.Select(b => b.Text).ToList(), cancellationToken);
            for (var i = 0; i < batch.Count; i++)
            {
                if (vectors[i].Length != Dimensions)
                    throw new InvalidOperationException($"{ModelId} returned a vector of {vectors[i].Length} values, not {Dimensions}.");
                result[batch[i].Hash] = vectors[i];
            }
            Interlocked.Add(ref _modelTexts, batch.Count);
            progress?.Report(new EmbeddingProgress(start + batch.Count, toEmbed.Count));
        }
        return result;
    }

    private KnowledgeVectors? LoadPrecomputed()
    {
        if (PrecomputedFile is null || !File.Exists(PrecomputedFile)) return null;
        var file = VectorFile.Read(PrecomputedFile);
        if (file.ModelId != ModelId || file.Dimensions != Dimensions)
            throw new InvalidDataException($"The vector file {PrecomputedFile} holds {file.ModelId} ({file.Dimensions} dimensions), not {ModelId} ({Dimensions}). Regenerate it (docs/ANSWERING.md, \"Dense retrieval\").");
        return file;
    }
}
